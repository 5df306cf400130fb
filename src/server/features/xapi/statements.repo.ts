import { inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { learningStatements, xapiActivities, xapiAttachments } from '../../db/schema/index.ts';

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

/** Inserts new statements; ids already stored are left alone (the service has compared them). */
export async function insertStatements(db: Db, rows: StatementInsert[]) {
  if (rows.length === 0) return [];
  return db
    .insert(learningStatements)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: learningStatements.id });
}

export async function findStoredByIds(db: Db, ids: string[]): Promise<StoredStatementRow[]> {
  if (ids.length === 0) return [];
  return queryRows<StoredStatementRow>(
    db,
    sql`select ${STORED_COLUMNS} from learning_statements s
        where s.id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
}

/** Keeps the latest definition an organisation's statements gave each activity (Data 2.4.4.1). */
export async function upsertActivityDefinitions(
  db: Db,
  organisationId: string,
  definitions: Map<string, Record<string, unknown>>,
) {
  if (definitions.size === 0) return;
  await db
    .insert(xapiActivities)
    .values([...definitions].map(([activityId, definition]) => ({ organisationId, activityId, definition })))
    .onConflictDoUpdate({
      target: [xapiActivities.organisationId, xapiActivities.activityId],
      set: {
        definition: sql`${xapiActivities.definition} || excluded.definition`,
        updatedAt: sql`now()`,
      },
    });
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
