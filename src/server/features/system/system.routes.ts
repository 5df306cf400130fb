import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SystemInfo } from '../../../shared/contracts/system.ts';
import { DEMO_PASSWORD, demoAccounts } from '../../db/demo/demo-people.ts';

/** Public facts about this installation, for the login page. Demo credentials only in demo mode. */
export const systemRoutes =
  (deps: { database: 'pglite' | 'postgres'; demo: boolean; version: string }): FastifyPluginAsyncZod =>
  async (app) => {
    const body: SystemInfo = {
      version: deps.version,
      database: deps.database,
      demo: deps.demo,
      demoPassword: deps.demo ? DEMO_PASSWORD : null,
      demoAccounts: deps.demo
        ? demoAccounts.filter((a) => a.login).map((a) => ({ email: a.email, name: a.name, role: a.role }))
        : [],
    };
    app.get(
      '/system',
      {
        schema: {
          tags: ['system'],
          summary: 'Version, database kind and demo mode',
          security: [],
          response: { 200: SystemInfo },
        },
      },
      async () => body,
    );
  };
