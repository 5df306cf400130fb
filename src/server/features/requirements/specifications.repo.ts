import { sql } from 'drizzle-orm';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { type Db, queryRows } from '../../db/client.ts';

export interface SpecificationRow {
  id: string;
  title: string;
  introduction: string;
  owner_id: string;
  owner_name: string;
  owner_kind: 'nation' | 'region' | 'association' | 'municipality';
  technology_key: string;
  technology_name: string;
  item_count: number;
  updated_at: Date | string;
}

const columns = (lang: UiLanguage) => sql`
  s.id, s.title, s.introduction, o.id as owner_id, o.name as owner_name, o.kind as owner_kind,
  t.key as technology_key, ${lang === 'en' ? sql`t.name_en` : sql`t.name_sv`} as technology_name,
  (select count(*)::int from requirement_specification_items i where i.specification_id = s.id) as item_count,
  s.updated_at`;

const joins = sql`
  join organisations o on o.id = s.owner_organisation_id
  join technologies t on t.id = s.technology_id`;

/** Every specification, the most recently changed first (a coordinator finds her work at the top). */
export const listSpecifications = (db: Db, lang: UiLanguage) =>
  queryRows<SpecificationRow>(
    db,
    sql`select ${columns(lang)} from requirement_specifications s ${joins}
        order by s.updated_at desc, s.id limit 500`,
  );

export async function findSpecification(db: Db, lang: UiLanguage, id: string) {
  const [row] = await queryRows<SpecificationRow>(
    db,
    sql`select ${columns(lang)} from requirement_specifications s ${joins} where s.id = ${id}`,
  );
  return row ?? null;
}

export interface ItemRow {
  requirement_id: string;
  version: number;
  current_version: number;
  level: 'must' | 'should';
  category: string;
  text_sv: string;
  text_en: string | null;
  owner_name: string;
}

/** The rows in order, each with the text of the version it took. */
export const selectItems = (db: Db, id: string) =>
  queryRows<ItemRow>(
    db,
    sql`select i.requirement_id, i.version, r.current_version, i.level, v.category, v.text_sv, v.text_en,
               o.name as owner_name
        from requirement_specification_items i
        join requirements r on r.id = i.requirement_id
        join requirement_versions v on v.requirement_id = i.requirement_id and v.version = i.version
        join organisations o on o.id = r.owner_organisation_id
        where i.specification_id = ${id}
        order by i.position`,
  );

export interface TakenVersion {
  requirement_id: string;
  version: number;
  owner_organisation_id: string;
  text_sv: string;
  level: 'must' | 'should';
  category: string;
  source: string | null;
}

/** The versions the rows name, those that exist. */
export const takenVersions = (db: Db, items: readonly { requirementId: string; version: number }[]) =>
  items.length === 0
    ? Promise.resolve([] as TakenVersion[])
    : queryRows<TakenVersion>(
        db,
        sql`select v.requirement_id, v.version, r.owner_organisation_id, v.text_sv, v.level, v.category, v.source
            from requirement_versions v join requirements r on r.id = v.requirement_id
            where (v.requirement_id, v.version) in (${sql.join(
              items.map((i) => sql`(${i.requirementId}::uuid, ${i.version}::smallint)`),
              sql`, `,
            )})`,
      );

export async function technologyIdOf(db: Db, key: string) {
  const [row] = await queryRows<{ id: string }>(db, sql`select id from technologies where key = ${key}`);
  return row?.id ?? null;
}

export interface SpecificationInput {
  title: string;
  introduction: string;
  technologyId: string;
}

export async function insertSpecification(tx: Db, ownerId: string, s: SpecificationInput, by: string) {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`insert into requirement_specifications (owner_organisation_id, technology_id, title, introduction, created_by, updated_by)
        values (${ownerId}, ${s.technologyId}, ${s.title}, ${s.introduction}, ${by}, ${by}) returning id`,
  );
  return row!.id;
}

export async function updateSpecification(tx: Db, id: string, s: SpecificationInput, by: string) {
  await tx.execute(
    sql`update requirement_specifications
        set title = ${s.title}, introduction = ${s.introduction}, technology_id = ${s.technologyId},
            updated_by = ${by}, updated_at = now()
        where id = ${id}`,
  );
}

/** Locks the specification, so two saves at once queue instead of mixing their rows. */
export async function lockSpecification(tx: Db, id: string) {
  const [row] = await queryRows<{ id: string; owner_organisation_id: string }>(
    tx,
    sql`select id, owner_organisation_id from requirement_specifications where id = ${id} for update`,
  );
  return row ?? null;
}

export async function replaceItems(
  tx: Db,
  id: string,
  items: readonly { requirementId: string; version: number; level: string }[],
) {
  await tx.execute(sql`delete from requirement_specification_items where specification_id = ${id}`);
  if (items.length)
    await tx.execute(
      sql`insert into requirement_specification_items (specification_id, position, requirement_id, version, level)
          values ${sql.join(
            items.map((i, n) => sql`(${id}, ${n + 1}, ${i.requirementId}, ${i.version}, ${i.level})`),
            sql`, `,
          )}`,
    );
}
