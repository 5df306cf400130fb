import {
  type Actor,
  isNationalAdmin,
  leadsProcurementFor,
  procurementLeadAt,
  procurementLeadKinds,
  readsPowerOfAttorney,
  respondsForParticipant,
  scopeFor,
  usesProcurements,
} from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import {
  type CreateProcurement,
  type ProcurementListQuery,
  type ProcurementPhase,
  type ProcurementSummary,
  type ProcurementView,
  procurementPhases,
} from '../../../shared/contracts/procurements.ts';
import type { Db } from '../../db/client.ts';
import {
  procurementPhases as phaseTable,
  procurementChecklistItems,
  procurementParticipants,
  procurements,
} from '../../db/schema/index.ts';
import { AppError, badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { loadOrgContext } from '../organisations/organisations.repo.ts';
import { defaultChecklist } from './procurement-checklist.ts';
import * as repo from './procurements.repo.ts';

/**
 * Joint procurements (issue 17): the list, one procurement as its lead, a participant or a region sees
 * it, and starting one. Who may do what is in `access/procurements.ts`.
 */

/** The organisations whose procurements the actor reaches; null for a national administrator. */
export function reachOf(actor: Actor): string[] | null {
  if (isNationalAdmin(actor)) return null;
  return [
    ...new Set([
      ...scopeFor(actor, 'procurement.lead').organisationIds,
      ...scopeFor(actor, 'procurement.join').organisationIds,
    ]),
  ];
}

export function requireProcurementUser(actor: Actor) {
  if (!usesProcurements(actor)) throw forbidden();
}

const toSummary = (r: repo.SummaryRow): ProcurementSummary => ({
  id: r.id,
  title: r.title,
  lead: { id: r.lead_id, name: r.lead_name, kind: r.lead_kind },
  technology: { key: r.technology_key, name: r.technology_name },
  phase: r.phase as ProcurementPhase,
  status: r.status as ProcurementSummary['status'],
  participantCount: r.participant_count,
  confirmedCount: r.confirmed_count,
  updatedAt: r.updated_at,
});

const encodeCursor = (r: repo.SummaryRow) => Buffer.from(`${r.updated_at}|${r.id}`).toString('base64url');
function decodeCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id))
    throw new AppError(400, 'validation_failed', [{ path: 'querystring.cursor', code: 'invalid_format' }]);
  return { at, id };
}

