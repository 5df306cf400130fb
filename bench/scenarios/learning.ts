import { randomUUID } from 'node:crypto';
import { groupedCountsSql, monthlySql } from '../../src/server/features/reports/reports.repo.ts';
import { lessonActivity } from '../../src/shared/learning/activity.ts';
import { benchEmail } from '../lib/accounts.ts';
import { getJson } from '../lib/http.ts';
import { sqlStatement } from '../lib/sql-statement.ts';
import {
  type Budget,
  get,
  registerScenario,
  runHttpScenario,
  type ScenarioResult,
  sessionStatements,
} from './registry.ts';

/** Budgets from issue 4 (PostgreSQL, national scale). */
export const INGEST_BUDGET_STATEMENTS_PER_S = 2_000;
export const REPORT_P95_BUDGET_MS = 100;
export const START_PAGE_P95_BUDGET_MS = 50;
const BATCH = 50;
const STAFF_COURSE_KEY = 'valfardsteknik-i-vardagen';

const notGenerated = (name: string, description: string, why: string): ScenarioResult => ({
  scenario: name,
  description,
  budgets: [],
  notes: [`not run: ${why}`],
});

const p95Budget = (label: string, limit: number, measured: number): Budget => ({
  name: `${label} p95 ≤ ${limit} ms`,
  limit,
  measured,
  ok: measured <= limit,
});

registerScenario({
  name: 'learner-start',
  description: 'GET /api/v1/me/learning as a staff member (courses, progress per module, where to continue)',
  async run(ctx) {
    const ms = ctx.municipalities.slice(0, Math.max(1, Math.min(ctx.connections, ctx.municipalities.length)));
    const sessions = await ctx.sessions(ms.map((m) => benchEmail.staff(m.code)));
    const s0 = sessions[0]!;
    const result = await runHttpScenario(ctx, {
      name: 'learner-start',
      description: this.description,
      read: true,
      list: false,
      requestsFor: (i) => [get('/api/v1/me/learning', sessions[i % sessions.length]!)],
      floor: [
        ...sessionStatements(s0),
        {
          text: `select e.*, c.key, c.track, v.content, p.name as programme_name, cert.code
                 from enrolments e join courses c on c.id = e.course_id
                 join course_versions v on v.course_id = c.id and v.version = c.published_version
                 left join programmes p on p.id = e.programme_id
                 left join certificates cert on cert.enrolment_id = e.id
                 where e.user_id = $1`,
          params: [s0.userId],
        },
        {
          text: `select i.* from enrolment_items i join enrolments e on e.id = i.enrolment_id where e.user_id = $1`,
          params: [s0.userId],
        },
      ],
    });
    result.budgets.push(p95Budget('start page', START_PAGE_P95_BUDGET_MS, result.load!.p95));
    // runHttpScenario's generic read budget is the same 50 ms: keep one.
    result.budgets = result.budgets.filter((b, i, all) => all.findIndex((x) => x.limit === b.limit) === i);
    return result;
  },
});

registerScenario({
  name: 'lesson-load',
  description:
    'GET /api/v1/courses/{staff course} as a learner (all modules, lessons and quizzes in Swedish)',
  async run(ctx) {
    const [course] = await ctx.server.query<{ id: string; bytes: number }>(
      `select c.id, octet_length(v.content::text) as bytes from courses c
       join course_versions v on v.course_id = c.id and v.version = c.published_version where c.key = $1`,
      [STAFF_COURSE_KEY],
    );
    if (!course) return notGenerated('lesson-load', this.description, 'no staff course');
    const ms = ctx.municipalities.slice(0, Math.max(1, Math.min(ctx.connections, ctx.municipalities.length)));
    const sessions = await ctx.sessions(ms.map((m) => benchEmail.staff(m.code)));
    return runHttpScenario(ctx, {
      name: 'lesson-load',
      description: this.description,
      read: true,
      list: false,
      requestsFor: (i) => [get(`/api/v1/courses/${course.id}?lang=sv`, sessions[i % sessions.length]!)],
      floor: [
        ...sessionStatements(sessions[0]!),
        {
          text: `select c.*, v.content from courses c
                 join course_versions v on v.course_id = c.id and v.version = c.published_version where c.id = $1`,
          params: [course.id],
        },
      ],
      notes: [`course content ${Math.round(course.bytes / 1024)} KiB of JSON (all languages)`],
    });
  },
});

