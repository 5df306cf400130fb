import { sql } from 'drizzle-orm';
import {
  type Actor,
  isNationalAdmin,
  requestsSupportFor,
  type SupportSide,
  supportProviderAt,
  supportRequesterAt,
  supportSideOf,
  usesSupport,
} from '../../../shared/access/index.ts';
import type {
  CreateSupportRequest,
  SupportRequestListQuery,
  SupportRequestSummary,
  SupportRequestView,
} from '../../../shared/contracts/support.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import type { Mailer } from '../mail/mailer.ts';
import * as repo from './support.repo.ts';
import { supportMails } from './support-mail.ts';
import { mayAsk } from './support-offers.service.ts';

/**
 * A municipality's request for support and its thread. The municipality's coordinators write it and
 * read its answers; the coordinators of the region or association it is addressed to assign, answer,
 * change its status and close it. Both sides read the whole history. Every change notifies the other
 * side through the outbox, after the change is committed.
 */

export interface SupportDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

/** Which requests the actor sees: null for all (national administrators). */
function visibility(actor: Actor) {
  if (isNationalAdmin(actor)) return { municipalityIds: null, providerIds: null };
  return { municipalityIds: supportRequesterAt(actor), providerIds: supportProviderAt(actor) };
}

export const toSummary = (r: repo.RequestRow): SupportRequestSummary => ({
  id: r.id,
  subject: r.subject,
  municipality: { code: r.municipality_code, name: r.municipality_name },
  provider: { id: r.provider_id, name: r.provider_name },
  offer: r.offer_id
    ? { id: r.offer_id, title: r.offer_title ?? '', responseDays: r.offer_response_days ?? 0 }
    : null,
  need: r.need as SupportRequestSummary['need'],
  urgency: r.urgency as SupportRequestSummary['urgency'],
  status: r.status as SupportRequestSummary['status'],
  assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  firstAnswerAt: r.first_answer_at,
  unread: r.unread,
});

const encodeCursor = (r: repo.RequestRow) => Buffer.from(`${r.created_at}|${r.id}`).toString('base64url');
function decodeCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id))
    throw new AppError(400, 'validation_failed', [{ path: 'querystring.cursor', code: 'invalid_format' }]);
  return { at, id };
}

export async function listRequests(db: Db, actor: Actor, q: SupportRequestListQuery) {
  if (!usesSupport(actor)) throw forbidden();
  const rows = await repo.selectRequests(db, {
    ...visibility(actor),
    status: q.status,
    municipalityCode: q.municipality,
    providerId: q.provider,
    offerId: q.offer,
    need: q.need,
    assigneeId: q.mine === 'true' ? actor.userId : undefined,
    before: q.cursor ? decodeCursor(q.cursor) : undefined,
    limit: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  return {
    items: items.map(toSummary),
    nextCursor: rows.length > q.limit ? encodeCursor(items.at(-1)!) : null,
  };
}

/** The request and the actor's side of it; 404 when it is not hers to see. */
export async function visibleRequest(db: Db, actor: Actor, id: string) {
  const [row] = await repo.selectRequests(db, { ...visibility(actor), id, limit: 1 });
  if (!row) throw notFound();
  const side = supportSideOf(actor, { municipalityId: row.municipality_id, providerId: row.provider_id });
  if (!side) throw notFound();
  return { row, side };
}

export async function getRequest(db: Db, actor: Actor, id: string): Promise<SupportRequestView> {
  const { row, side } = await visibleRequest(db, actor, id);
  if (side === 'municipality' && row.unread) {
    // Opening the request reads its answers: the start page stops listing it.
    await db.execute(sql`update support_requests set municipality_read_at = now() where id = ${id}`);
    row.unread = false;
  }
  return viewOf(db, row, side);
}

async function viewOf(db: Db, row: repo.RequestRow, side: SupportSide): Promise<SupportRequestView> {
  const details = await repo.requestDetails(db, row.id);
  const canManage = side === 'provider';
  const assignees = canManage ? await repo.peopleAt(db, row.provider_id, 'support.provide') : [];
  return {
    ...toSummary(row),
    body: row.body,
    technologies: details.technologies,
    attachments: details.attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mediaType: a.media_type,
      sizeBytes: a.size_bytes,
    })),
    events: details.events.map((e) => ({
      id: e.id,
      kind: e.kind as 'message',
      side: e.side as SupportSide,
      body: e.body,
      status: e.status as SupportRequestSummary['status'] | null,
      assignee: e.assignee_id ? { id: e.assignee_id, name: e.assignee_name ?? '' } : null,
      author: e.author,
      at: e.at,
    })),
    side,
    canWrite: row.status !== 'closed',
    canManage,
    assignees: assignees.map((a) => ({ id: a.id, name: a.name })),
  };
}

