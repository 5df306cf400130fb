import {
  type Actor,
  externalContactReadScope,
  readsExternalContacts,
  writesExternalContactsFor,
} from '../../../shared/access/index.ts';
import type {
  CreateExternalContact,
  ExternalContactChoices,
  ExternalContactList,
  ExternalContactListQuery,
  ExternalContactSummary,
  ExternalContactView,
  UpdateExternalContact,
} from '../../../shared/contracts/external-contacts.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { technologyIds } from '../cases/case-writes.repo.ts';
import * as repo from './external-contacts.repo.ts';

/**
 * The log of contacts with external actors (issue 17). Who reads and writes which log is decided by the
 * named rules in `access/external-contacts.ts`; a contact someone may not read is a 404, one she reads
 * but does not write a 403 on change. Every write is audited with before and after.
 */

/** The logs the actor reads: null for every log (national administrators). */
export async function readableOwners(db: Db, actor: Actor): Promise<string[] | null> {
  if (!readsExternalContacts(actor)) throw forbidden();
  const scope = externalContactReadScope(actor);
  return scope.national ? null : repo.readableOwnerIds(db, scope);
}

const toSummary = (actor: Actor, r: repo.ContactRow): ExternalContactSummary => ({
  id: r.id,
  owner: { id: r.owner_id, name: r.owner_name, kind: r.owner_kind },
  occurredOn: r.occurred_on,
  kind: r.kind as ExternalContactSummary['kind'],
  actorKind: r.actor_kind as ExternalContactSummary['actorKind'],
  actorName: r.actor_name,
  topic: r.topic,
  supplier: r.supplier_id ? { id: r.supplier_id, name: r.supplier_name ?? '' } : null,
  technologies: r.technologies,
  municipalities: r.municipalities,
  followUpOn: r.follow_up_on,
  followUpDoneAt: r.follow_up_done_at,
  canEdit: writesExternalContactsFor(actor, { id: r.owner_id }),
});

const encodeCursor = (r: repo.ContactRow) => Buffer.from(`${r.occurred_on}|${r.id}`).toString('base64url');
function decodeCursor(cursor: string) {
  const [on, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!on || !id || !/^\d{4}-\d\d-\d\d$/.test(on) || !/^[0-9a-f-]{36}$/.test(id))
    throw new AppError(400, 'validation_failed', [{ path: 'querystring.cursor', code: 'invalid_format' }]);
  return { on, id };
}

export async function listContacts(
  db: Db,
  actor: Actor,
  q: ExternalContactListQuery,
): Promise<ExternalContactList> {
  const ownerIds = await readableOwners(db, actor);
  const rows = await repo.selectContacts(db, {
    ownerIds,
    q: q.q || undefined,
    actorKind: q.actorKind,
    technology: q.technology,
    municipalityCode: q.municipality,
    supplierId: q.supplier,
    ownerId: q.owner,
    openFollowUp: q.followUp === 'open',
    before: q.cursor ? decodeCursor(q.cursor) : undefined,
    limit: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  return {
    items: items.map((r) => toSummary(actor, r)),
    nextCursor: rows.length > q.limit ? encodeCursor(items.at(-1)!) : null,
  };
}

async function visibleContact(db: Db, actor: Actor, id: string) {
  const ownerIds = await readableOwners(db, actor);
  const [row] = await repo.selectContacts(db, { ownerIds, id, limit: 1 });
  if (!row) throw notFound();
  return row;
}

export async function getContact(db: Db, actor: Actor, id: string): Promise<ExternalContactView> {
  const row = await visibleContact(db, actor, id);
  const d = (await repo.contactDetails(db, id))!;
  return {
    ...toSummary(actor, row),
    outcome: d.outcome,
    followUp: d.follow_up,
    meeting: d.meeting_id
      ? {
          id: d.meeting_id,
          networkId: d.network_id!,
          networkName: d.network_name ?? '',
          title: d.meeting_title ?? '',
          startsAt: d.meeting_starts_at!,
        }
      : null,
    procurement: d.procurement_id ? { id: d.procurement_id, title: d.procurement_title ?? '' } : null,
    createdBy: d.created_by,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
  };
}

const field = (path: string, code: string) =>
  new AppError(400, 'validation_failed', [{ path: `body.${path}`, code }]);

type Input = UpdateExternalContact;

/**
 * Everything a body links to must be the owner's: its municipalities, its groups' meetings, its
 * procurements, a supplier in the register and technologies of the catalogue. 400 on the field otherwise.
 */
async function checkedValues(db: Db, ownerId: string, input: Input) {
  const area = new Set((await repo.areaMunicipalities(db, [ownerId])).map((m) => m.id));
  const outside = input.municipalityIds.findIndex((id) => !area.has(id));
  if (outside >= 0) throw field(`municipalityIds.${outside}`, 'external_contact_municipality_outside');
  if (input.meetingId && !(await repo.ownerMeetings(db, ownerId, input.meetingId)).length)
    throw field('meetingId', 'external_contact_meeting_not_owners');
  if (input.procurementId && !(await repo.ownerProcurements(db, ownerId, input.procurementId)).length)
    throw field('procurementId', 'external_contact_procurement_unknown');
  if (input.supplierId && !(await repo.activeSuppliers(db, input.supplierId)).length)
    throw field('supplierId', 'unknown_supplier');
  const techIds = input.technologyKeys.length ? await technologyIds(db, input.technologyKeys) : [];
  const values: repo.ContactValues = {
    occurredOn: input.occurredOn,
    kind: input.kind,
    actorKind: input.actorKind,
    actorName: input.actorName,
    supplierId: input.supplierId ?? null,
    meetingId: input.meetingId ?? null,
    procurementId: input.procurementId ?? null,
    topic: input.topic,
    outcome: input.outcome ?? null,
    followUp: input.followUp ?? null,
    followUpOn: input.followUpOn ?? null,
  };
  return { values, techIds, municipalityIds: [...new Set(input.municipalityIds)] };
}

const auditOf = (v: repo.ContactValues, input: Input) => ({
  ...v,
  technologyKeys: input.technologyKeys,
  municipalityIds: input.municipalityIds,
});

export async function createContact(db: Db, actor: Actor, input: CreateExternalContact) {
  const [owner] = await repo.owners(db, [input.ownerId]);
  if (!owner) throw field('ownerId', 'unknown_organisation');
  if (!writesExternalContactsFor(actor, owner)) throw forbidden();
  const { values, techIds, municipalityIds } = await checkedValues(db, owner.id, input);
  const id = await db.transaction(async (tx) => {
    const newId = await repo.insertContact(tx, owner.id, values, actor.userId);
    await repo.replaceLinks(tx, newId, techIds, municipalityIds);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'external_contact.created',
      entityType: 'external_contact',
      entityId: newId,
      organisationId: owner.id,
      after: auditOf(values, input),
    });
    return newId;
  });
  return getContact(db, actor, id);
}

