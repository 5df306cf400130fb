import fs from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { actionPlanRoutes } from './features/action-plans/action-plans.routes.ts';
import { activationRoutes } from './features/activation/activation.routes.ts';
import { apiClientRoutes } from './features/api-clients/api-clients.routes.ts';
import { tokenRoutes } from './features/api-clients/token.routes.ts';
import { assessmentResultRoutes } from './features/assessment-results/assessment-results.routes.ts';
import { assessmentRoutes } from './features/assessments/assessments.routes.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { authoringRoutes } from './features/authoring/authoring.routes.ts';
import { caseRoutes } from './features/cases/cases.routes.ts';
import { cmi5Routes } from './features/cmi5/cmi5.routes.ts';
import { contractRadarRoutes } from './features/contract-radar/contract-radar.routes.ts';
import { contentRoutes } from './features/course-packages/content.routes.ts';
import { packageImportRoutes } from './features/course-packages/package-import.routes.ts';
import { dashboardRoutes } from './features/dashboards/dashboards.routes.ts';
import { definitionRoutes } from './features/definitions/definitions.routes.ts';
import { documentRoutes } from './features/documents/documents.routes.ts';
import { externalContactRoutes } from './features/external-contacts/external-contacts.routes.ts';
import { fundingCallRoutes } from './features/funding-calls/funding-calls.routes.ts';
import {
  identityProviderRoutes,
  ssoDiscoveryRoutes,
} from './features/identity-providers/identity-providers.routes.ts';
import { importRoutes } from './features/imports/imports.routes.ts';
import { initiativeRoutes } from './features/initiatives/initiatives.routes.ts';
import { learningRoutes } from './features/learning/learning.routes.ts';
import { createMailer, type Mailer } from './features/mail/mailer.ts';
import { adoptionViewRoutes } from './features/mapping/adoption-views.routes.ts';
import { technologyRoutes } from './features/mapping/technologies.routes.ts';
import { meRoutes } from './features/me/me.routes.ts';
import { needRoutes } from './features/needs/needs.routes.ts';
import { networkPublicRoutes } from './features/networks/events.routes.ts';
import { networkRoutes } from './features/networks/networks.routes.ts';
import { openDataRoutes } from './features/open-data/open-data.routes.ts';
import { organisationRoutes } from './features/organisations/organisations.routes.ts';
import { peopleRoutes } from './features/people/people.routes.ts';
import { peopleSearchRoutes } from './features/people/people-search.routes.ts';
import { procurementRoutes } from './features/procurements/procurements.routes.ts';
import { programmeRoutes } from './features/programmes/programmes.routes.ts';
import { reportRoutes } from './features/reports/reports.routes.ts';
import { requirementRoutes } from './features/requirements/requirements.routes.ts';
import { specificationRoutes } from './features/requirements/specifications.routes.ts';
import { scimRoutes } from './features/scim/scim.routes.ts';
import { scimTokenRoutes } from './features/scim/scim-tokens.routes.ts';
import { scormRuntimeRoutes } from './features/scorm/scorm-runtime.routes.ts';
import { samlRoutes } from './features/sso/saml/saml.routes.ts';
import { ssoRoutes } from './features/sso/sso.routes.ts';
import { startRoutes } from './features/start/start.routes.ts';
import { steeringReportRoutes } from './features/steering-reports/steering-reports.routes.ts';
import { studyGroupRoutes } from './features/study-groups/study-groups.routes.ts';
import { supplierContractRoutes } from './features/supplier-contracts/supplier-contracts.routes.ts';
import { supplierRoutes } from './features/suppliers/suppliers.routes.ts';
import { supportRoutes } from './features/support/support.routes.ts';
import { healthRoutes } from './features/system/health.routes.ts';
import { createReadiness, type ReadinessOptions } from './features/system/readiness.ts';
import { systemRoutes } from './features/system/system.routes.ts';
import { teamRoutes } from './features/team/team.routes.ts';
import { userRoutes } from './features/users/users.routes.ts';
import { xapiRoutes } from './features/xapi/xapi.routes.ts';
import { startCacheCoherence } from './lib/cache-coherence.ts';
import { cachesOf } from './lib/caches.ts';
import { defineAppJobs } from './lib/jobs/app-jobs.ts';
import { createJobQueue, type JobQueueOptions } from './lib/jobs/job-queue.ts';
import { sharedRateLimitStore } from './lib/rate-limit-store.ts';
import { registerCsrf } from './plugins/csrf.ts';
import { registerErrorHandling, sendProblem } from './plugins/errors.ts';
import { registerNoStore } from './plugins/no-store.ts';
import { registerNulInBody } from './plugins/nul-in-body.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerSession } from './plugins/session.ts';