registerScenario({
  name: 'ingest-statements',
  description: `POST /api/v1/learning-records with ${BATCH} new statements per request (an offline sync), as staff`,
  async run(ctx) {
    const [course] = await ctx.server.query<{
      content: { modules: { key: string; lessons: { key: string }[] }[] };
    }>(
      `select v.content from courses c
       join course_versions v on v.course_id = c.id and v.version = c.published_version where c.key = $1`,
      [STAFF_COURSE_KEY],
    );
    if (!course) return notGenerated('ingest-statements', this.description, 'no staff course');
    const lessons = course.content.modules.flatMap((m) =>
      m.lessons.map((l) => lessonActivity(STAFF_COURSE_KEY, m.key, l.key)),
    );
    const ms = ctx.municipalities.slice(0, Math.max(1, Math.min(ctx.connections, ctx.municipalities.length)));
    const sessions = await ctx.sessions(ms.map((m) => benchEmail.staff(m.code)));
    const body = () => {
      const statements = [];
      const now = Date.now();
      // Each lesson is completed at most once per batch: the server upserts a batch's items in one
      // statement, and PostgreSQL refuses to update the same row twice in it (see docs/performance.md).
      for (let k = 0; k < BATCH; k++) {
        const done = k < lessons.length;
        statements.push({
          id: randomUUID(),
          verb: {
            id: done
              ? 'http://adlnet.gov/expapi/verbs/completed'
              : 'http://adlnet.gov/expapi/verbs/experienced',
          },
          object: { id: lessons[k % lessons.length]! },
          ...(done ? { result: { completion: true, duration: 'PT3M10S' } } : {}),
          context: { language: 'sv' },
          timestamp: new Date(now - (BATCH - k) * 60_000).toISOString(),
        });
      }
      return JSON.stringify({ statements });
    };
    const sample = sessions[0]!;
    const result = await runHttpScenario(ctx, {
      name: 'ingest-statements',
      description: this.description,
      read: false,
      list: false,
      requestsFor: (i) => {
        const s = sessions[i % sessions.length]!;
        return [
          {
            method: 'POST',
            path: '/api/v1/learning-records',
            headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrfToken },
            setupRequest: (req) => ({ ...req, body: body() }),
          },
        ];
      },
      floor: [
        ...sessionStatements(sample),
        {
          text: `select e.id, e.course_id from enrolments e where e.user_id = $1`,
          params: [sample.userId],
        },
        {
          text: `insert into learning_statements (id, user_id, verb, object_id, course_id, enrolment_id, result, context, timestamp)
                 select gen_random_uuid(), $1, 'http://adlnet.gov/expapi/verbs/experienced', $2,
                        e.course_id, e.id, null, '{"language":"sv"}'::jsonb, now() - (g * interval '1 minute')
                 from enrolments e cross join generate_series(1, ${BATCH}) g
                 where e.user_id = $1 and e.course_id = (select id from courses where key = $3)
                 on conflict (id) do nothing`,
          params: [sample.userId, lessons[0], STAFF_COURSE_KEY],
        },
      ],
      rollback: true,
      notes: [`${BATCH} statements per request; every id is new, so every request stores ${BATCH}`],
    });
    const perSecond = (result.load?.requestsPerSecond ?? 0) * BATCH;
    result.budgets.push({
      name: `ingestion ≥ ${INGEST_BUDGET_STATEMENTS_PER_S.toLocaleString('en')} statements/s`,
      limit: INGEST_BUDGET_STATEMENTS_PER_S,
      measured: Math.round(perSecond),
      ok: perSecond >= INGEST_BUDGET_STATEMENTS_PER_S && (result.load?.errors ?? 0) === 0,
    });
    result.notes.push(
      `${Math.round(perSecond).toLocaleString('en')} statements/s at ${ctx.connections} conn, ` +
        `${Math.round((result.single?.requestsPerSecond ?? 0) * BATCH).toLocaleString('en')} at 1 conn`,
    );
    return result;
  },
});

