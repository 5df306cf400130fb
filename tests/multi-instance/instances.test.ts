import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { queryRows } from '../../src/server/db/client.ts';
import { DEMO_DOMAIN } from '../../src/server/db/demo/demo-people.ts';
import { DEFAULT_TEMPLATE_KEY } from '../../src/server/db/reference/assessment-template.ts';
import { previewStaffImport } from '../../src/server/features/imports/staff-import.service.ts';
import { createMailer } from '../../src/server/features/mail/mailer.ts';
import { HOURLY_CRON } from '../../src/server/lib/hourly-jobs.ts';
import type { ActorMembership } from '../../src/shared/access/index.ts';
import { type Cluster, startInstances } from '../support/instances.ts';

/** Rows of the import killed mid-way: many batches, several seconds of writing on PostgreSQL. */
const ROWS = 20_000;

/**
 * Issue 19's proof that the application tier is stateless where it matters: three real server
 * processes on one PostgreSQL (tests/support/instances.ts), as behind a load balancer. One cluster for
 * the whole file (starting three servers is most of its time); a test that kills an instance starts a
 * replacement with `cluster.start()` so the tests after it still find three.
 */
let cluster: Cluster;
beforeAll(async () => {
  cluster = await startInstances(3);
});
afterAll(() => cluster?.stop());

const urls = () => cluster.instances.filter((i) => i.alive).map((i) => i.url);

describe('a session started on one instance', () => {
  it('works on every instance, for reads and writes, until it is ended on any of them', async () => {
    const [a, b, c] = cluster.instances;
    const falun = await cluster.login(a!, 'samordnare.falun');
    const ids = new Set<string>();
    for (const url of urls()) {
      const me = await falun.at(url).request('GET', '/api/v1/me');
      expect(me.status, url).toBe(200);
      ids.add((me.json() as { id: string }).id);
    }
    expect(ids.size).toBe(1);

    // A write through B with the CSRF token handed out by A; C reads what B wrote.
    const changed = await falun.at(b!.url).request('PATCH', '/api/v1/me', { preferredLanguage: 'en' });
    expect(changed.status).toBe(200);
    const seen = await falun.at(c!.url).request('GET', '/api/v1/me');
    expect((seen.json() as { preferredLanguage: string }).preferredLanguage).toBe('en');

    expect((await falun.at(c!.url).request('POST', '/api/v1/auth/logout', {})).status).toBe(200);
    for (const url of urls())
      expect((await falun.at(url).request('GET', '/api/v1/me')).status, url).toBe(401);
  });
});

describe('the login limit', () => {
  it('holds in total over all instances (20 a minute per client address)', async () => {
    // One client behind the load balancer (TRUST_PROXY=1): its address comes in X-Forwarded-For.
    const client = '203.0.113.19';
    const attempt = async (url: string) => {
      const res = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': client,
          // The double-submit pair any browser sends (plugins/csrf.ts).
          cookie: 'vn_csrf=multi-instance',
          'x-csrf-token': 'multi-instance',
        },
        // A new address each time: the per-address lockout (423) is another rule.
        body: JSON.stringify({ email: `nobody.${randomUUID()}@example.se`, password: 'x' }),
      });
      await res.text();
      return res.status;
    };
    // 30 attempts at once, spread over the instances as a round-robin balancer would.
    const live = urls();
    const codes = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(live[i % live.length]!)));
    expect(codes.filter((c) => c === 401)).toHaveLength(20);
    expect(codes.filter((c) => c === 429)).toHaveLength(10);
  });
});

describe('caches', () => {
  it('show a change made through one instance on the others within a second (ADR 23)', async () => {
    const [a, ...others] = cluster.instances.filter((i) => i.alive);
    const falun = await cluster.login(a!, 'samordnare.falun');
    const dalarna = await cluster.login(a!, 'region.dalarna');
    /** Falun's digital-lock status in the Dalarna matrix, which every instance caches for a minute. */
    const statusAt = async (url: string) => {
      const res = await dalarna.at(url).request('GET', '/api/v1/adoption?region=20');
      expect(res.status, url).toBe(200);
      const m = res.json() as {
        technologies: { key: string }[];
        municipalities: { code: string; cells: { status: string | null }[] }[];
      };
      const column = m.technologies.findIndex((t) => t.key === 'digital-lock');
      return m.municipalities.find((x) => x.code === '2080')!.cells[column]!.status;
    };
    for (const i of others) expect(await statusAt(i.url)).not.toBe('piloting');

    const put = await falun.request('PUT', '/api/v1/municipalities/2080/technologies', {
      items: [{ technologyKey: 'digital-lock', status: 'piloting', since: '2024-03-01', usersServed: 10 }],
    });
    expect(put.status).toBe(200);
    for (const i of others) {
      await expect.poll(() => statusAt(i.url), { timeout: 1_000, interval: 20 }).toBe('piloting');
    }
  });
});

