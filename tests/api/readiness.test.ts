import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase, queryRows } from '../../src/server/db/client.ts';
import { DEMO_PASSWORD } from '../../src/server/db/demo/demo-people.ts';
import { releaseClientOnFailedBegin } from '../../src/server/db/failed-begin.ts';
import { freePort } from '../support/server-process.ts';
import { type Agent, createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let falun: Agent;
beforeAll(async () => {
  t = await createTestApp();
  falun = await t.as('samordnare.falun');
});
afterAll(() => t.close());

const FALUN = '/api/v1/municipalities/2080/technologies';
const adoption = (usersServed: number) => ({
  items: [{ technologyKey: 'digital-lock', status: 'in_operation', since: '2024-03-01', usersServed }],
});
const adoptions = async () =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from technology_adoption_history`))[0]!
    .n;

/** The test database's name and an admin connection to the server it lives on (PostgreSQL only). */
const dbName = () => new URL(t.database.url!).pathname.slice(1);
async function admin(query: string) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await client.query(query);
  } finally {
    await client.end();
  }
}
const terminateBackends = () =>
  admin(
    `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${dbName()}' and pid <> pg_backend_pid()`,
  );

/** A database that answers but cannot write — as after a failover to a standby or on a full disk. */
async function setReadOnly(on: boolean) {
  if (t.database.kind === 'pglite') {
    // PGlite is one session: setting it there is the database-wide default.
    await t.db.execute(sql.raw(`set default_transaction_read_only = ${on ? 'on' : 'off'}`));
    return;
  }
  await admin(`alter database "${dbName()}" set default_transaction_read_only = ${on ? 'on' : 'off'}`);
  await terminateBackends();
}

async function until(
  app: FastifyInstance,
  check: (res: LightMyRequestResponse) => boolean,
  timeoutMs = 20_000,
): Promise<LightMyRequestResponse> {
  const started = Date.now();
  for (;;) {
    const res = await app.inject({ url: '/readyz' });
    if (check(res) || Date.now() - started > timeoutMs) return res;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function expect503(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(503);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe('readiness and writes when the database cannot write', () => {
  it('fails /readyz, answers writes 503 with Retry-After writing nothing, and recovers by itself', async () => {
    expect((await t.app.inject({ url: '/readyz' })).json()).toMatchObject({ status: 'ready' });
    const before = await adoptions();
    await setReadOnly(true);
    try {
      const notReady = await until(
        t.app,
        (r) => r.statusCode === 503 && r.json().detail === 'database cannot write',
      );
      expect503(notReady);
      expect(notReady.json()).toMatchObject({ code: 'not_ready', detail: 'database cannot write' });
      let write = await falun.request({ method: 'PUT', url: FALUN, payload: adoption(11) });
      // On PostgreSQL the first use of a terminated connection fails as a connection error: also 503.
      if (write.statusCode === 503)
        write = await falun.request({ method: 'PUT', url: FALUN, payload: adoption(11) });
      expect503(write);
      expect(write.json()).toMatchObject({ code: 'database_unavailable' });
      // Reading still works: the session's last-seen bookkeeping does not fail a read.
      expect((await falun.get(FALUN)).statusCode).toBe(200);
    } finally {
      await setReadOnly(false);
    }
    expect(await adoptions()).toBe(before);
    expect((await until(t.app, (r) => r.statusCode === 200)).json()).toMatchObject({ status: 'ready' });
    const saved = await falun.request({ method: 'PUT', url: FALUN, payload: adoption(12) });
    expect(saved.statusCode).toBe(200);
    expect(await adoptions()).toBe(before + 1);
  }, 60_000);

  it('keeps /healthz (the process lives) apart from /readyz', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
  });
});

// Connection loss exists only with a networked database; on PGlite these cases do not arise.
if (process.env.TEST_DATABASE_URL) {
  describe('a dropped or unreachable PostgreSQL', () => {
    it('answers only 200 or 503 while its backends are terminated under load, and GETs ride over it', async () => {
      const statuses: { method: string; status: number; retryAfter: boolean }[] = [];
      let running = true;
      const record = (method: string, res: LightMyRequestResponse) =>
        statuses.push({ method, status: res.statusCode, retryAfter: Boolean(res.headers['retry-after']) });
      const reader = async () => {
        while (running) record('GET', await falun.get(FALUN));
      };
      const writer = async () => {
        for (let i = 0; running; i++)
          record('PUT', await falun.request({ method: 'PUT', url: FALUN, payload: adoption(100 + i) }));
      };
      const load = [reader(), reader(), reader(), reader(), writer()];
      let terminated = 0;
      for (let round = 0; round < 6; round++) {
        await new Promise((resolve) => setTimeout(resolve, 400));
        terminated += (await terminateBackends()).rowCount ?? 0;
      }
      running = false;
      await Promise.all(load);

      expect(terminated).toBeGreaterThan(0);
      const unexpected = statuses.filter((s) => s.status !== 200 && s.status !== 503);
      expect(unexpected).toEqual([]);
      expect(statuses.filter((s) => s.status === 503).every((s) => s.retryAfter)).toBe(true);
      const gets = statuses.filter((s) => s.method === 'GET');
      const ok = gets.filter((s) => s.status === 200).length;
      expect(gets.length).toBeGreaterThan(20);
      expect(ok / gets.length).toBeGreaterThanOrEqual(0.9);
      console.log(
        `terminated ${terminated} backends; GET ${ok}/${gets.length} ok; ` +
          `PUT ${statuses.filter((s) => s.method === 'PUT' && s.status === 200).length}/` +
          `${statuses.filter((s) => s.method === 'PUT').length} ok, the rest 503`,
      );
    }, 60_000);

    it('gives a connection back to the pool when a transaction cannot even begin on it', async () => {
      // drizzle sends BEGIN before the try/finally that releases its client: a BEGIN on a connection the
      // server has just ended used to keep the client for ever (a pool of one then hung every query).
      const pool = new pg.Pool({ connectionString: t.database.url!, max: 1 });
      pool.on('connect', (client) => {
        client.on('error', () => undefined);
        releaseClientOnFailedBegin(client as pg.PoolClient);
      });
      const client = await pool.connect();
      const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      await admin(`select pg_terminate_backend(${rows[0]!.pid})`);
      await expect(client.query('begin')).rejects.toThrow();
      const timedOut = new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), 5_000));
      const next = await Promise.race([pool.query<{ ok: number }>('select 1 as ok'), timedOut]);
      expect(next === 'timed out' ? next : next.rows[0]!.ok).toBe(1);
      await pool.end();
    });

    it('answers 503 and fails /readyz while the database cannot be reached, and is ready again after', async () => {
      const target = new URL(process.env.TEST_DATABASE_URL!);
      const port = await freePort();
      const sockets = new Set<net.Socket>();
      const proxy = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => undefined);
          s.on('close', () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
      });
      const listen = () => new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
      await listen();
      const viaProxy = new URL(t.database.url!);
      viaProxy.host = `127.0.0.1:${port}`;
      const database = await openDatabase({ databaseUrl: viaProxy.toString(), poolSize: 3 });
      const config = loadConfig({ LOG_LEVEL: 'silent', CLIENT_DIR: '/nonexistent' } as NodeJS.ProcessEnv);
      const app = await buildApp({ database, config, logger: false, readiness: { intervalMs: 0 } });
      const cookie = `vn_session=${falun.cookies.get('vn_session')}`;
      try {
        expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
        expect((await app.inject({ url: FALUN, headers: { cookie } })).statusCode).toBe(200);

        await new Promise((resolve) => {
          proxy.close(resolve);
          for (const s of sockets) s.destroy();
        });
        expect503(await app.inject({ url: '/readyz' }));
        const read = await app.inject({ url: FALUN, headers: { cookie } });
        expect503(read);
        expect(read.json()).toMatchObject({ code: 'database_unavailable' });

        await listen();
        expect((await until(app, (r) => r.statusCode === 200)).statusCode).toBe(200);
        expect((await app.inject({ url: FALUN, headers: { cookie } })).statusCode).toBe(200);
      } finally {
        await app.close();
        await database.close();
        for (const s of sockets) s.destroy();
        proxy.close();
      }
    }, 60_000);
  });
}