export interface AppDeps {
  database: Database;
  config: Config;
  mailer?: Mailer;
  logger?: boolean;
  /** How this process works jobs (tests shorten polling; a process may only send). */
  jobs?: JobQueueOptions;
  /** Run the hourly reminders and alerts as scheduled jobs (main; tests call them directly). */
  scheduledJobs?: boolean;
  /** The demo dataset is loaded: the login page may show the demo accounts. */
  demo?: boolean;
  /** How often /readyz probes the database (tests shorten it). */
  readiness?: ReadinessOptions;
  /**
   * Mount the demo OIDC provider for Borlänge under /demo-idp (demo mode only; main.ts decides).
   * `keyDir` keeps its keys across restarts (the data directory); without it they live in memory.
   */
  demoIdp?: { keyDir?: string } | false;
  /** How long an organisation's IdP may take to answer during SSO (default 10 s; tests shorten it). */
  idpTimeoutMs?: number;
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Builds the whole server; used by main, the tests and the benchmark alike. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { database, config } = deps;
  const db = database.db;
  // A new app starts from empty caches, however the database got its rows (lib/caches.ts, ADR 23).
  const caches = cachesOf(db);
  caches.dropAllHere();
  // Imports, e-mail and scheduled work run as durable jobs in the database (ADR 22), started with the app.
  const jobs = createJobQueue(database, { error: (obj, msg) => app.log.error(obj, msg) }, deps.jobs);
  const mailer = deps.mailer ?? createMailer(db, { smtpUrl: config.smtpUrl, from: config.mailFrom, jobs });

  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: MAX_UPLOAD_BYTES,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  defineAppJobs(jobs, { db, config, mailer, log: app.log }, { scheduled: deps.scheduledJobs ?? false });
  app.addHook('onReady', () => jobs.start());
  app.addHook('onClose', () => jobs.stop());
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.publicUrl.startsWith('https://'),
  });
  // Phones on slow networks: JSON over 1 KiB is compressed (a course is ~150 KiB of JSON, ~25 KiB
  // gzipped); built assets are compressed once at build time and served as they are (preCompressed).
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'] });
  // Limits counted in the database, so they hold in total over every instance (on top of the
  // per-account lockout); the 429 answer is the errors plugin's problem+json.
  await app.register(fastifyRateLimit, { global: false, store: sharedRateLimitStore(db) });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await registerOpenApi(app, config);

  const readiness = createReadiness(database, deps.readiness);
  // Cache drops reach the other instances on the same PostgreSQL within a second (ADR 23); on PGlite
  // there is only this process, whose drops apply at once.
  if (database.kind === 'postgres' && database.url) {
    const coherence = await startCacheCoherence({ url: database.url, db, registry: caches, log: app.log });
    app.addHook('onClose', () => coherence.close());
  }
  registerErrorHandling(app, { onWriteUnavailable: () => readiness.reportWriteFailure() });
  registerNulInBody(app);
  registerSession(app, { db, config });
  registerCsrf(app);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes({ database, readiness }));

  const authDeps = { db, config, mailer };
  await app.register(
    async (api) => {
      registerNoStore(api);
      await api.register(authRoutes(authDeps));
      await api.register(meRoutes(authDeps));
      await api.register(organisationRoutes({ db }));
      await api.register(auditRoutes({ db }));
      await api.register(peopleRoutes(authDeps));
      await api.register(activationRoutes(authDeps));
      await api.register(identityProviderRoutes({ db, config }));
      await api.register(ssoDiscoveryRoutes({ db, config }));
      await api.register(importRoutes({ ...authDeps, jobs }));
      await api.register(learningRoutes({ db, config }));
      await api.register(authoringRoutes({ db }));
      await api.register(programmeRoutes({ db }));
      await api.register(reportRoutes({ db }));
      await api.register(studyGroupRoutes({ db, mailer, publicUrl: config.publicUrl }));
      await api.register(userRoutes({ db }));
      await api.register(technologyRoutes({ db }));
      await api.register(networkRoutes(authDeps));
      await api.register(networkPublicRoutes(authDeps));
      await api.register(documentRoutes({ db }));
      await api.register(adoptionViewRoutes({ db }));
      await api.register(assessmentRoutes(authDeps));
      await api.register(assessmentResultRoutes({ db }));
      await api.register(actionPlanRoutes({ db }));
      await api.register(needRoutes({ db }));
      await api.register(initiativeRoutes({ db }));
      await api.register(caseRoutes({ db, mailer }));
      await api.register(definitionRoutes({ db }));
      await api.register(dashboardRoutes({ db }));
      await api.register(steeringReportRoutes({ db }));
      await api.register(scimTokenRoutes({ db, config }));
      await api.register(apiClientRoutes({ db, config }));
      await api.register(teamRoutes({ db, mailer, config }));
      await api.register(startRoutes({ db }));
      await api.register(peopleSearchRoutes({ db }));
      await api.register(supplierRoutes({ db }));
      await api.register(requirementRoutes({ db }));
      await api.register(specificationRoutes({ db }));
      await api.register(supportRoutes({ db, mailer, publicUrl: config.publicUrl }));
      await api.register(externalContactRoutes({ db }));
      await api.register(fundingCallRoutes({ db }));
      await api.register(procurementRoutes({ db }));
      await api.register(contractRadarRoutes({ db, publicUrl: config.publicUrl }));
      await api.register(supplierContractRoutes({ db }));
      await api.register(scormRuntimeRoutes({ db }));
      await api.register(packageImportRoutes({ db }));
      await api.register(cmi5Routes({ db, publicUrl: config.publicUrl }));
      // @features-routes (helpers register their routes above this line)
      await api.register(
        systemRoutes({
          database: database.kind,
          demo: deps.demo ?? false,
          version: process.env.npm_package_version ?? '0.1.0',
        }),
      );
    },
    { prefix: '/api/v1' },
  );
  // OAuth 2.0 client credentials for API clients (issue 15): outside /api, no cookie, no CSRF.
  await app.register(tokenRoutes({ db, config }));
  // Open data needs no login and lives under its own versioned prefix (issue 8).
  await app.register(openDataRoutes({ db, rateLimitPerMinute: config.openDataRateLimitPerMinute }), {
    prefix: '/api/open/v1',
  });

  // Sign-in with the organisation's IdP: browser redirects at the root, where IdPs send people back.
  await app.register(ssoRoutes({ db, config, idpTimeoutMs: deps.idpTimeoutMs }));
  await app.register(samlRoutes({ db, config }));
  if (deps.demoIdp) {
    // Loaded only in demo mode: oidc-provider is never part of a production process.
    const { mountDemoIdp } = await import('./features/sso/demo-idp/demo-idp.plugin.ts');
    await app.register(mountDemoIdp({ db, config, keyDir: deps.demoIdp.keyDir }));
  }

  // The learning record store (issue 18): HTTP Basic with an API client, the LRS's own errors, CORS.
  await app.register(xapiRoutes({ db, publicUrl: config.publicUrl }), { prefix: '/xapi' });
  // Imported package files for the sandboxed player frame (issue 18): no cookie, no session, own CSP.
  await app.register(contentRoutes({ db, publicUrl: config.publicUrl }));

  // SCIM provisioning (issue 15): bearer token only, SCIM's own errors, outside /api (no cookie, no CSRF).
  await app.register(scimRoutes({ db, config }), { prefix: '/scim/v2' });

  registerClient(app, config.clientDir);
  return app;
}

/** Serves the built React app and answers unknown non-API paths with index.html (client routing). */
function registerClient(app: FastifyInstance, clientDir: string) {
  const hasClient = fs.existsSync(path.join(clientDir, 'index.html'));
  if (hasClient) {
    app.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders: (res, filePath) => {
        // Vite puts content hashes in asset names, so they can be cached for good.
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (!hasClient) return sendProblem(req, reply, 404, 'not_found');
    const isPage =
      req.method === 'GET' && !req.url.startsWith('/api/') && !path.extname(req.url.split('?')[0] ?? '');
    if (isPage) return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    return sendProblem(req, reply, 404, 'not_found');
  });
}
