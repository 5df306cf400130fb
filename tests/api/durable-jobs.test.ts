import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { queryRows } from '../../src/server/db/client.ts';
import { IMPORT_QUEUE, recoverLostImports } from '../../src/server/features/imports/import-jobs.ts';
import { importQueues } from '../../src/server/features/imports/import-worker.ts';
import { createMailer } from '../../src/server/features/mail/mailer.ts';
import { createJobQueue, type JobQueue } from '../../src/server/lib/jobs/job-queue.ts';
import { multipartFile } from '../support/multipart.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Imports as durable jobs (ADR 22): confirmed on one instance, worked by whichever claims the job; an
 * import whose worker died is failed visibly, never left `running`.
 */

const silent = { error: () => undefined };
const TEST_KEY = 'dGVzdC1rZXktZm9yLXNlYWxlZC1zZWNyZXRzLW9ubHk=';
const staffFile = (email: string) =>
  Buffer.from(['E-post;Namn;Enhet;Roll', `${email};Jobb Persson;;medarbetare`].join('\r\n'));

async function commitFile(t: TestApp, a: Agent, file: Buffer) {
  const [falun] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where name = 'Falun' and kind = 'municipality'`,
  );
  const { payload, headers } = multipartFile('file', 'personal.csv', file);
  const res = await a.request({
    method: 'POST',
    url: `/api/v1/imports/staff?organisationId=${falun!.id}&mode=commit`,
    payload,
    headers,
  });
  expect(res.statusCode).toBe(202);
  return res.json() as { id: string; status: string };
}
const confirm = (t: TestApp, a: Agent, email: string) => commitFile(t, a, staffFile(email));

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
  let survivor: JobQueue | null = null;
  beforeAll(async () => {
    // This instance only sends jobs; "crashed" claims the import and never finishes it, as a process
    // killed mid-import would (it never took the import's liveness key, as a dead process holds none).
    t = await createTestApp({}, { jobs: { work: false } });
    crashed = createJobQueue(t.database, silent, { work: false });
    await crashed.start();
  });
  afterAll(async () => {
    await survivor?.stop();
    await crashed.stop();
    await t.close();
  });

  /** The claim made long enough ago that a live worker would hold the key by now. */
  const claimedAWhileAgo = (id: string) =>
    t.db.execute(sql`update pgboss.job set started_on = now() - interval '1 minute' where id = ${id}`);

  it('is resumed by another worker where it stopped, and finishes', async () => {
    const a = await t.as('samordnare.falun');
    const rows = ['forsta', 'andra', 'tredje'].map((n) => `${n}.resume@falun.se;${n} Persson;;medarbetare`);
    const { id } = await commitFile(t, a, Buffer.from(['E-post;Namn;Enhet;Roll', ...rows].join('\r\n')));
    expect(await jobState(t, id)).toBe('created');
    // Waiting for a worker: nothing to recover.
    expect(await recoverLostImports(t.db, crashed)).toEqual({ resumed: [], failed: [] });
    const [claimed] = await crashed.boss.fetch(IMPORT_QUEUE);
    expect(claimed?.id).toBe(id);
    // The first row's batch committed with its progress before the worker died.
    await t.db.execute(sql`update import_jobs set processed = 1 where id = ${id}`);
    await claimedAWhileAgo(id);

    expect(await recoverLostImports(t.db, crashed)).toEqual({ resumed: [id], failed: [] });
    expect(await jobState(t, id)).toBe('retry');
    expect((await a.get(`/api/v1/imports/${id}`)).json().status).toBe('running');

    // Another instance's worker takes the retry and writes the rows after the first.
    survivor = createJobQueue(t.database, silent, { pollingIntervalSeconds: 0.5 });
    const config = loadConfig({ PUBLIC_URL: 'http://localhost', SECRETS_KEY: TEST_KEY } as NodeJS.ProcessEnv);
    const mailer = createMailer(t.db, { from: 'test@valfardsnavet.se' });
    for (const q of importQueues({ db: t.db, config, mailer }, survivor, silent)) survivor.define(q);
    await survivor.start();
    const done = await untilFinished(a, id);
    expect(done).toMatchObject({ status: 'done', processed: 3, total: 3 });
    const written = await queryRows<{ email: string }>(
      t.db,
      sql`select email from users where email like '%.resume@falun.se' order by email`,
    );
    expect(written.map((w) => w.email)).toEqual(['andra.resume@falun.se', 'tredje.resume@falun.se']);
    await survivor.stop();
    survivor = null;
  });

  it('is left to a worker that is alive, however long it takes', async () => {
    const a = await t.as('samordnare.falun');
    const started = await confirm(t, a, 'langsam.persson@falun.se');
    await crashed.boss.fetch(IMPORT_QUEUE);
    await claimedAWhileAgo(started.id);
    let release: () => void = () => undefined;
    const working = crashed.liveness.whileHeld(started.id, () => new Promise<void>((r) => (release = r)));
    for (;;) {
      if ((await crashed.liveness.held([started.id])).size === 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await recoverLostImports(t.db, crashed)).toEqual({ resumed: [], failed: [] });
    expect(await jobState(t, started.id)).toBe('active');
    release();
    expect(await working).toBe(true);
    await crashed.boss.cancel(IMPORT_QUEUE, started.id);
  });

  it('is failed visibly when its job is gone or cancelled', async () => {
    const a = await t.as('samordnare.falun');
    const gone = await confirm(t, a, 'borta.persson@falun.se');
    await t.db.execute(sql`delete from pgboss.job where id = ${gone.id}`);
    const cancelled = await confirm(t, a, 'avbruten.persson@falun.se');
    await crashed.boss.cancel(IMPORT_QUEUE, cancelled.id);
    const { failed } = await recoverLostImports(t.db, crashed);
    expect(failed).toContain(gone.id);
    expect(failed).toContain(cancelled.id);
    for (const id of [gone.id, cancelled.id]) {
      const job = (await a.get(`/api/v1/imports/${id}`)).json();
      expect(job.status).toBe('failed');
      expect(job.finishedAt).not.toBeNull();
    }
    // Once failed, the sweep leaves them alone.
    expect(await recoverLostImports(t.db, crashed)).toEqual({ resumed: [], failed: [] });
  });
});
