import { type SQL, sql } from 'drizzle-orm';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { RequirementFilters } from '../../../shared/contracts/requirements.ts';
import { type Db, queryRows } from '../../db/client.ts';

export interface RequirementRow {
  id: string;
  owner_id: string;
  owner_name: string;
  owner_kind: 'nation' | 'region' | 'association' | 'municipality';
  derived_from_id: string | null;
  version: number;
  text_sv: string;
  text_en: string | null;
  level: 'must' | 'should';
  category: string;
  source: string | null;
  created_at: Date | string;
  technologies: { key: string; name: string }[];
  used_in: number;
  lesson_count: number;
  sort_key: string;
}

/** The columns of a requirement with its current version (`r` and `v`), its technologies and counts. */
export const summaryColumns = (lang: UiLanguage) => sql`
  r.id, o.id as owner_id, o.name as owner_name, o.kind as owner_kind, r.derived_from_id,
  v.version, v.text_sv, v.text_en, v.level, v.category, v.source, v.created_at,
  coalesce((select json_agg(json_build_object('key', t.key, 'name', ${lang === 'en' ? sql`t.name_en` : sql`t.name_sv`}) order by t.sort_order, t.key)
            from requirement_technologies rt join technologies t on t.id = rt.technology_id
            where rt.requirement_id = r.id), '[]'::json) as technologies,
  (select count(*)::int from requirement_specification_items si where si.requirement_id = r.id) as used_in,
  (select count(*)::int from requirement_lessons l where l.requirement_id = r.id) as lesson_count,
  to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sort_key`;

export const currentJoin = sql`
  join organisations o on o.id = r.owner_organisation_id
  join requirement_versions v on v.requirement_id = r.id and v.version = r.current_version`;

/** The filters the list and the search share, on the current version. */
export function filterSql(f: RequirementFilters): SQL[] {
  const out: SQL[] = [];
  if (f.category) out.push(sql`v.category = ${f.category}`);
  if (f.level) out.push(sql`v.level = ${f.level}`);
  if (f.technology)
    out.push(sql`exists (select 1 from requirement_technologies rt join technologies t on t.id = rt.technology_id
                         where rt.requirement_id = r.id and t.key = ${f.technology})`);
  return out;
}

export interface Cursor {
  sortKey: string;
  id: string;
}

/** Newest first, keyset-paginated on (created_at, id); one more row than asked tells there is more. */
export function listRequirements(
  db: Db,
  lang: UiLanguage,
  f: RequirementFilters & { owner?: string | undefined; limit: number },
  after: Cursor | null,
) {
  const conditions = filterSql(f);
  if (f.owner) conditions.push(sql`r.owner_organisation_id = ${f.owner}`);
  if (after) conditions.push(sql`(r.created_at, r.id) < (${after.sortKey}::timestamptz, ${after.id}::uuid)`);
  return queryRows<RequirementRow>(
    db,
    sql`select ${summaryColumns(lang)} from requirements r ${currentJoin}
        ${conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}
        order by r.created_at desc, r.id desc
        limit ${f.limit + 1}`,
  );
}

export async function findRequirement(db: Db, lang: UiLanguage, id: string) {
  const [row] = await queryRows<RequirementRow>(
    db,
    sql`select ${summaryColumns(lang)} from requirements r ${currentJoin} where r.id = ${id}`,
  );
  return row ?? null;
}

export type VersionRow = Pick<
  RequirementRow,
  'version' | 'text_sv' | 'text_en' | 'level' | 'category' | 'source' | 'created_at'
>;

export const selectVersions = (db: Db, id: string) =>
  queryRows<VersionRow>(
    db,
    sql`select version, text_sv, text_en, level, category, source, created_at
        from requirement_versions where requirement_id = ${id} order by version desc`,
  );

export interface LessonRow {
  id: string;
  version: number;
  organisation_id: string;
  organisation_name: string;
  rating: 'worked' | 'partly' | 'did_not_work';
  body: string;
  created_at: Date | string;
}

export const selectLessons = (db: Db, id: string) =>
  queryRows<LessonRow>(
    db,
    sql`select l.id, l.version, o.id as organisation_id, o.name as organisation_name, l.rating, l.body, l.created_at
        from requirement_lessons l join organisations o on o.id = l.organisation_id
        where l.requirement_id = ${id} order by l.created_at desc, l.id desc`,
  );

export async function findOrganisation(db: Db, id: string) {
  const [row] = await queryRows<{ id: string; name: string; kind: string }>(
    db,
    sql`select id, name, kind from organisations where id = ${id}`,
  );
  return row ?? null;
}

export interface VersionInput {
  textSv: string;
  textEn: string | null;
  level: 'must' | 'should';
  category: string;
  source: string | null;
}

export async function insertRequirement(
  tx: Db,
  ownerId: string,
  by: string,
  derivedFrom: string | null = null,
) {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`insert into requirements (owner_organisation_id, current_version, derived_from_id, created_by)
        values (${ownerId}, 1, ${derivedFrom}, ${by}) returning id`,
  );
  return row!.id;
}

/** Adds a version and makes it current. */
export async function insertVersion(tx: Db, id: string, version: number, v: VersionInput, by: string) {
  await tx.execute(
    sql`insert into requirement_versions (requirement_id, version, text_sv, text_en, level, category, source, created_by)
        values (${id}, ${version}, ${v.textSv}, ${v.textEn}, ${v.level}, ${v.category}, ${v.source}, ${by})`,
  );
  await tx.execute(
    sql`update requirements set current_version = ${version}, updated_at = now() where id = ${id}`,
  );
}

export async function replaceTechnologies(tx: Db, id: string, technologyIds: readonly string[]) {
  await tx.execute(sql`delete from requirement_technologies where requirement_id = ${id}`);
  if (technologyIds.length)
    await tx.execute(
      sql`insert into requirement_technologies (requirement_id, technology_id) values ${sql.join(
        technologyIds.map((t) => sql`(${id}, ${t})`),
        sql`, `,
      )}`,
    );
}

export async function copyTechnologies(tx: Db, fromId: string, toId: string) {
  await tx.execute(
    sql`insert into requirement_technologies (requirement_id, technology_id)
        select ${toId}, technology_id from requirement_technologies where requirement_id = ${fromId}`,
  );
}

/** Locks the requirement, so two edits at once queue instead of taking the same version number. */
export async function lockRequirement(tx: Db, id: string) {
  const [row] = await queryRows<{ id: string; owner_organisation_id: string; current_version: number }>(
    tx,
    sql`select id, owner_organisation_id, current_version from requirements where id = ${id} for update`,
  );
  return row ?? null;
}

export async function versionExists(db: Db, id: string, version: number) {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from requirement_versions where requirement_id = ${id} and version = ${version}`,
  );
  return rows.length > 0;
}

export async function insertLesson(
  tx: Db,
  l: {
    requirementId: string;
    version: number;
    organisationId: string;
    rating: string;
    body: string;
    by: string;
  },
) {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`insert into requirement_lessons (requirement_id, version, organisation_id, rating, body, created_by)
        values (${l.requirementId}, ${l.version}, ${l.organisationId}, ${l.rating}, ${l.body}, ${l.by})
        returning id`,
  );
  return row!.id;
}
