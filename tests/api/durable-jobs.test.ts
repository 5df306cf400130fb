import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { failOrphanedImports, IMPORT_QUEUE } from '../../src/server/features/imports/import-jobs.ts';
import { createJobQueue, type JobQueue } from '../../src/server/lib/jobs/job-queue.ts';
import { multipartFile } from '../support/multipart.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Imports as durable jobs (ADR 22): confirmed on one instance, worked by whichever claims the job; an
 * import whose worker died is failed visibly, never left `running`.
 */

const silent = { error: () => undefined };
const staffFile = (email: string) =>
  Buffer.from(['E-post;Namn;Enhet;Roll', `${email};Jobb Persson;;medarbetare`].join('\r\n'));

async function confirm(t: TestApp, a: Agent, email: string) {
  const [falun] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where name = 'Falun' and kind = 'municipality'`,
  );
  const { payload, headers } = multipartFile('file', 'personal.csv', staffFile(email));
  const res = await a.request({
    method: 'POST',
    url: `/api/v1/imports/staff?organisationId=${falun!.id}&mode=commit`,
    payload,
    headers,
  });
  expect(res.statusCode).toBe(202);
  return res.json() as { id: string; status: string };
}

async function untilFinished(a: Agent, id: string) {
  for (;;) {
    const job = (await a.get(`/api/v1/imports/${id}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const jobState = async (t: TestApp, id: string) =>
  (await queryRows<{ state: string }>(t.db, sql`select state from pgboss.job where id = ${id}`))[0]?.state;

describe('an import confirmed on an instance whose worker runs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is written by the job, which completes', async () => {
    const a = await t.as('samordnare.falun');
    const started = await confirm(t, a, 'jobb.persson@falun.se');
    expect(started.status).toBe('running');
    const done = await untilFinished(a, started.id);
    expect(done).toMatchObject({ status: 'done', processed: 1, created: 1 });
    const [user] = await queryRows(t.db, sql`select 1 from users where email = 'jobb.persson@falun.se'`);
    expect(user).toBeTruthy();
    for (;;) {
      if ((await jobState(t, started.id)) === 'completed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
});

describe('an import whose worker died', () => {
  let t: TestApp;
  let crashed: JobQueue;
  beforeAll(async () => {
    // This instance only sends jobs; "crashed" claims the import and never finishes it, as a process
    // killed mid-import would.
    t = await createTestApp({}, { jobs: { work: false } });
    crashed = createJobQueue(t.database, silent, { work: false });
    await crashed.start();
  });
  afterAll(async () => {
    await crashed.stop();
    await t.close();
  });

  it('stays running while its worker may still finish it, then is failed visibly once the claim expires', async () => {
    const a = await t.as('samordnare.falun');
    const started = await confirm(t, a, 'forlorad.persson@falun.se');
    expect(await jobState(t, started.id)).toBe('created');
    // Waiting for a worker: not lost.
    expect(await failOrphanedImports(t.db)).toEqual([]);
    const [claimed] = await crashed.boss.fetch(IMPORT_QUEUE);
    expect(claimed?.id).toBe(started.id);
    expect(await jobState(t, started.id)).toBe('active');
    // Claimed by a worker whose time has not run out: not lost either.
    expect(await failOrphanedImports(t.db)).toEqual([]);
    expect((await a.get(`/api/v1/imports/${started.id}`)).json().status).toBe('running');

    // The worker's instance is gone and its claim has expired.
    await t.db.execute(
      sql`update pgboss.job set started_on = now() - interval '1 day' where id = ${started.id}`,
    );
    expect(await failOrphanedImports(t.db)).toEqual([started.id]);
    const failed = (await a.get(`/api/v1/imports/${started.id}`)).json();
    expect(failed.status).toBe('failed');
    expect(failed.finishedAt).not.toBeNull();
    // Once failed, the sweep leaves it alone.
    expect(await failOrphanedImports(t.db)).toEqual([]);
  });

  it('is failed visibly when its job is gone or failed', async () => {
    const a = await t.as('samordnare.falun');
    const gone = await confirm(t, a, 'borta.persson@falun.se');
    await t.db.execute(sql`delete from pgboss.job where id = ${gone.id}`);
    const failedJob = await confirm(t, a, 'fel.persson@falun.se');
    await crashed.boss.fetch(IMPORT_QUEUE);
    await crashed.boss.fail(IMPORT_QUEUE, failedJob.id);
    expect((await failOrphanedImports(t.db)).sort()).toEqual([gone.id, failedJob.id].sort());
    expect((await a.get(`/api/v1/imports/${gone.id}`)).json().status).toBe('failed');
    expect((await a.get(`/api/v1/imports/${failedJob.id}`)).json().status).toBe('failed');
  });
});
