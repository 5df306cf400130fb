import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';

/**
 * Results of imported SCORM and cmi5 courses (ADR 21), set-based over any set of enrolments: the
 * programme report passes its slice, the feedback page a course's enrolments. One row per enrolment and
 * module the learner started; `module_ref` is the SCORM module key or the cmi5 AU id.
 */
export interface ModuleResultRow {
  enrolment_id: string;
  course_id: string;
  kind: 'scorm' | 'cmi5';
  module_ref: string;
  completion: 'completed' | 'incomplete' | 'not attempted' | 'unknown';
  success: 'passed' | 'failed' | 'unknown';
  score_scaled: number | null;
  /** As the package gave them: text that is usually, not always, a number. */
  score_raw: string | null;
  score_max: string | null;
  attempts: number | null;
  seconds: number | null;
  waived: boolean | null;
  sessions: number | null;
}

/**
 * `source` selects `enrolment_id, course_id`. A SCORM module is judged by its best attempt (passed before
 * completed before the highest score, then the latest), since a learner who passed and opened the SCO
 * again has a newer, unfinished attempt; time and attempts count them all. A cmi5 AU may have been
 * launched under more than one registration of the enrolment: what any of them reached counts.
 */
export function moduleResultsSql(source: SQL) {
  // Field names are constants of this file, written into the SQL as literals.
  const au = (field: string) => sql`r.progress->'aus'->k.au_id->>${sql.raw(`'${field}'`)}`;
  const flag = (field: string) => sql`bool_or(coalesce((${au(field)})::boolean, false))`;
  const score = (field: string) => sql`r.progress->'aus'->k.au_id->'score'->>${sql.raw(`'${field}'`)}`;
  return sql`with src as (${source}),
    sco as (
      select a.enrolment_id, src.course_id, a.module_key, a.completion, a.success, a.score_scaled,
             coalesce(a.cmi->>'cmi.core.score.raw', a.cmi->>'cmi.score.raw') as score_raw,
             coalesce(a.cmi->>'cmi.core.score.max', a.cmi->>'cmi.score.max') as score_max,
             count(*) over w as attempts, sum(a.total_seconds) over w as seconds,
             row_number() over (partition by a.enrolment_id, a.module_key
               order by (a.success = 'passed') desc, (a.completion = 'completed') desc,
                        a.score_scaled desc nulls last, a.attempt desc) as pick
      from scorm_attempts a join src on src.enrolment_id = a.enrolment_id
      window w as (partition by a.enrolment_id, a.module_key)
    ),
    au as (
      select r.enrolment_id, src.course_id, k.au_id,
             ${flag('completed')} as completed, ${flag('passed')} as passed,
             ${flag('failed')} as failed, ${flag('waived')} as waived,
             max((${score('scaled')})::float8) as score_scaled,
             (array_agg(${score('raw')} order by (${score('scaled')})::float8 desc nulls last))[1] as score_raw,
             (array_agg(${score('max')} order by (${score('scaled')})::float8 desc nulls last))[1] as score_max,
             coalesce(sum(sc.n), 0)::int as sessions
      from cmi5_registrations r
      join src on src.enrolment_id = r.enrolment_id
      cross join lateral (
        select jsonb_object_keys(r.progress->'aus') as au_id
        union select s.au_id from cmi5_sessions s where s.registration = r.registration
      ) k
      cross join lateral (
        select count(*)::int as n from cmi5_sessions s
        where s.registration = r.registration and s.au_id = k.au_id
      ) sc
      group by r.enrolment_id, src.course_id, k.au_id
    )
    select enrolment_id, course_id, 'scorm' as kind, module_key as module_ref, completion, success,
           score_scaled::float8 as score_scaled, score_raw, score_max,
           attempts::int as attempts, seconds::int as seconds, null::boolean as waived, null::int as sessions
    from sco where pick = 1
    union all
    select enrolment_id, course_id, 'cmi5', au_id,
           case when completed then 'completed' else 'incomplete' end,
           case when passed then 'passed' when failed then 'failed' else 'unknown' end,
           score_scaled, score_raw, score_max, null, null, waived, sessions
    from au`;
}

export interface ModuleSummaryRow {
  course_id: string;
  kind: 'scorm' | 'cmi5';
  module_ref: string;
  started: number;
  completed: number;
  passed: number;
  failed: number;
  waived: number;
  scored: number;
  average_score: number | null;
  median_score: number | null;
}

/** Per course and module over the enrolments of `source`: one aggregate query. */
export function moduleSummarySql(source: SQL) {
  return sql`select course_id, kind, module_ref, count(*)::int as started,
           count(*) filter (where completion = 'completed')::int as completed,
           count(*) filter (where success = 'passed')::int as passed,
           count(*) filter (where success = 'failed')::int as failed,
           count(*) filter (where waived)::int as waived,
           count(score_scaled)::int as scored,
           avg(score_scaled)::float8 as average_score,
           percentile_cont(0.5) within group (order by score_scaled)::float8 as median_score
    from (${moduleResultsSql(source)}) results
    group by course_id, kind, module_ref`;
}

const enrolmentsOfCourse = (courseId: string) =>
  sql`select id as enrolment_id, course_id from enrolments where course_id = ${courseId}`;

/** Every learner of the course, whatever programme (or none) they are enrolled through. */
export function courseModuleSummaries(db: Db, courseId: string) {
  return queryRows<ModuleSummaryRow>(db, moduleSummarySql(enrolmentsOfCourse(courseId)));
}

export interface InteractionRow {
  module_key: string;
  id: string;
  description: string | null;
  answers: number;
  wrong: number;
}

/**
 * The SCORM interactions of a course's attempts answered wrong at least once, per module: each
 * `cmi.interactions.n` record with a result is one answer (1.2 says 'wrong', 2004 'incorrect').
 */
export function wrongInteractions(db: Db, courseId: string) {
  const field = (name: string) =>
    sql`max(kv.value) filter (where split_part(kv.key, '.', 4) = ${sql.raw(`'${name}'`)})`;
  return queryRows<InteractionRow>(
    db,
    sql`select a.module_key, i.id, max(i.description) as description, count(*)::int as answers,
               count(*) filter (where lower(i.result) in ('incorrect', 'wrong'))::int as wrong
        from scorm_attempts a
        join enrolments e on e.id = a.enrolment_id
        cross join lateral (
          select ${field('id')} as id, ${field('result')} as result, ${field('description')} as description
          from jsonb_each_text(a.cmi) kv
          where kv.key ~ '^cmi[.]interactions[.][0-9]+[.](id|result|description)$'
          group by split_part(kv.key, '.', 3)
        ) i
        where e.course_id = ${courseId} and i.id is not null and i.result is not null
        group by a.module_key, i.id
        having count(*) filter (where lower(i.result) in ('incorrect', 'wrong')) > 0`,
  );
}