/**
 * A full data disk, for real: DATA_DIR on a small tmpfs filled to the last byte. Mounting needs root
 * (as CI runs); the embedded database is the one whose disk this process owns.
 */
function mountSmallDisk(): string | null {
  if (process.env.TEST_DATABASE_URL || process.getuid?.() !== 0) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
}
const smallDisk = mountSmallDisk();
if (smallDisk) {
  describe('a full data disk (embedded database)', () => {
    afterAll(() => {
      execFileSync('umount', [smallDisk]);
      fs.rmSync(smallDisk, { recursive: true, force: true });
    });

    it('answers writes 503, fails /readyz, and recovers by itself when space is freed', async () => {
      const dataDir = path.join(smallDisk, 'data');
      fs.mkdirSync(dataDir);
      const pglite = await PGlite.create(path.join(dataDir, 'pgdata'), {
        loadDataDir: new Blob([fs.readFileSync(inject('dbTemplate'))]),
      });
      await pglite.close();
      const database = await openDatabase({ dataDir });
      const config = loadConfig({ LOG_LEVEL: 'silent', CLIENT_DIR: '/nonexistent' } as NodeJS.ProcessEnv);
      const app = await buildApp({
        database,
        config,
        logger: false,
        readiness: { intervalMs: 0, holdAfterWriteFailureMs: 1_000 },
      });
      const filler = path.join(smallDisk, 'filler');
      try {
        const csrf = await app.inject({ url: '/api/v1/auth/csrf' });
        const token = csrf.json().token as string;
        let cookie = csrf.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
        const login = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { cookie, 'x-csrf-token': token },
          payload: { email: demoEmail('samordnare.falun'), password: DEMO_PASSWORD },
        });
        expect(login.statusCode).toBe(200);
        cookie = `${cookie}; ${login.cookies.map((c) => `${c.name}=${c.value}`).join('; ')}`;
        const write = (usersServed: number) =>
          app.inject({
            method: 'PUT',
            url: FALUN,
            headers: { cookie, 'x-csrf-token': token },
            payload: adoption(usersServed),
          });
        expect((await write(1)).statusCode).toBe(200);
        expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);

        // Fill the disk to the last block.
        try {
          execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M', 'count=400'], { stdio: 'ignore' });
        } catch {
          // dd stops with "No space left on device": that is the point.
        }
        const statuses: number[] = [];
        for (let i = 0; i < 40 && !statuses.includes(503); i++) {
          const res = await write(100 + i);
          statuses.push(res.statusCode);
          if (res.statusCode !== 200) {
            expect503(res);
            expect(res.json()).toMatchObject({ code: 'database_unavailable' });
          }
        }
        // WAL already allocated may take a few writes; then every one is refused with 503, none with 500.
        expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
        expect(statuses).toContain(503);
        expect503(await app.inject({ url: '/readyz' }));

        fs.rmSync(filler);
        expect((await until(app, (r) => r.statusCode === 200)).statusCode).toBe(200);
        expect((await write(2)).statusCode).toBe(200);
      } finally {
        fs.rmSync(filler, { force: true });
        await app.close();
        await database.close();
      }
    }, 90_000);
  });
}