/** The contact, locked, if the actor writes its log: 403 if she only reads it, 404 if not even that. */
async function writable(tx: Db, actor: Actor, id: string) {
  const row = await repo.lockContact(tx, id);
  if (!row) throw notFound();
  if (!writesExternalContactsFor(actor, { id: row.owner_organisation_id })) {
    await visibleContact(tx, actor, id);
    throw forbidden();
  }
  return row;
}

export async function updateContact(db: Db, actor: Actor, id: string, input: UpdateExternalContact) {
  if (!readsExternalContacts(actor)) throw forbidden();
  await db.transaction(async (tx) => {
    const before = await writable(tx, actor, id);
    const { values, techIds, municipalityIds } = await checkedValues(tx, before.owner_organisation_id, input);
    await repo.updateContact(tx, id, values);
    await repo.replaceLinks(tx, id, techIds, municipalityIds);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'external_contact.updated',
      entityType: 'external_contact',
      entityId: id,
      organisationId: before.owner_organisation_id,
      before,
      after: auditOf(values, input),
    });
  });
  return getContact(db, actor, id);
}

export async function markFollowUpDone(db: Db, actor: Actor, id: string) {
  if (!readsExternalContacts(actor)) throw forbidden();
  await db.transaction(async (tx) => {
    const row = await writable(tx, actor, id);
    if (!row.follow_up_on) throw new AppError(409, 'external_contact_no_follow_up');
    if (row.follow_up_done_at) return;
    await repo.markFollowUpDone(tx, id);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'external_contact.follow_up_done',
      entityType: 'external_contact',
      entityId: id,
      organisationId: row.owner_organisation_id,
      after: { followUp: row.follow_up, followUpOn: row.follow_up_on },
    });
  });
  return getContact(db, actor, id);
}

export async function deleteContact(db: Db, actor: Actor, id: string) {
  if (!readsExternalContacts(actor)) throw forbidden();
  await db.transaction(async (tx) => {
    const before = await writable(tx, actor, id);
    await repo.deleteContact(tx, id);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'external_contact.deleted',
      entityType: 'external_contact',
      entityId: id,
      organisationId: before.owner_organisation_id,
      before,
    });
  });
}

/** What the forms and filters choose from: the logs the actor reads and, for one she writes, its links. */
export async function contactChoices(
  db: Db,
  actor: Actor,
  ownerId: string | undefined,
): Promise<ExternalContactChoices> {
  const ownerIds = await readableOwners(db, actor);
  const [readable, suppliers] = await Promise.all([repo.owners(db, ownerIds), repo.activeSuppliers(db)]);
  const owners = readable.map((o) => ({ ...o, canWrite: writesExternalContactsFor(actor, o) }));
  if (!ownerId) {
    const municipalities = await repo.areaMunicipalities(db, ownerIds);
    return { owners, municipalities, meetings: [], procurements: [], suppliers };
  }
  if (!owners.some((o) => o.id === ownerId && o.canWrite)) throw forbidden();
  const [municipalities, meetings, procurements] = await Promise.all([
    repo.areaMunicipalities(db, [ownerId]),
    repo.ownerMeetings(db, ownerId),
    repo.ownerProcurements(db, ownerId),
  ]);
  return {
    owners,
    municipalities,
    meetings: meetings.map((m) => ({
      id: m.id,
      networkId: m.network_id,
      networkName: m.network_name,
      title: m.title,
      startsAt: m.starts_at,
    })),
    procurements,
    suppliers,
  };
}