/** The programme report (JSON, without the participant list) as the programme owner's coordinator. */
async function reportScenario(
  name: string,
  description: string,
  ctx: Parameters<Parameters<typeof registerScenario>[0]['run']>[0],
  pick: 'region' | 'national',
): Promise<ScenarioResult> {
  const programmes = await ctx.server.query<{
    id: string;
    name: string;
    owner_kind: string;
    owner_code: string;
    participants: number;
    starts_on: string;
    ends_on: string;
  }>(
    `select p.id, p.name, o.kind as owner_kind, o.county_code as owner_code,
            to_char(p.starts_on, 'YYYY-MM-DD') as starts_on, to_char(p.ends_on, 'YYYY-MM-DD') as ends_on,
            (select count(*)::int from enrolments e where e.programme_id = p.id) as participants
     from programmes p join organisations o on o.id = p.owner_organisation_id`,
  );
  const candidates = programmes.filter((p) =>
    pick === 'national' ? p.owner_kind === 'nation' : p.owner_kind === 'region',
  );
  // The region programme closest to 460 participants; the national one is the only one.
  candidates.sort((a, b) => Math.abs(a.participants - 460) - Math.abs(b.participants - 460));
  const p = candidates[0];
  if (!p) return notGenerated(name, description, `no ${pick} programme in the data`);
  const email = pick === 'national' ? benchEmail.admin() : benchEmail.regional(p.owner_code);
  const [session] = await ctx.sessions([email]);
  const path = `/api/v1/programmes/${p.id}/report?format=json`;
  // The first request computes the report; later ones within a minute read its snapshot. Both count.
  const coldStarted = performance.now();
  await getJson(ctx.baseUrl, session!, path);
  const coldMs = performance.now() - coldStarted;
  const connections = Math.min(ctx.connections, 10);
  // The national report's SQL takes seconds: five runs make its median.
  const floorRuns = pick === 'national' ? Math.min(ctx.floorRuns, 5) : ctx.floorRuns;
  const result = await runHttpScenario(
    { ...ctx, connections, floorRuns },
    {
      name,
      description,
      read: false,
      list: false,
      requestsFor: () => [get(path, session!)],
      floor: [
        ...sessionStatements(session!),
        // The report's own two aggregate queries, rendered from the repository's SQL.
        sqlStatement(groupedCountsSql(p.id, null)),
        sqlStatement(monthlySql(p.id, null, { startsOn: p.starts_on, endsOn: p.ends_on })),
      ],
      notes: [
        `${p.name}: ${p.participants.toLocaleString('en')} participants; ${connections} connections (a report is an occasional, owner-only read)`,
        `computing it afresh (first request, then a snapshot for 60 s): ${Math.round(coldMs).toLocaleString('en')} ms`,
      ],
    },
  );
  result.budgets.push(p95Budget('report', REPORT_P95_BUDGET_MS, result.load!.p95));
  return result;
}

registerScenario({
  name: 'report-region',
  description:
    'GET /api/v1/programmes/{id}/report?format=json for a region programme of ~460 participants, as its regional coordinator',
  run(ctx) {
    return reportScenario('report-region', this.description, ctx, 'region');
  },
});

registerScenario({
  name: 'report-national',
  description:
    'GET /api/v1/programmes/{id}/report?format=json for the national programme (every staff member), as national admin',
  run(ctx) {
    return reportScenario('report-national', this.description, ctx, 'national');
  },
});
