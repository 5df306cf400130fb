import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Me, PersonalDataExport, UpdateMe } from '../../../shared/contracts/auth.ts';
import { CourseLanguageChoice } from '../../../shared/contracts/course-language.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import type { AuthDeps } from '../auth/auth.service.ts';
import { exportMyData, meOfActor, setCourseLanguage, updateMe } from './me.service.ts';

export const EXPORTS_PER_MINUTE = 5;

export const meRoutes =
  (deps: AuthDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['me'];
    app.get(
      '/me',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'The logged-in user with memberships and roles',
          response: { 200: Me, ...problems(401) },
        },
      },
      async (req) => meOfActor(actorOf(req)),
    );
    app.patch(
      '/me',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Update my name, language or gender',
          body: UpdateMe,
          response: { 200: Me, ...problems(400, 401, 403) },
        },
      },
      async (req) => updateMe(deps.db, actorOf(req), req.body),
    );
    app.put(
      '/me/course-language',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Set the language I read courses in (null: follow the interface language)',
          body: CourseLanguageChoice,
          response: { 200: CourseLanguageChoice, ...problems(400, 401, 403) },
        },
      },
      async (req) => setCourseLanguage(deps.db, actorOf(req), req.body.language),
    );
    app.get(
      '/me/export',
      {
        preHandler: requireUser,
        // An export reads the whole audit log and outbox for mentions (ADR 15): a few a minute per person.
        config: {
          rateLimit: {
            max: EXPORTS_PER_MINUTE,
            timeWindow: '1 minute',
            keyGenerator: (req: FastifyRequest) => req.actor?.userId ?? req.ip,
          },
        },
        schema: {
          tags,
          summary: 'Export the personal data held about me (at most 5 a minute)',
          response: { 200: PersonalDataExport, ...problems(401, 429) },
        },
      },
      async (req) => exportMyData(deps, actorOf(req)),
    );
  };
