import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { type Database, openDatabase, queryRows } from '../../src/server/db/client.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The login and open-data limits are counted in the database (lib/rate-limit-store.ts), so they hold in
 * total however many instances serve the requests. Each test uses addresses of its own.
 */
const AUTH_LIMIT = 3;
const OPEN_DATA_LIMIT = 2;
const env = {
  AUTH_RATE_LIMIT_PER_MINUTE: String(AUTH_LIMIT),
  OPEN_DATA_RATE_LIMIT_PER_MINUTE: String(OPEN_DATA_LIMIT),
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(env);
});
afterAll(() => t.close());

/** The double-submit CSRF pair, as a browser sends it (plugins/csrf.ts). */
const csrf = { cookie: 'vn_csrf=rate-limit-test', 'x-csrf-token': 'rate-limit-test' };
const login = (app: FastifyInstance, ip: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    headers: csrf,
    // An address of its own each time: the per-address lockout (423) is not what is tested here.
    payload: { email: `nobody.${randomUUID()}@example.se`, password: 'x' },
  });
const openData = (app: FastifyInstance, ip: string) =>
  app.inject({ method: 'GET', url: '/api/open/v1/municipalities', remoteAddress: ip });

describe('the login limit', () => {
  it('answers 429 problem+json with the limit headers once an address has used up the minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i < AUTH_LIMIT; i++) codes.push((await login(t.app, '10.1.0.1')).statusCode);
    expect(codes).toEqual(Array(AUTH_LIMIT).fill(401));
    const res = await login(t.app, '10.1.0.1');
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('rate_limited');
    expect(res.headers['x-ratelimit-limit']).toBe(String(AUTH_LIMIT));
    expect(res.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('counts each address and each route apart', async () => {
    for (let i = 0; i <= AUTH_LIMIT; i++) await login(t.app, '10.1.0.2');
    expect((await login(t.app, '10.1.0.2')).statusCode).toBe(429);
    const other = await login(t.app, '10.1.0.3');
    expect(other.statusCode).toBe(401);
    expect(other.headers['x-ratelimit-remaining']).toBe(String(AUTH_LIMIT - 1));
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      remoteAddress: '10.1.0.2',
      headers: csrf,
      payload: { email: 'nobody@example.se' },
    });
    expect(reset.statusCode).not.toBe(429);
    expect(reset.headers['x-ratelimit-remaining']).toBe(String(AUTH_LIMIT - 1));
  });

  it('starts counting again when the window has ended', async () => {
    for (let i = 0; i < AUTH_LIMIT; i++) await login(t.app, '10.1.0.4');
    expect((await login(t.app, '10.1.0.4')).statusCode).toBe(429);
    // The minute passes: every window in the table ends now.
    await t.db.execute(sql`update rate_limit_counters set window_ends_at = now() - interval '1 second'`);
    const again = await login(t.app, '10.1.0.4');
    expect(again.statusCode).toBe(401);
    expect(again.headers['x-ratelimit-remaining']).toBe(String(AUTH_LIMIT - 1));
    expect(again.headers['x-ratelimit-reset']).toBe('60');
  });

  it('keeps no readable address in the table', async () => {
    await login(t.app, '10.1.0.5');
    const rows = await queryRows<{ key_hash: string }>(t.db, sql`select key_hash from rate_limit_counters`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.key_hash).not.toContain('10.1.0');
    }
  });
});

describe('the counters table', () => {
  it('is unlogged: a count waits for no disk flush, and a crash only restarts the windows', async () => {
    const rows = await queryRows<{ persistence: string }>(
      t.db,
      sql`select relpersistence as persistence from pg_class
          where relname = 'rate_limit_counters' and relnamespace = current_schema()::regnamespace`,
    );
    expect(rows).toEqual([{ persistence: 'u' }]);
  });
});

describe('the open-data limit', () => {
  it('holds per address with the same 429 answer', async () => {
    for (let i = 0; i < OPEN_DATA_LIMIT; i++)
      expect((await openData(t.app, '10.2.0.1')).statusCode).toBe(200);
    const res = await openData(t.app, '10.2.0.1');
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('rate_limited');
    expect(res.headers['x-ratelimit-limit']).toBe(String(OPEN_DATA_LIMIT));
    expect((await openData(t.app, '10.2.0.2')).statusCode).toBe(200);
  });
});

describe('two app instances on one database', () => {
  let second: FastifyInstance;
  let secondDatabase: Database;
  beforeAll(async () => {
    // On PostgreSQL a pool of its own, as another process would have; PGlite is one process's database.
    secondDatabase = t.database.url
      ? await openDatabase({ databaseUrl: t.database.url, poolSize: 2 })
      : t.database;
    // A window that ended long ago: the new instance's first counted request sweeps it away.
    await t.db.execute(
      sql`insert into rate_limit_counters (key_hash, hits, window_ends_at)
          values ('ended-window', 5, now() - interval '1 hour')`,
    );
    second = await buildApp({
      database: secondDatabase,
      config: loadConfig({
        LOG_LEVEL: 'silent',
        CLIENT_DIR: '/nonexistent',
        SECRETS_KEY: 'dGVzdC1rZXktZm9yLXNlYWxlZC1zZWNyZXRzLW9ubHk=',
        ADMIN_MFA: 'off',
        ...env,
      } as NodeJS.ProcessEnv),
      logger: false,
      demo: true,
    });
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    if (secondDatabase !== t.database) await secondDatabase.close();
  });

  it('holds the login limit in total, whichever instance answers', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 2 * AUTH_LIMIT; i++) {
      codes.push((await login(i % 2 === 0 ? t.app : second, '10.3.0.1')).statusCode);
    }
    expect(codes).toEqual([...Array(AUTH_LIMIT).fill(401), ...Array(AUTH_LIMIT).fill(429)]);
    // The second instance's first counted request swept the ended windows, without a timer.
    const ended = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from rate_limit_counters where key_hash = 'ended-window'`,
    );
    expect(ended[0]!.n).toBe(0);
  });

  it('holds the limit under concurrent requests to both', async () => {
    const codes = await Promise.all(
      Array.from({ length: 4 * OPEN_DATA_LIMIT }, (_, i) =>
        openData(i % 2 === 0 ? t.app : second, '10.3.0.2').then((r) => r.statusCode),
      ),
    );
    expect(codes.filter((c) => c === 200)).toHaveLength(OPEN_DATA_LIMIT);
    expect(codes.filter((c) => c === 429)).toHaveLength(3 * OPEN_DATA_LIMIT);
  });
});