export async function listProcurements(db: Db, actor: Actor, lang: UiLanguage, q: ProcurementListQuery) {
  requireProcurementUser(actor);
  const rows = await repo.selectProcurements(db, lang, {
    reach: reachOf(actor),
    status: q.status,
    phase: q.phase,
    technology: q.technology,
    leadIds: q.side === 'lead' ? procurementLeadAt(actor) : undefined,
    participantIds:
      q.side === 'participant' ? scopeFor(actor, 'procurement.join').organisationIds : undefined,
    before: q.cursor ? decodeCursor(q.cursor) : undefined,
    limit: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  return {
    items: items.map(toSummary),
    nextCursor: rows.length > q.limit ? encodeCursor(items.at(-1)!) : null,
  };
}

/** The procurement if the actor reaches it, else 404 (nobody learns what exists elsewhere). */
export async function visibleProcurement(db: Db, actor: Actor, id: string, lang: UiLanguage = 'sv') {
  requireProcurementUser(actor);
  const [row] = await repo.selectProcurements(db, lang, { reach: reachOf(actor), id, limit: 1 });
  if (!row) throw notFound();
  return row;
}

/** The procurement for a change by its lead; 403 for those who only read it. */
export async function ledProcurement(db: Db, actor: Actor, id: string) {
  const row = await visibleProcurement(db, actor, id);
  if (!leadsProcurementFor(actor, { id: row.lead_id })) throw forbidden();
  return row;
}

export async function getProcurement(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
): Promise<ProcurementView> {
  const row = await visibleProcurement(db, actor, id, lang);
  const d = await repo.procurementDetails(db, id);
  const canLead = leadsProcurementFor(actor, { id: row.lead_id });
  const participants = await Promise.all(
    d.participants.map(async (p) => {
      const seesDocument =
        p.document_id !== null &&
        (canLead ||
          readsPowerOfAttorney(
            actor,
            (await loadOrgContext(db, p.municipality_id)) ?? {
              id: p.municipality_id,
              kind: 'municipality',
              lineage: [],
              associationIds: [],
            },
            { id: row.lead_id },
          ));
      return {
        municipality: { id: p.municipality_id, code: p.code, name: p.name },
        status: p.status as ProcurementView['participants'][number]['status'],
        invitedAt: p.invited_at,
        decisionOn: p.decision_on,
        powerOfAttorney: seesDocument ? { id: p.document_id!, fileName: p.document_name ?? '' } : null,
        canRespond: row.status === 'active' && respondsForParticipant(actor, { id: p.municipality_id }),
      };
    }),
  );
  const taken = new Set(d.participants.map((p) => p.municipality_id));
  const lead = canLead ? await repo.findOrganisation(db, row.lead_id) : null;
  const invitable = lead
    ? (await repo.invitableMunicipalities(db, lead))
        .filter((m) => !taken.has(m.id))
        .map(({ code, name }) => ({ code, name }))
    : [];
  return {
    ...toSummary(row),
    description: row.description,
    version: row.version,
    awardedSupplier: row.awarded_supplier_id
      ? { id: row.awarded_supplier_id, name: row.awarded_supplier_name ?? '' }
      : null,
    phases: procurementPhases.map((phase) => {
      const p = d.phases.find((x) => x.phase === phase);
      return {
        phase,
        plannedStart: p?.planned_start ?? null,
        plannedEnd: p?.planned_end ?? null,
        completedOn: p?.completed_on ?? null,
        checklist: d.checklist
          .filter((c) => c.phase === phase)
          .map((c) => ({ id: c.id, label: c.label, done: c.done_at !== null, doneAt: c.done_at })),
      };
    }),
    participants,
    specification: d.specification
      ? { id: d.specification.id, title: d.specification.title, itemCount: d.specification.item_count }
      : null,
    initiatives: d.initiatives,
    needs: d.needs,
    contracts: d.contracts.map((c) => ({
      id: c.id,
      municipality: { code: c.code, name: c.name },
      supplier: c.supplier,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
    })),
    canLead,
    invitable,
  };
}

/**
 * The municipalities named by code, each one the lead may invite; a 400 naming every code that is not
 * (unknown, or outside the lead's region or association).
 */
export async function resolveInvitees(
  db: Db,
  lead: { id: string; kind: string; parent_id: string | null },
  codes: readonly string[],
) {
  const allowed = new Map((await repo.invitableMunicipalities(db, lead)).map((m) => [m.code, m]));
  const errors = codes.flatMap((c, i) =>
    allowed.has(c) ? [] : [{ path: `body.municipalityCodes.${i}`, code: 'procurement_municipality_outside' }],
  );
  if (errors.length) throw badRequest('validation_failed', errors);
  return [...new Set(codes)].map((c) => allowed.get(c)!);
}

export async function createProcurement(db: Db, actor: Actor, lang: UiLanguage, input: CreateProcurement) {
  requireProcurementUser(actor);
  const lead = await repo.findOrganisation(db, input.leadOrganisationId);
  if (!lead || !(procurementLeadKinds as readonly string[]).includes(lead.kind))
    throw badRequest('validation_failed', [
      { path: 'body.leadOrganisationId', code: 'procurement_lead_kind' },
    ]);
  if (!leadsProcurementFor(actor, lead)) throw forbidden();
  const technologyId = await repo.technologyIdOf(db, input.technologyKey);
  if (!technologyId)
    throw badRequest('unknown_technology', [{ path: 'body.technologyKey', code: 'unknown_technology' }]);
  const invitees = await resolveInvitees(db, lead, input.municipalityCodes);
  const id = await db.transaction(async (tx) => {
    const [p] = await tx
      .insert(procurements)
      .values({
        title: input.title,
        description: input.description || null,
        leadOrganisationId: lead.id,
        technologyId,
        createdBy: actor.userId,
      })
      .returning({ id: procurements.id });
    const newId = p!.id;
    await tx.insert(phaseTable).values(procurementPhases.map((phase) => ({ procurementId: newId, phase })));
    await tx.insert(procurementChecklistItems).values(
      procurementPhases.flatMap((phase) =>
        defaultChecklist[phase].map((label, position) => ({
          procurementId: newId,
          phase,
          position,
          label,
        })),
      ),
    );
    if (invitees.length)
      await tx
        .insert(procurementParticipants)
        .values(invitees.map((m) => ({ procurementId: newId, municipalityId: m.id })));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'procurement.created',
      entityType: 'procurement',
      entityId: newId,
      organisationId: lead.id,
      after: {
        title: input.title,
        technologyKey: input.technologyKey,
        municipalities: invitees.map((m) => m.code),
      },
    });
    return newId;
  });
  return getProcurement(db, actor, lang, id);
}

/** The municipalities a new procurement led by this organisation may invite (the form's choices). */
export async function invitableFor(db: Db, actor: Actor, leadId: string) {
  requireProcurementUser(actor);
  const lead = await repo.findOrganisation(db, leadId);
  if (!lead) throw notFound();
  if (!leadsProcurementFor(actor, lead)) throw forbidden();
  const items = await repo.invitableMunicipalities(db, lead);
  return { items: items.map(({ code, name }) => ({ code, name })) };
}