const linkTo = (deps: SupportDeps, id: string) => `${deps.publicUrl}/stod/forfragningar/${id}`;
const field = (name: string, code: string) =>
  new AppError(400, 'validation_failed', [{ path: `body.${name}`, code }]);

export async function createRequest(
  deps: SupportDeps,
  actor: Actor,
  input: CreateSupportRequest,
): Promise<SupportRequestView> {
  const { db } = deps;
  const municipality = await repo.findMunicipality(db, input.municipalityCode);
  if (!municipality) throw field('municipalityCode', 'unknown_organisation');
  if (!requestsSupportFor(actor, municipality)) throw forbidden();
  if (!(await mayAsk(db, municipality.id, input.providerOrganisationId)))
    throw field('providerOrganisationId', 'support_provider_not_yours');
  let need: string | null = input.need ?? null;
  if (input.offerId) {
    const [offer] = await repo.selectOffers(db, { id: input.offerId, status: 'active' });
    if (!offer || offer.provider_id !== input.providerOrganisationId)
      throw field('offerId', 'support_offer_unknown');
    need = offer.need;
  }
  const technologies = input.technologyKeys.length
    ? await queryRows<{ id: string; key: string }>(
        db,
        sql`select id, key from technologies where key in (${sql.join(
          input.technologyKeys.map((k) => sql`${k}`),
          sql`, `,
        )})`,
      )
    : [];
  const unknown = input.technologyKeys.findIndex((k) => !technologies.some((t) => t.key === k));
  if (unknown >= 0) throw field(`technologyKeys.${unknown}`, 'unknown_technology');
  const id = await db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into support_requests (municipality_id, provider_organisation_id, offer_id, need, subject,
                                        body, urgency, created_by)
          values (${municipality.id}, ${input.providerOrganisationId}, ${input.offerId ?? null}, ${need},
                  ${input.subject}, ${input.body}, ${input.urgency}, ${actor.userId})
          returning id`,
    );
    const requestId = row!.id;
    for (const t of technologies)
      await tx.execute(
        sql`insert into support_request_technologies (request_id, technology_id) values (${requestId}, ${t.id})`,
      );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'support_request.created',
      entityType: 'support_request',
      entityId: requestId,
      organisationId: municipality.id,
      after: {
        providerId: input.providerOrganisationId,
        offerId: input.offerId ?? null,
        need,
        subject: input.subject,
        urgency: input.urgency,
        technologyKeys: input.technologyKeys,
      },
    });
    return requestId;
  });
  const recipients = await repo.peopleAt(db, input.providerOrganisationId, 'support.provide');
  await deps.mailer.sendMany(
    supportMails('new', {
      recipients,
      subject: input.subject,
      municipality: municipality.name,
      link: linkTo(deps, id),
    }),
  );
  return getRequest(db, actor, id);
}

/** Assign, change the status or close: the provider's side only. */
export async function updateRequest(
  deps: SupportDeps,
  actor: Actor,
  id: string,
  input: { assigneeId?: string | null | undefined; status?: SupportRequestSummary['status'] | undefined },
): Promise<SupportRequestView> {
  const { db } = deps;
  const { row, side } = await visibleRequest(db, actor, id);
  if (side !== 'provider') throw forbidden();
  let assignee: repo.Recipient | null = null;
  if (input.assigneeId) {
    const people = await repo.peopleAt(db, row.provider_id, 'support.provide');
    assignee = people.find((p) => p.id === input.assigneeId) ?? null;
    if (!assignee) throw field('assigneeId', 'support_assignee_not_provider');
  }
  const changes = await db.transaction(async (tx) => {
    const locked = (await repo.lockRequest(tx, id))!;
    const out = { assigned: false, closed: false };
    if (input.assigneeId !== undefined && input.assigneeId !== locked.assignee_id) {
      await tx.execute(sql`update support_requests set assignee_id = ${input.assigneeId} where id = ${id}`);
      await repo.insertEvent(tx, {
        requestId: id,
        kind: 'assigned',
        side: 'provider',
        assigneeId: input.assigneeId,
        authorId: actor.userId,
      });
      out.assigned = Boolean(input.assigneeId);
    }
    let wanted = input.status ?? locked.status;
    // A new request taken by someone is no longer waiting for anyone to pick it up.
    if (out.assigned && wanted === 'new') wanted = 'assigned';
    if (wanted !== locked.status) {
      if (wanted === 'assigned' && !(input.assigneeId ?? locked.assignee_id))
        throw field('status', 'support_assign_first');
      await tx.execute(
        sql`update support_requests set status = ${wanted},
                   closed_at = case when ${wanted} = 'closed' then now() else null end
            where id = ${id}`,
      );
      await repo.insertEvent(tx, {
        requestId: id,
        kind: 'status',
        side: 'provider',
        status: wanted,
        authorId: actor.userId,
      });
      out.closed = wanted === 'closed';
    }
    await tx.execute(sql`update support_requests set updated_at = now() where id = ${id}`);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: out.closed ? 'support_request.closed' : 'support_request.updated',
      entityType: 'support_request',
      entityId: id,
      organisationId: row.provider_id,
      before: { status: locked.status, assigneeId: locked.assignee_id },
      after: {
        status: wanted,
        assigneeId: input.assigneeId === undefined ? locked.assignee_id : input.assigneeId,
      },
    });
    return out;
  });
  const mails = [
    ...(changes.assigned && assignee && assignee.id !== actor.userId
      ? supportMails('assigned', {
          recipients: [assignee],
          subject: row.subject,
          municipality: row.municipality_name,
          link: linkTo(deps, id),
        })
      : []),
    ...(changes.closed
      ? supportMails('closed', {
          recipients: await repo.peopleAt(db, row.municipality_id, 'support.request'),
          subject: row.subject,
          municipality: row.municipality_name,
          link: linkTo(deps, id),
        })
      : []),
  ];
  await deps.mailer.sendMany(mails);
  return getRequest(db, actor, id);
}

/**
 * A message from either side. The provider's message is an answer (status answered, the first one
 * timed against the offer's target); the municipality's puts the request back in the provider's queue.
 */
export async function postMessage(
  deps: SupportDeps,
  actor: Actor,
  id: string,
  body: string,
): Promise<SupportRequestView> {
  const { db } = deps;
  const { row, side } = await visibleRequest(db, actor, id);
  await db.transaction(async (tx) => {
    const locked = (await repo.lockRequest(tx, id))!;
    if (locked.status === 'closed') throw new AppError(409, 'support_request_closed');
    await repo.insertEvent(tx, { requestId: id, kind: 'message', side, body, authorId: actor.userId });
    const status = side === 'provider' ? 'answered' : locked.assignee_id ? 'assigned' : 'new';
    if (side === 'provider')
      await tx.execute(
        sql`update support_requests set status = ${status}, updated_at = now(), last_answer_at = now(),
                   first_answer_at = coalesce(first_answer_at, now())
            where id = ${id}`,
      );
    else
      await tx.execute(
        sql`update support_requests set status = ${status}, updated_at = now(), municipality_read_at = now()
            where id = ${id}`,
      );
    if (status !== locked.status)
      await repo.insertEvent(tx, { requestId: id, kind: 'status', side, status, authorId: actor.userId });
    // The audit log records that a message was written, never what it says (it stays in the thread).
    await recordAudit(tx, {
      actorId: actor.userId,
      action: side === 'provider' ? 'support_request.answered' : 'support_request.message_added',
      entityType: 'support_request',
      entityId: id,
      organisationId: side === 'provider' ? row.provider_id : row.municipality_id,
      before: { status: locked.status },
      after: { status },
    });
  });
  const recipients =
    side === 'provider'
      ? await repo.peopleAt(db, row.municipality_id, 'support.request')
      : row.assignee_id
        ? (await repo.peopleAt(db, row.provider_id, 'support.provide')).filter(
            (p) => p.id === row.assignee_id,
          )
        : await repo.peopleAt(db, row.provider_id, 'support.provide');
  await deps.mailer.sendMany(
    supportMails(side === 'provider' ? 'answer' : 'reply', {
      recipients: recipients.filter((r) => r.id !== actor.userId),
      subject: row.subject,
      municipality: row.municipality_name,
      link: linkTo(deps, id),
    }),
  );
  return getRequest(db, actor, id);
}

/** For attachments: the request if the actor may add to it (either side, while open). */
export async function writableRequest(db: Db, actor: Actor, id: string) {
  const { row, side } = await visibleRequest(db, actor, id);
  if (row.status === 'closed') throw new AppError(409, 'support_request_closed');
  return { row, side };
}
