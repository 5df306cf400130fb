import { type SQL, sql } from 'drizzle-orm';
import type { CaseFilters } from '../../../shared/contracts/cases.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { type CaseScope, reviewsSql, visibleSql } from './case-access.ts';

const iso = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface CaseRow {
  id: string;
  title: string;
  summary: string;
  phase_reached: string;
  size_band: string | null;
  service_area: string | null;
  status: string;
  is_demo: boolean;
  has_contact: boolean;
  published_at: string | null;
  updated_at: string;
  municipality_id: string;
  municipality_code: string;
  municipality_name: string;
  county_code: string;
  is_model: boolean;
  reviewable: boolean;
  technologies: { key: string; name: string }[];
  /** Keyset parts: model municipality first, then newest (published, else last changed). */
  model_rank: number;
  sort_key: string;
}

const techName = (lang: UiLanguage) => (lang === 'en' ? sql`t.name_en` : sql`t.name_sv`);

export function summaryColumns(scope: CaseScope, lang: UiLanguage): SQL {
  return sql`c.id, c.title, c.summary, c.phase_reached, c.size_band, c.service_area, c.status, c.is_demo,
    (c.contact_consent and c.contact_name is not null and c.contact_email is not null) as has_contact,
    ${iso(sql`c.published_at`)} as published_at, ${iso(sql`c.updated_at`)} as updated_at,
    m.id as municipality_id, m.code as municipality_code, m.name as municipality_name,
    m.county_code, ('model_municipality' = any(m.flags)) as is_model, ${reviewsSql(scope)} as reviewable,
    coalesce((select json_agg(json_build_object('key', t.key, 'name', ${techName(lang)}) order by t.sort_order, t.key)
              from case_technologies ct join technologies t on t.id = ct.technology_id
              where ct.case_id = c.id), '[]'::json) as technologies,
    (case when 'model_municipality' = any(m.flags) then 1 else 0 end) as model_rank,
    ${iso(sql`coalesce(c.published_at, c.updated_at)`)} as sort_key`;
}

/** Filters shared by the list and the search; every one narrows the visible set further. */
export function filterSql(f: CaseFilters & { status?: string | undefined }): SQL[] {
  const out: SQL[] = [];
  if (f.technology)
    out.push(sql`exists (select 1 from case_technologies ct join technologies t on t.id = ct.technology_id
                        where ct.case_id = c.id and t.key = ${f.technology})`);
  if (f.phase) out.push(sql`c.phase_reached = ${f.phase}`);
  if (f.county) out.push(sql`m.county_code = ${f.county}`);
  if (f.municipality) out.push(sql`m.code = ${f.municipality}`);
  if (f.sizeBand) out.push(sql`c.size_band = ${f.sizeBand}`);
  if (f.serviceArea) out.push(sql`c.service_area = ${f.serviceArea}`);
  if (f.status) out.push(sql`c.status = ${f.status}`);
  return out;
}

export interface Cursor {
  modelRank: number;
  sortKey: string;
  id: string;
}

/** Visible cases, model municipalities first, newest first; keyset-paginated on the same order. */
export function listCases(
  db: Db,
  scope: CaseScope,
  lang: UiLanguage,
  f: CaseFilters & { status?: string | undefined; limit: number },
  after: Cursor | null,
) {
  const conditions = [visibleSql(scope), ...filterSql(f)];
  if (after)
    conditions.push(
      sql`((case when 'model_municipality' = any(m.flags) then 1 else 0 end), coalesce(c.published_at, c.updated_at), c.id)
          < (${after.modelRank}::int, ${after.sortKey}::timestamptz, ${after.id}::uuid)`,
    );
  return queryRows<CaseRow>(
    db,
    sql`select ${summaryColumns(scope, lang)}
        from cases c join organisations m on m.id = c.municipality_id
        where ${sql.join(conditions, sql` and `)}
        order by model_rank desc, coalesce(c.published_at, c.updated_at) desc, c.id desc
        limit ${f.limit + 1}`,
  );
}

/** One case if the actor may read it (404 otherwise, decided by the caller). */
export async function findVisibleCase(db: Db, scope: CaseScope, lang: UiLanguage, id: string) {
  const [row] = await queryRows<CaseRow>(
    db,
    sql`select ${summaryColumns(scope, lang)}
        from cases c join organisations m on m.id = c.municipality_id
        where c.id = ${id} and ${visibleSql(scope)}`,
  );
  return row ?? null;
}

export interface CaseDetailRow {
  context: string | null;
  what_was_done: string | null;
  results: string | null;
  lessons: string | null;
  costs: string | null;
  cost_sek: number | null;
  contact_name: string | null;
  contact_title: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contact_consent: boolean;
  review_note: string | null;
  initiative_id: string | null;
  initiative_title: string | null;
}

export async function caseDetails(db: Db, id: string) {
  const [row] = await queryRows<CaseDetailRow>(
    db,
    sql`select c.context, c.what_was_done, c.results, c.lessons, c.costs, c.cost_sek::float8 as cost_sek,
               c.contact_name, c.contact_title, c.contact_email, c.contact_phone, c.contact_consent,
               c.review_note, c.initiative_id, i.title as initiative_title
        from cases c left join initiatives i on i.id = c.initiative_id where c.id = ${id}`,
  );
  return row!;
}

export interface IndicatorRow {
  id: string;
  name: string;
  type: string;
  unit: string;
  direction: string;
  baseline_value: number;
  baseline_on: string;
  target_value: number | null;
  target_on: string | null;
  latest_value: number | null;
  latest_on: string | null;
}

export function caseIndicators(db: Db, id: string) {
  return queryRows<IndicatorRow>(
    db,
    sql`select b.id, b.name, b.type, b.unit, b.direction, b.baseline_value, b.baseline_on::text as baseline_on,
               b.target_value, b.target_on::text as target_on, l.value as latest_value, l.measured_on::text as latest_on
        from case_indicators ci
        join benefit_indicators b on b.id = ci.indicator_id
        left join lateral (select value, measured_on from benefit_measurements bm where bm.indicator_id = b.id
                           order by measured_on desc, created_at desc limit 1) l on true
        where ci.case_id = ${id}
        order by b.name, b.id`,
  );
}

export function caseAttachmentList(db: Db, id: string) {
  return queryRows<{
    id: string;
    file_name: string;
    media_type: string;
    size_bytes: number;
    uploaded_at: string;
  }>(
    db,
    sql`select id, file_name, media_type, size_bytes, ${iso(sql`uploaded_at`)} as uploaded_at
        from case_attachments where case_id = ${id} order by uploaded_at, id`,
  );
}

/** The row as it is stored, locked for a change in this transaction. */
export async function lockCase(tx: Db, id: string) {
  const [row] = await queryRows<{ id: string; municipality_id: string; status: string; title: string }>(
    tx,
    sql`select id, municipality_id, status, title from cases where id = ${id} for update`,
  );
  return row ?? null;
}