describe('durable jobs: an import survives the kill of its instance', () => {
  it('is finished by the other instances after the one that started it is killed with SIGKILL', async () => {
    const [a, b] = cluster.instances.filter((i) => i.alive);
    const falun = await cluster.login(a!, 'samordnare.falun');
    // A previewed file large enough to be mid-way when the kill comes, made by the service itself
    // (the harness's agent sends JSON, not files); confirming it is the request under test.
    const memberships = await queryRows<ActorMembership & { userId: string }>(
      cluster.db,
      sql`select m.user_id as "userId", m.organisation_id as "organisationId", o.kind as "organisationKind", m.role
          from memberships m join users u on u.id = m.user_id join organisations o on o.id = m.organisation_id
          where u.email = ${`samordnare.falun@${DEMO_DOMAIN}`}`,
    );
    const actor = { userId: memberships[0]!.userId, memberships };
    const [municipality] = memberships.filter((m) => m.organisationKind === 'municipality');
    const file = Buffer.from(
      [
        'E-post;Namn;Enhet;Roll',
        ...Array.from({ length: ROWS }, (_, i) => `kill.${i}@falun.se;Person ${i};;medarbetare`),
      ].join('\r\n'),
    );
    const config = loadConfig(cluster.env as NodeJS.ProcessEnv);
    const deps = { db: cluster.db, config, mailer: createMailer(cluster.db, { from: config.mailFrom }) };
    const preview = await previewStaffImport(deps, actor, municipality!.organisationId, file, 'sv');
    expect(preview.created).toBe(ROWS);

    // Confirmed through A, whose own worker is woken at once and takes the job.
    const confirmed = await falun.request('POST', `/api/v1/imports/${preview.id}/commit`);
    expect(confirmed.status).toBe(202);
    const progress = async () =>
      (await falun.at(b!.url).request('GET', `/api/v1/imports/${preview.id}`)).json() as {
        status: string;
        processed: number;
        total: number;
      };
    let atKill = await progress();
    while (atKill.processed === 0) {
      await new Promise((r) => setTimeout(r, 20));
      atKill = await progress();
    }
    await a!.kill();
    // Killed mid-way: some batches written, not all.
    expect(atKill.status).toBe('running');
    expect(atKill.processed).toBeLessThan(ROWS);

    // Another instance resumes it where it stopped (within about a minute: the sweep's schedule).
    let done = await progress();
    while (done.status === 'running') {
      await new Promise((r) => setTimeout(r, 500));
      done = await progress();
    }
    expect(done).toMatchObject({ status: 'done', processed: ROWS, total: ROWS });
    const [written] = await queryRows<{ people: number; memberships: number }>(
      cluster.db,
      sql`select count(distinct u.id)::int as people, count(m.id)::int as memberships
          from users u join memberships m on m.user_id = u.id where u.email like 'kill.%@falun.se'`,
    );
    expect(written).toEqual({ people: ROWS, memberships: ROWS });
    // Written by a retry of the job A had claimed: resumed, not started again.
    const [job] = await queryRows<{ retries: number }>(
      cluster.db,
      sql`select retry_count as retries from pgboss.job where id = ${preview.id}`,
    );
    expect(job!.retries).toBeGreaterThan(0);
    await cluster.start();
  }, 240_000);
});

describe('durable jobs: a reminder is sent once', () => {
  it('goes out once however many instances run the schedule', async () => {
    const [first] = cluster.instances.filter((i) => i.alive);
    const dalarna = await cluster.login(first!, 'region.dalarna');
    const [region] = await queryRows<{ id: string }>(
      cluster.db,
      sql`select id from organisations where kind = 'region' and code = '20'`,
    );
    const templates = (await dalarna.request('GET', '/api/v1/assessment-templates')).json() as {
      items: { key: string; versions: { id: string }[] }[];
    };
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const name = 'Påminnelse med flera instanser';
    // A round closing in three days that neither municipality has submitted: both are due a reminder.
    const round = await dalarna.request('POST', '/api/v1/assessment-rounds', {
      name,
      templateVersionId: templates.items.find((x) => x.key === DEFAULT_TEMPLATE_KEY)!.versions[0]!.id,
      ownerOrganisationId: region!.id,
      municipalityCodes: ['2080', '2081'],
      opensOn: day(-1),
      closesOn: day(3),
      shareResults: false,
    });
    expect(round.status).toBe(201);

    // The operator's way to run the hourly job now: its schedule every minute, read by every instance.
    const since = new Date();
    await cluster.db.execute(
      sql`update pgboss.schedule set cron = '* * * * *' where name = 'assessment-reminders'`,
    );
    try {
      const mails = () =>
        queryRows<{ to: string; n: number }>(
          cluster.db,
          sql`select "to", count(*)::int as n from outbox where subject like ${`%${name}%`} group by "to" order by "to"`,
        );
      const ran = () =>
        queryRows<{ slot: string; n: number }>(
          cluster.db,
          sql`select date_trunc('minute', created_on)::text as slot, count(*)::int as n from pgboss.job
              where name = 'assessment-reminders' and state = 'completed' and created_on >= ${since}
              group by 1`,
        );
      while ((await ran()).length === 0) await new Promise((r) => setTimeout(r, 500));
      // One job per slot, and each coordinator mailed once.
      for (const slot of await ran()) expect(slot.n, slot.slot).toBe(1);
      const sent = await mails();
      expect(sent.length).toBeGreaterThanOrEqual(2);
      for (const m of sent) expect(m.n, m.to).toBe(1);
    } finally {
      await cluster.db.execute(
        sql`update pgboss.schedule set cron = ${HOURLY_CRON} where name = 'assessment-reminders'`,
      );
    }
  }, 180_000);
});
