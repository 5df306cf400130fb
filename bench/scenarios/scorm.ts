import type { AutocannonRequest } from 'autocannon';
import type { Session } from '../lib/http.ts';
import { createRandom } from '../lib/random.ts';
import { BENCH_SCORM_COURSE_KEY, scormRuntimeData } from '../parts/scorm.ts';
import { registerScenario, runHttpScenario, sessionStatements } from './registry.ts';

/** Issue 18: a SCORM commit of run-time data answers in p95 ≤ 50 ms at 50 connections. */
export const SCORM_COMMIT_P95_BUDGET_MS = 50;

interface Learner {
  session: Session;
  enrolmentId: string;
  moduleKey: string;
  attempt: number;
  /** The last commit number sent: each commit is numbered after it, so each one is stored. */
  seq: number;
}

registerScenario({
  name: 'scorm-commit',
  description:
    'PUT /enrolments/{id}/modules/{key}/scorm: a SCO in progress commits its run-time data (~4 KB), one learner per connection',
  async run(ctx) {
    const rows = await ctx.server.query<{ enrolment_id: string; email: string; module_key: string }>(
      `select e.id as enrolment_id, u.email, a.module_key
       from courses c join enrolments e on e.course_id = c.id join users u on u.id = e.user_id
       join scorm_attempts a on a.enrolment_id = e.id and a.completion = 'incomplete'
       where c.key = $1 and u.status = 'active'
       order by e.id limit $2`,
      [BENCH_SCORM_COURSE_KEY, ctx.connections],
    );
    if (rows.length === 0)
      throw new Error(
        `No SCORM course in the bench data: npm run bench:data -- --scale ${ctx.scale} --only scorm`,
      );
    const sessions = await ctx.sessions(rows.map((r) => r.email));
    // The player launches the SCO first: the attempt to resume and the last commit number it took.
    const learners: Learner[] = await Promise.all(
      rows.map(async (r, i) => {
        const session = sessions[i]!;
        const res = await fetch(
          `${ctx.baseUrl}/api/v1/enrolments/${r.enrolment_id}/modules/${r.module_key}/scorm`,
          {
            headers: { cookie: session.cookie },
          },
        );
        if (res.status !== 200) throw new Error(`launching a SCO: ${res.status} ${await res.text()}`);
        const launch = (await res.json()) as { attempt: number; commitSeq: number };
        return {
          session,
          enrolmentId: r.enrolment_id,
          moduleKey: r.module_key,
          attempt: launch.attempt,
          seq: launch.commitSeq,
        };
      }),
    );
    const rng = createRandom('scorm-commit');
    const commit = (l: Learner): AutocannonRequest => ({
      method: 'PUT',
      path: `/api/v1/enrolments/${l.enrolmentId}/modules/${l.moduleKey}/scorm`,
      headers: {
        'content-type': 'application/json',
        cookie: l.session.cookie,
        'x-csrf-token': l.session.csrfToken,
      },
      setupRequest: (req) => {
        l.seq++;
        const cmi = scormRuntimeData(rng, l.seq);
        return { ...req, body: JSON.stringify({ attempt: l.attempt, seq: l.seq, cmi, terminated: false }) };
      },
    });
    const sample = learners[0]!;
    const sampleCmi = JSON.stringify(scormRuntimeData(rng, 7));
    const result = await runHttpScenario(ctx, {
      name: 'scorm-commit',
      description: this.description,
      read: false,
      list: false,
      requestsFor: (i) => [commit(learners[i % learners.length]!)],
      floor: [
        ...sessionStatements(sample.session),
        {
          text: `select e.user_id, c.id, c.key, c.published_version from enrolments e
                 join courses c on c.id = e.course_id where e.id = $1 for update of e`,
          params: [sample.enrolmentId],
        },
        {
          text: `select a.*, array(select i.item from enrolment_items i where i.enrolment_id = $1) as items
                 from scorm_attempts a where a.enrolment_id = $1 and a.module_key = $2
                 order by a.attempt desc limit 1 for update of a`,
          params: [sample.enrolmentId, sample.moduleKey],
        },
        {
          text: `with activity as (update enrolments set started_at = least(coalesce(started_at, now()), now()),
                   last_activity_at = greatest(coalesce(last_activity_at, now()), now()) where id = $1 returning id)
                 update scorm_attempts set cmi = $3::jsonb, commit_seq = commit_seq + 1, updated_at = now()
                 where enrolment_id = $1 and module_key = $2 and attempt = $4 returning *`,
          params: [sample.enrolmentId, sample.moduleKey, sampleCmi, sample.attempt],
        },
      ],
      rollback: true,
      notes: [
        `${learners.length} learners, each committing the SCO they are in (not terminating it); every commit is new and stored`,
      ],
    });
    result.budgets.push({
      name: `commit p95 ≤ ${SCORM_COMMIT_P95_BUDGET_MS} ms at ${ctx.connections} conn`,
      limit: SCORM_COMMIT_P95_BUDGET_MS,
      measured: result.load!.p95,
      ok: result.load!.p95 <= SCORM_COMMIT_P95_BUDGET_MS && result.load!.errors === 0,
    });
    return result;
  },
});
