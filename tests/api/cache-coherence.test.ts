import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client.ts';
import { LISTENER_NAME } from '../../src/server/lib/cache-coherence.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

const FALUN = '/api/v1/municipalities/2080/technologies';
type Status = 'in_operation' | 'discontinued' | 'piloting';

/** Falun's digital-lock status in the Dalarna matrix as an instance answers it (cached a minute). */
async function matrixStatus(dalarna: Agent): Promise<string | null> {
  const res = await dalarna.get('/api/v1/adoption?region=20');
  expect(res.statusCode).toBe(200);
  const m = res.json() as {
    technologies: { key: string }[];
    municipalities: { code: string; cells: { status: string | null }[] }[];
  };
  const column = m.technologies.findIndex((t) => t.key === 'digital-lock');
  return m.municipalities.find((x) => x.code === '2080')!.cells[column]!.status;
}

async function recordStatus(falun: Agent, status: Status) {
  const res = await falun.request({
    method: 'PUT',
    url: FALUN,
    payload: { items: [{ technologyKey: 'digital-lock', status, since: '2024-03-01', usersServed: 10 }] },
  });
  expect(res.statusCode).toBe(200);
}

/** A write behind every cache's back: an instance that still answers the old value is caching it. */
async function writeStatusInSql(t: TestApp, status: string) {
  await t.db.execute(sql`
    update technology_adoptions set status = ${status}
    where municipality_id = (select id from organisations where code = '2080')
      and technology_id = (select id from technologies where key = 'digital-lock')`);
}

/** On either database: the instance that makes a change drops its own views at once, in-process. */
describe('the cache of one instance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers from the cache until a change made through it drops the view', async () => {
    const dalarna = await t.as('region.dalarna');
    const before = await matrixStatus(dalarna);
    await writeStatusInSql(t, 'not_planned');
    expect(await matrixStatus(dalarna)).toBe(before);
    await recordStatus(await t.as('samordnare.falun'), 'piloting');
    expect(await matrixStatus(dalarna)).toBe('piloting');
  });
});

/**
 * Two instances on one PostgreSQL database (ADR 23): a change made through A drops B's cached views
 * through LISTEN/NOTIFY, also after B's listening connection was ended. On PGlite there is one process
 * per database and no second instance to tell, so this part runs on PostgreSQL only; on PGlite, drops apply
 * in-process at once (above) and LISTEN/NOTIFY has nobody to reach.
 */
if (process.env.TEST_DATABASE_URL) {
  describe('caches of two instances on one PostgreSQL', () => {
    let a: TestApp;
    let b: TestApp;
    let falunOnA: Agent;
    let dalarnaOnB: Agent;
    beforeAll(async () => {
      a = await createTestApp();
      b = await createTestApp({}, {}, await openDatabase({ databaseUrl: a.database.url, poolSize: 3 }));
      falunOnA = await a.as('samordnare.falun');
      dalarnaOnB = await b.as('region.dalarna');
    });
    afterAll(async () => {
      // B first: closing A drops the test database.
      await b?.close();
      await a?.close();
    });

    const statusOnB = () => matrixStatus(dalarnaOnB);
    const setStatusThroughA = (status: Status) => recordStatus(falunOnA, status);
    const setStatusInSql = (status: string) => writeStatusInSql(a, status);

    /** Runs one query on a connection of the test's own (not an instance's). */
    async function query<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
      const client = new pg.Client({ connectionString: a.database.url });
      await client.connect();
      try {
        return (await client.query<T>(text, [LISTENER_NAME])).rows;
      } finally {
        await client.end();
      }
    }
    const LISTENERS = `select pid from pg_stat_activity where datname = current_database() and application_name = $1`;
    /** The listening connections whose last statement, LISTEN, is done. */
    const listening = async () =>
      (await query<{ pid: number }>(`${LISTENERS} and state = 'idle' and query ilike 'listen%'`)).map(
        (r) => r.pid,
      );

    it('shows a change made through A on B within a second, where the cache alone would take a minute', async () => {
      const before = await statusOnB();
      await setStatusInSql('not_planned');
      expect(await statusOnB()).toBe(before);

      await setStatusThroughA('in_operation');
      await expect.poll(statusOnB, { timeout: 1_000, interval: 20 }).toBe('in_operation');
    });

    it('reconnects a listening connection the server ended, and hears the next change', async () => {
      const ended = await listening();
      expect(ended).toHaveLength(2);
      await query(`select pg_terminate_backend(pid) from (${LISTENERS}) l`);
      // Both instances listen again on new connections, with caches emptied for what they may have missed.
      await expect
        .poll(async () => (await listening()).filter((pid) => !ended.includes(pid)).length, {
          timeout: 15_000,
          interval: 50,
        })
        .toBe(2);

      expect(await statusOnB()).toBe('in_operation');
      await setStatusInSql('planned');
      expect(await statusOnB()).toBe('in_operation');

      await setStatusThroughA('discontinued');
      await expect.poll(statusOnB, { timeout: 1_000, interval: 20 }).toBe('discontinued');
    });
  });
}
