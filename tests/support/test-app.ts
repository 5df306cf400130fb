import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type AppDeps, buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Database, Db } from '../../src/server/db/client.ts';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../../src/server/db/demo/demo-people.ts';
import { openTestDatabase } from './template-db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  db: Db;
  /** A client that keeps cookies and sends the CSRF token, like the browser app. */
  agent(): Agent;
  /** An agent logged in as a demo account, e.g. `as('samordnare.falun')`. */
  as(localPart: string): Promise<Agent>;
  close(): Promise<void>;
}

export interface Agent {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  login(email: string, password?: string): Promise<LightMyRequestResponse>;
  cookies: Map<string, string>;
}

export const demoEmail = (local: string) => `${local}@${DEMO_DOMAIN}`;

/**
 * `deps`: switches of buildApp a test turns on explicitly, e.g. the demo IdP or a short IdP timeout.
 * `existing`: another instance on a database already open (its own pool on the same PostgreSQL
 * database); by default each app gets a fresh copy of the template.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  deps: Pick<AppDeps, 'demoIdp' | 'idpTimeoutMs' | 'jobs'> = {},
  existing?: Database,
): Promise<TestApp> {
  const database = existing ?? (await openTestDatabase());
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    CLIENT_DIR: '/nonexistent',
    // A fixed test key: sealed secrets in the test database open with it (never used outside tests).
    SECRETS_KEY: 'dGVzdC1rZXktZm9yLXNlYWxlZC1zZWNyZXRzLW9ubHk=',
    // The second factor for administrators is tested on its own (tests/api/mfa.test.ts turns it on).
    ADMIN_MFA: 'off',
    ...env,
  } as NodeJS.ProcessEnv);
  const app = await buildApp({ database, config, logger: false, demo: true, ...deps });
  await app.ready();

  const agent = (): Agent => {
    const cookies = new Map<string, string>();
    let csrf: string | null = null;
    const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const request = async (opts: InjectOptions) => {
      const method = (opts.method ?? 'GET').toUpperCase();
      const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
      if (cookies.size) headers.cookie = cookieHeader();
      if (method !== 'GET' && method !== 'HEAD') {
        if (csrf === null) {
          const res = await app.inject({
            method: 'GET',
            url: '/api/v1/auth/csrf',
            headers: { cookie: cookieHeader() },
          });
          for (const c of res.cookies) cookies.set(c.name, c.value);
          csrf = (res.json() as { token: string }).token;
          headers.cookie = cookieHeader();
        }
        headers['x-csrf-token'] ??= csrf;
      }
      const res = await app.inject({ ...opts, headers });
      for (const c of res.cookies) {
        if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) cookies.delete(c.name);
        else cookies.set(c.name, c.value);
      }
      return res;
    };
    const a: Agent = {
      cookies,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, payload) =>
        request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
      patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
      delete: (url) => request({ method: 'DELETE', url }),
      login: (email, password = DEMO_PASSWORD) =>
        request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } }),
    };
    return a;
  };

  return {
    app,
    database,
    db: database.db,
    agent,
    async as(localPart) {
      const a = agent();
      const res = await a.login(demoEmail(localPart));
      if (res.statusCode !== 200)
        throw new Error(`login as ${localPart} failed: ${res.statusCode} ${res.body}`);
      return a;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
