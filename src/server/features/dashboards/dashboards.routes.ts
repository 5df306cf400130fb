import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Dashboard,
  DashboardQuery,
  DashboardScopeParams,
  MunicipalityDashboard,
  MunicipalityDashboardParams,
  MunicipalityDashboardQuery,
} from '../../../shared/contracts/dashboards.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { scopeDashboard } from './dashboards.service.ts';
import { municipalityDashboard } from './municipality-dashboard.service.ts';

/** Dashboards for a region, an association, the nation and one municipality (issue 8). */
export const dashboardRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['dashboards'];
    app.addHook('preHandler', requireUser);

    // The municipality route is registered first so that `municipalities` is never read as a scope.
    app.get(
      '/dashboards/municipalities/:code',
      {
        schema: {
          tags,
          summary:
            'A municipality compared with its region, the model municipalities, chosen peers (?peers=) and the country. ' +
            'Who: the municipality’s coordinators, regional coordinators of its region or of an association it belongs to, ' +
            'and national administrators (dashboard.read over the municipality); others 403. Groups of 1–2 other ' +
            'municipalities the caller does not cover are withheld; maturity follows the assessment results’ rules.',
          params: MunicipalityDashboardParams,
          querystring: MunicipalityDashboardQuery,
          response: { 200: MunicipalityDashboard, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => {
        const peers = req.query.peers?.split(',') ?? [];
        const lang = req.query.lang ?? requestLanguage(req);
        return municipalityDashboard(db, actorOf(req), req.params.code, peers, lang);
      },
    );

    app.get(
      '/dashboards/:scope',
      {
        schema: {
          tags,
          summary:
            'Key figures and trends of a region (county code), an association (its id) or the country (SE): adoption and use, ' +
            'maturity by area, programme participation, initiatives by phase and status, funding by source, benefits. ' +
            'Who: dashboard.read held over the area itself — a region’s or association’s regional coordinators and national ' +
            'administrators; the country only national administrators; a municipal coordinator 403. Figures are at most a minute old.',
          params: DashboardScopeParams,
          querystring: DashboardQuery,
          response: { 200: Dashboard, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => {
        const lang = req.query.lang ?? requestLanguage(req);
        return scopeDashboard(db, actorOf(req), req.params.scope, lang);
      },
    );
  };
