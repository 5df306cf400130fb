import { sql } from 'drizzle-orm';
import type { AnswerValue, TemplateContent } from '../../../shared/contracts/assessments.ts';
import { type Db, queryRows } from '../../db/client.ts';

export interface RoundRow {
  id: string;
  name: string;
  owner_id: string;
  owner_name: string;
  opens_on: string;
  closes_on: string;
  share_results: boolean;
  template_id: string;
  version_id: string;
  content: TemplateContent;
  carries_over: Record<string, string>;
}

export async function findRound(db: Db, id: string): Promise<RoundRow | null> {
  const rows = await queryRows<RoundRow>(
    db,
    sql`select r.id, r.name, r.owner_organisation_id as owner_id, o.name as owner_name,
               r.opens_on::text as opens_on, r.closes_on::text as closes_on, r.share_results,
               v.template_id, v.id as version_id, v.content, v.carries_over
        from assessment_rounds r
        join assessment_template_versions v on v.id = r.template_version_id
        join organisations o on o.id = r.owner_organisation_id
        where r.id = ${id}`,
  );
  return rows[0] ?? null;
}

/** A participating municipality with what `authorize` needs, so no per-municipality query is made. */
export interface ParticipantRow {
  id: string;
  code: string;
  name: string;
  region_id: string;
  nation_id: string | null;
  flags: string[];
  association_ids: string[];
  status: string;
}

export function listParticipants(db: Db, roundId: string) {
  return queryRows<ParticipantRow>(
    db,
    sql`select m.id, m.code, m.name, m.parent_id as region_id, r.parent_id as nation_id, m.flags,
               coalesce((select array_agg(am.association_id::text) from association_members am
                         where am.municipality_id = m.id), '{}') as association_ids,
               s.status
        from assessment_sheets s
        join organisations m on m.id = s.municipality_id
        left join organisations r on r.id = m.parent_id
        where s.round_id = ${roundId}
        order by m.name`,
  );
}

export interface AnswerRow {
  municipality_id: string;
  question_key: string;
  value: AnswerValue | null;
  comment: string | null;
  evidence_url: string | null;
}

const inList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/**
 * Sheets with their current status and their answers, read in one statement (one snapshot): the cached
 * participant list may be a minute old in another process, and a sheet reopened since then must not
 * have its new draft answers taken for submitted ones. A union, not a join, so that the plan never
 * depends on fresh table statistics (a join planned on stale ones took 100–200 ms for 290 sheets).
 */
export async function listSheetAnswers(db: Db, roundIds: string[], municipalityIds?: string[]) {
  if (!roundIds.length || municipalityIds?.length === 0) return { statusOf: () => undefined, answers: [] };
  const which = municipalityIds ? sql`and municipality_id in (${inList(municipalityIds)})` : sql``;
  const rows = await queryRows<
    { round_id: string; status: string | null } & Omit<AnswerRow, 'question_key'> & {
        question_key: string | null;
      }
  >(
    db,
    sql`select round_id, municipality_id, status, null::text as question_key, null::jsonb as value,
               null::text as comment, null::text as evidence_url
        from assessment_sheets where round_id in (${inList(roundIds)}) ${which}
        union all
        select round_id, municipality_id, null, question_key, value, comment, evidence_url
        from assessment_answers where round_id in (${inList(roundIds)}) ${which}`,
  );
  const statuses = new Map(
    rows.flatMap((r) =>
      r.status === null ? [] : [[`${r.round_id}|${r.municipality_id}`, r.status] as const],
    ),
  );
  return {
    statusOf: (roundId: string, municipalityId: string) => statuses.get(`${roundId}|${municipalityId}`),
    answers: rows.filter((r): r is typeof r & AnswerRow => r.question_key !== null),
  };
}

/** Other rounds on versions of the same template, oldest first, with the version content. */
export function listTemplateRounds(db: Db, templateId: string) {
  return queryRows<{
    id: string;
    name: string;
    opens_on: string;
    owner_id: string;
    content: TemplateContent;
    carries_over: Record<string, string>;
    version: number;
  }>(
    db,
    sql`select r.id, r.name, r.opens_on::text as opens_on, r.owner_organisation_id as owner_id,
               v.content, v.carries_over, v.version
        from assessment_rounds r
        join assessment_template_versions v on v.id = r.template_version_id
        where v.template_id = ${templateId}
        order by r.opens_on, r.created_at`,
  );
}

/**
 * Answers of given municipalities in given rounds, for comparisons across rounds: only of submitted
 * sheets, since a draft in another round is no one's to compare with (nor a model to follow).
 */
export async function listSubmittedAnswersIn(db: Db, roundIds: string[], municipalityIds: string[]) {
  const { statusOf, answers } = await listSheetAnswers(db, roundIds, municipalityIds);
  return answers.filter((a) => statusOf(a.round_id, a.municipality_id) === 'submitted');
}

export function listModelMunicipalities(db: Db) {
  return queryRows<{ id: string; code: string; name: string }>(
    db,
    sql`select id, code, name from organisations
        where kind = 'municipality' and 'model_municipality' = any(flags) order by name`,
  );
}

export function listMunicipalitiesByCodes(db: Db, codes: string[]) {
  if (!codes.length) return Promise.resolve([]);
  return queryRows<{ id: string; code: string; name: string }>(
    db,
    sql`select id, code, name from organisations where kind = 'municipality'
        and code in (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
  );
}

export function listAssociations(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from organisations where id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )}) order by name`,
  );
}

export function listRoundInitiatives(db: Db, roundId: string) {
  return queryRows<{
    id: string;
    title: string;
    status: string;
    owner_id: string;
    municipality_id: string | null;
    municipality_code: string | null;
    area_key: string | null;
    question_key: string | null;
  }>(
    db,
    sql`select i.id, i.title, i.status, i.owner_organisation_id as owner_id, l.municipality_id,
               m.code as municipality_code, l.area_key, l.question_key
        from initiative_assessment_links l
        join initiatives i on i.id = l.initiative_id
        left join organisations m on m.id = l.municipality_id
        where l.round_id = ${roundId}
        order by i.created_at`,
  );
}

export function listVersions(db: Db, templateId: string) {
  return queryRows<{ version: number; carries_over: Record<string, string> }>(
    db,
    sql`select version, carries_over from assessment_template_versions
        where template_id = ${templateId} order by version desc`,
  );
}
