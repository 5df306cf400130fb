import { inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { type learningStatements, xapiAttachments } from '../../db/schema/index.ts';

export type StatementInsert = typeof learningStatements.$inferInsert;

/** A stored statement as the LRS reads it back: its xAPI form, or the columns of an own lesson row. */
export interface StoredStatementRow {
  id: string;
  user_id: string | null;
  verb: string;
  object_id: string;
  object_type: string;
  result: unknown;
  context: unknown;
  timestamp: Date | string;
  stored: Date | string;
  statement: Record<string, unknown> | null;
  voided: boolean;
  seq: number | string;
}

export const STORED_COLUMNS = sql`s.id, s.user_id, s.verb, s.object_id, s.object_type, s.result, s.context,
  s."timestamp", s.stored, s.statement, s.voided, s.seq`;

/**
 * Stores a batch in one SQL statement: the new statements and the activity definitions they give
 * (Data 2.4.4.1: the latest an organisation gave each activity is kept; one that changes nothing is not
 * written, so batches about the same activity do not queue on its row). The batch goes as one JSON
 * parameter unpacked by the database: a 16-column row per statement built by the query builder cost
 * the server more CPU than the database spent storing it (docs/performance.md). `onConflict: 'skip'`
 * leaves ids already stored alone (the caller compares them); 'fail' aborts the whole statement with a
 * unique violation, storing nothing.
 */
export async function insertStatementBatch(
  db: Db,
  rows: StatementInsert[],
  definitions: { organisationId: string; byActivity: Map<string, Record<string, unknown>> },
  onConflict: 'skip' | 'fail',
): Promise<{ id: string }[]> {
  if (rows.length === 0 && definitions.byActivity.size === 0) return [];
  const batch = rows.map((r) => ({
    id: r.id,
    user_id: r.userId ?? null,
    verb: r.verb,
    object_id: r.objectId,
    object_type: r.objectType ?? 'Activity',
    result: r.result ?? null,
    context: r.context ?? null,
    timestamp: r.timestamp,
    stored: r.stored ?? new Date(),
    statement: r.statement ?? null,
    registration: r.registration ?? null,
    agent_keys: r.agentKeys ?? [],
    related_agent_keys: r.relatedAgentKeys ?? [],
    related_activity_ids: r.relatedActivityIds ?? [],
    organisation_id: r.organisationId ?? null,
    api_client_id: r.apiClientId ?? null,
  }));
  const org = definitions.organisationId;
  const upsertDefinitions = definitions.byActivity.size
    ? sql`with definitions as (
          insert into xapi_activities as a (organisation_id, activity_id, definition)
          select ${org}::uuid, d.key, d.value
          from jsonb_each(${JSON.stringify(Object.fromEntries(definitions.byActivity))}::jsonb) d
          where not exists (select 1 from xapi_activities k where k.organisation_id = ${org}::uuid
                              and k.activity_id = d.key and (k.definition || d.value) = k.definition)
          on conflict (organisation_id, activity_id)
          do update set definition = a.definition || excluded.definition, updated_at = now()
        )`
    : sql``;
  return queryRows<{ id: string }>(
    db,
    sql`${upsertDefinitions}
        insert into learning_statements (id, user_id, verb, object_id, object_type, result, context, "timestamp",
          stored, statement, registration, agent_keys, related_agent_keys, related_activity_ids, organisation_id,
          api_client_id)
        select * from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(id uuid, user_id uuid, verb text,
          object_id text, object_type text, result jsonb, context jsonb, "timestamp" timestamptz,
          stored timestamptz, statement jsonb, registration uuid, agent_keys text[], related_agent_keys text[],
          related_activity_ids text[], organisation_id uuid, api_client_id uuid)
        ${onConflict === 'skip' ? sql`on conflict do nothing` : sql``}
        returning id`,
  );
}

/** Inserts new statements; ids already stored are left alone (the caller has compared them). */
export const insertStatements = (db: Db, rows: StatementInsert[]) =>
  insertStatementBatch(db, rows, { organisationId: '', byActivity: new Map() }, 'skip');

/** Statement ids are UUIDs (checked on the way in), so the list goes as one array literal. */
export async function findStoredByIds(db: Db, ids: string[]): Promise<StoredStatementRow[]> {
  if (ids.length === 0) return [];
  return queryRows<StoredStatementRow>(
    db,
    sql`select ${STORED_COLUMNS} from learning_statements s where s.id = any(${`{${ids.join(',')}}`}::uuid[])`,
  );
}

export async function insertAttachments(
  db: Db,
  parts: { sha2: string; contentType: string; content: Buffer }[],
) {
  if (parts.length === 0) return;
  await db
    .insert(xapiAttachments)
    .values(parts.map((p) => ({ ...p, length: p.content.length })))
    .onConflictDoNothing();
}

export async function findAttachments(db: Db, hashes: string[]) {
  if (hashes.length === 0) return [];
  return db.select().from(xapiAttachments).where(inArray(xapiAttachments.sha2, hashes));
}

/** The canonical definitions of these activities (the latest where several organisations gave one). */
export async function findDefinitions(db: Db, activityIds: string[], organisationIds: string[] | null) {
  if (activityIds.length === 0) return new Map<string, Record<string, unknown>>();
  const rows = await queryRows<{ activity_id: string; definition: Record<string, unknown> }>(
    db,
    sql`select distinct on (activity_id) activity_id, definition from xapi_activities
        where activity_id in (${sql.join(
          activityIds.map((id) => sql`${id}`),
          sql`, `,
        )})
        ${
          organisationIds
            ? sql`and organisation_id in (${sql.join(
                organisationIds.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`
            : sql``
        }
        order by activity_id, updated_at desc`,
  );
  return new Map(rows.map((r) => [r.activity_id, r.definition]));
}
