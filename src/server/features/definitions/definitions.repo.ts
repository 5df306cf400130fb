import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';

export interface DefinitionRow {
  id: string;
  key: string;
  owner_id: string;
  owner_name: string;
  owner_kind: 'nation' | 'region' | 'association';
  owner_code: string | null;
  version: number;
  term_sv: string;
  term_en: string;
  body_sv: string;
  body_en: string;
  agreed_note: string | null;
  created_at: Date | string;
}

/** Definitions with their current version; optionally one owner's, one key's or one id. */
export function selectDefinitions(db: Db, where: { ownerId?: string; key?: string; id?: string } = {}) {
  return queryRows<DefinitionRow>(
    db,
    sql`select d.id, d.key, o.id as owner_id, o.name as owner_name, o.kind as owner_kind, o.code as owner_code,
               v.version, v.term_sv, v.term_en, v.body_sv, v.body_en, v.agreed_note, v.created_at
        from definitions d
        join organisations o on o.id = d.owner_organisation_id
        join definition_versions v on v.definition_id = d.id and v.version = d.current_version
        where true
          ${where.ownerId ? sql`and d.owner_organisation_id = ${where.ownerId}` : sql``}
          ${where.key ? sql`and d.key = ${where.key}` : sql``}
          ${where.id ? sql`and d.id = ${where.id}` : sql``}
        limit 2000`,
  );
}

export type VersionRow = Pick<
  DefinitionRow,
  'version' | 'term_sv' | 'term_en' | 'body_sv' | 'body_en' | 'agreed_note' | 'created_at'
>;

export const selectVersions = (db: Db, definitionId: string) =>
  queryRows<VersionRow>(
    db,
    sql`select version, term_sv, term_en, body_sv, body_en, agreed_note, created_at
        from definition_versions where definition_id = ${definitionId} order by version desc`,
  );

export async function findOwner(db: Db, id: string) {
  const [row] = await queryRows<{ id: string; name: string; kind: string; code: string | null }>(
    db,
    sql`select id, name, kind, code from organisations where id = ${id}`,
  );
  return row ?? null;
}

export const ownersByIds = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : queryRows<{ id: string; name: string; kind: 'nation' | 'region' | 'association'; code: string | null }>(
        db,
        sql`select id, name, kind, code from organisations
            where kind in ('nation', 'region', 'association')
              and id in (${sql.join(
                ids.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`,
      );

export interface VersionInput {
  termSv: string;
  termEn: string;
  bodySv: string;
  bodyEn: string;
  agreedNote: string | null;
}

/** A new definition at version 1; null when the owner already has that key. */
export async function insertDefinition(tx: Db, ownerId: string, key: string) {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`insert into definitions (key, owner_organisation_id, current_version) values (${key}, ${ownerId}, 1)
        on conflict (owner_organisation_id, key) do nothing returning id`,
  );
  return row?.id ?? null;
}

export async function insertVersion(tx: Db, id: string, version: number, v: VersionInput, by: string) {
  await queryRows(
    tx,
    sql`insert into definition_versions (definition_id, version, term_sv, term_en, body_sv, body_en, agreed_note, created_by)
        values (${id}, ${version}, ${v.termSv}, ${v.termEn}, ${v.bodySv}, ${v.bodyEn}, ${v.agreedNote}, ${by})
        returning version`,
  );
  await queryRows(
    tx,
    sql`update definitions set current_version = ${version}, updated_at = now() where id = ${id} returning id`,
  );
}

/** Locks the definition row, so two new versions at once queue instead of taking the same number. */
export async function lockDefinition(tx: Db, id: string) {
  const [row] = await queryRows<{ id: string; owner_organisation_id: string; current_version: number }>(
    tx,
    sql`select id, owner_organisation_id, current_version from definitions where id = ${id} for update`,
  );
  return row ?? null;
}
