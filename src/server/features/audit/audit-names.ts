import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';

/**
 * What the log's objects are called, looked up when the log is read: entries keep ids only, so a
 * renamed object shows its name of today and an erased person never shows her name again.
 * One query per kind of object on the page, however many entries it has.
 */
const namedTables: Record<string, { table: string; name: SQL }> = {
  organisation: { table: 'organisations', name: sql`name` },
  municipality: { table: 'organisations', name: sql`name` },
  course: { table: 'courses', name: sql`key` },
  governing_document: { table: 'governing_documents', name: sql`title` },
  case: { table: 'cases', name: sql`title` },
  procurement: { table: 'procurements', name: sql`title` },
  programme: { table: 'programmes', name: sql`name` },
  study_group: { table: 'study_groups', name: sql`name` },
  network: { table: 'networks', name: sql`name` },
  network_meeting: { table: 'network_meetings', name: sql`title` },
  initiative: { table: 'initiatives', name: sql`title` },
  action_plan: { table: 'action_plans', name: sql`title` },
  assessment_round: { table: 'assessment_rounds', name: sql`name` },
  assessment_template: { table: 'assessment_templates', name: sql`key` },
  steering_report: { table: 'steering_reports', name: sql`title` },
  technology: { table: 'technologies', name: sql`name_sv` },
  definition: { table: 'definitions', name: sql`key` },
  identity_provider: { table: 'identity_providers', name: sql`name` },
  api_client: { table: 'api_clients', name: sql`name` },
  scim_token: { table: 'scim_tokens', name: sql`name` },
  benefit_indicator: { table: 'benefit_indicators', name: sql`name` },
  need: { table: 'needs', name: sql`title` },
  contract: { table: 'contracts', name: sql`title` },
  external_contact: { table: 'external_contacts', name: sql`topic` },
  funding_call: { table: 'funding_calls', name: sql`title` },
  supplier: { table: 'suppliers', name: sql`name` },
  supplier_product: { table: 'supplier_products', name: sql`name` },
  support_offer: { table: 'support_offers', name: sql`title` },
  support_request: { table: 'support_requests', name: sql`subject` },
  requirement_specification: { table: 'requirement_specifications', name: sql`title` },
};

/** Objects that stand for a person: a role or an invitation names the person it was given to. */
const personalTypes = new Set(['membership', 'invitation', 'activation_code']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Resolved {
  entityName: string | null;
  entityGone: boolean;
  subjectUserId: string | null;
  organisationName: string | null;
  actorGone: boolean;
}

interface EntryRef {
  actorId: string | null;
  entityType: string;
  entityId: string | null;
  organisationId: string | null;
  before: unknown;
  after: unknown;
}

function userIdIn(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const id = (value as Record<string, unknown>).userId;
  return typeof id === 'string' && UUID.test(id) ? id : null;
}

/** The person an entry is about: her account, or the person a role or invitation was given to. */
export function subjectOf(entry: EntryRef): string | null {
  if (entry.entityType === 'user') return entry.entityId && UUID.test(entry.entityId) ? entry.entityId : null;
  if (!personalTypes.has(entry.entityType)) return null;
  return userIdIn(entry.after) ?? userIdIn(entry.before);
}

async function namesIn(db: Db, table: string, name: SQL, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id::text as id, ${name} as name from ${sql.identifier(table)} where id in (${list})`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** People by id: their name, or null for an erased account (a tombstone that names nobody). */
async function peopleIn(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string | null>();
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string; name: string; erased: boolean }>(
    db,
    sql`select id::text as id, name, (status = 'disabled' and email like 'erased-%@invalid') as erased
        from users where id in (${list})`,
  );
  return new Map(rows.map((r) => [r.id, r.erased ? null : r.name]));
}

export async function resolveNames<E extends EntryRef>(db: Db, entries: E[]): Promise<(E & Resolved)[]> {
  const byTable = new Map<string, { name: SQL; ids: Set<string> }>();
  const want = (table: string, name: SQL, id: string | null) => {
    if (!id || !UUID.test(id)) return;
    const slot = byTable.get(table) ?? { name, ids: new Set<string>() };
    slot.ids.add(id);
    byTable.set(table, slot);
  };
  const people = new Set<string>();
  for (const e of entries) {
    const named = namedTables[e.entityType];
    if (named) want(named.table, named.name, e.entityId);
    want('organisations', sql`name`, e.organisationId);
    const subject = subjectOf(e);
    if (subject) people.add(subject);
    if (e.actorId) people.add(e.actorId);
  }
  const names = new Map<string, Map<string, string>>();
  for (const [table, slot] of byTable) names.set(table, await namesIn(db, table, slot.name, [...slot.ids]));
  const persons = await peopleIn(db, [...people]);

  return entries.map((e) => {
    const subject = subjectOf(e);
    const named = namedTables[e.entityType];
    let entityName: string | null = null;
    let entityGone = false;
    if (subject) {
      entityName = persons.get(subject) ?? null;
      entityGone = entityName === null;
    } else if (named && e.entityId) {
      entityName = names.get(named.table)?.get(e.entityId) ?? null;
      entityGone = entityName === null;
    }
    return {
      ...e,
      entityName,
      entityGone,
      subjectUserId: subject,
      organisationName: e.organisationId ? (names.get('organisations')?.get(e.organisationId) ?? null) : null,
      actorGone: e.actorId !== null && persons.has(e.actorId) && persons.get(e.actorId) === null,
    };
  });
}
