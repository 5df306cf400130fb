import { sql } from 'drizzle-orm';
import {
  type Actor,
  authorizeOwn,
  isNationalAdmin,
  scopeAt,
  scopeFor,
} from '../../../shared/access/index.ts';
import type { CreateNeed, Need } from '../../../shared/contracts/action-plans.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { AppError, badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { addToLockedPlan } from '../action-plans/action-plans.service.ts';
import { lockPlan } from '../action-plans/plan-access.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { insertInitiative } from '../initiatives/initiatives.repo.ts';
import * as repo from './needs.repo.ts';

/**
 * The shared needs backlog of a region (SKR's handshake model). Municipalities propose needs and
 * endorse each other's; the region's own coordinators prioritise a need into one of the region's
 * plans — as a new initiative owned by the region, with the proposer and endorsers taking part — or
 * decline it. The need keeps the link to its initiative, so the trail need → initiative → plan stays.
 *
 * Who sees a region's backlog: its regional coordinators and the coordinators of its municipalities
 * (`initiative.read` held at the region or at one of its municipalities); national administrators
 * see every region's.
 */

interface Viewer {
  national: boolean;
  /** Regions whose backlog the actor sees. */
  regionIds: string[];
  /** The municipalities the actor coordinates (`initiative.manage` there), with their regions. */
  municipalities: Map<string, string>;
}

async function viewerOf(db: Db, actor: Actor): Promise<Viewer> {
  const readers = scopeAt(scopeFor(actor, 'initiative.read'), ['region', 'municipality']);
  const regions = await repo.regionsOf(
    db,
    readers.map((m) => m.organisationId),
  );
  const managed = new Set(scopeFor(actor, 'initiative.manage').organisationIds);
  const municipalities = new Map(
    readers
      .filter((m) => m.organisationKind === 'municipality' && managed.has(m.organisationId))
      .flatMap((m) =>
        regions.has(m.organisationId) ? [[m.organisationId, regions.get(m.organisationId)!]] : [],
      ),
  ) as Map<string, string>;
  return { national: isNationalAdmin(actor), regionIds: [...new Set(regions.values())], municipalities };
}

function toNeed(actor: Actor, viewer: Viewer, r: repo.NeedRow): Need {
  const open = r.status === 'proposed';
  const endorsed = new Set(r.endorsements.map((e) => e.municipality_id));
  const canEndorse =
    open &&
    [...viewer.municipalities].some(
      ([municipalityId, regionId]) =>
        regionId === r.region_id && municipalityId !== r.proposer_id && !endorsed.has(municipalityId),
    );
  return {
    id: r.id,
    title: r.title,
    problem: r.problem,
    affected: r.affected,
    desiredOutcome: r.desired_outcome,
    technology: r.technology_key
      ? { key: r.technology_key, name: r.technology_name ?? r.technology_key }
      : null,
    proposedBy: { code: r.proposer_code, name: r.proposer_name },
    region: { code: r.region_code, name: r.region_name },
    status: r.status as Need['status'],
    decisionNote: r.decision_note,
    initiative: r.initiative_id ? { id: r.initiative_id, title: r.initiative_title ?? '' } : null,
    createdAt: r.created_at,
    endorsements: r.endorsements.map((e) => ({ code: e.code, name: e.name, comment: e.comment, at: e.at })),
    canEndorse,
    canDecide: open && authorizeOwn(actor, 'initiative.manage', { id: r.region_id }),
  };
}

export async function listNeeds(
  db: Db,
  actor: Actor,
  q: { region?: string | undefined; status?: string | undefined },
): Promise<Need[]> {
  const viewer = await viewerOf(db, actor);
  if (!viewer.national && viewer.regionIds.length === 0) throw forbidden();
  let regionIds: string[] | null = viewer.national ? null : viewer.regionIds;
  if (q.region) {
    const region = await repo.findOrganisationByCode(db, 'region', q.region);
    if (!region) throw notFound();
    if (!viewer.national && !viewer.regionIds.includes(region.id)) throw forbidden();
    regionIds = [region.id];
  }
  const rows = await repo.selectNeeds(db, { regionIds, status: q.status });
  return rows.map((r) => toNeed(actor, viewer, r));
}

/** The need if the actor sees its region's backlog; 404 otherwise. */
export async function getNeed(db: Db, actor: Actor, id: string): Promise<Need> {
  const viewer = await viewerOf(db, actor);
  const [row] = await repo.selectNeeds(db, { regionIds: viewer.national ? null : viewer.regionIds, id });
  if (!row) throw notFound();
  return toNeed(actor, viewer, row);
}

async function requireMunicipality(db: Db, code: string) {
  const m = await repo.findOrganisationByCode(db, 'municipality', code);
  if (!m)
    throw badRequest('validation_failed', [{ path: 'body.municipalityCode', code: 'unknown_organisation' }]);
  return m;
}

export async function createNeed(db: Db, actor: Actor, input: CreateNeed): Promise<Need> {
  const municipality = await requireMunicipality(db, input.municipalityCode);
  if (!authorizeOwn(actor, 'initiative.manage', municipality)) throw forbidden();
  let technologyId: string | null = null;
  if (input.technologyKey) {
    const [tech] = await queryRows<{ id: string }>(
      db,
      sql`select id from technologies where key = ${input.technologyKey}`,
    );
    if (!tech)
      throw new AppError(400, 'unknown_technology', [
        { path: 'body.technologyKey', code: 'unknown_technology' },
      ]);
    technologyId = tech.id;
  }
  const values = {
    title: input.title,
    problem: input.problem,
    affected: input.affected ?? null,
    desiredOutcome: input.desiredOutcome ?? null,
    technologyId,
  };
  const id = await db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into needs (title, problem, affected, desired_outcome, technology_id,
                             proposed_by_organisation_id, region_id, created_by)
          values (${values.title}, ${values.problem}, ${values.affected}, ${values.desiredOutcome},
                  ${technologyId}, ${municipality.id}, ${municipality.parent_id}, ${actor.userId})
          returning id`,
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'need.proposed',
      entityType: 'need',
      entityId: row!.id,
      organisationId: municipality.id,
      after: values,
    });
    return row!.id;
  });
  return getNeed(db, actor, id);
}

/** Locks the need for a change; 404 unless the actor sees it, 409 once it is decided. */
async function lockOpenNeed(tx: Db, actor: Actor, id: string, regionOnly = false) {
  await getNeed(tx, actor, id);
  const need = (await repo.lockNeed(tx, id))!;
  // Deciding is for the region's own coordinators: they learn it is decided, others that it is not theirs.
  if (regionOnly && !authorizeOwn(actor, 'initiative.manage', { id: need.region_id })) throw forbidden();
  if (need.status !== 'proposed') throw new AppError(409, 'need_already_decided');
  return need;
}

export async function endorseNeed(
  db: Db,
  actor: Actor,
  id: string,
  input: { municipalityCode: string; comment?: string | undefined },
): Promise<Need> {
  await db.transaction(async (tx) => {
    const municipality = await requireMunicipality(tx, input.municipalityCode);
    const need = await lockOpenNeed(tx, actor, id);
    if (!authorizeOwn(actor, 'initiative.manage', municipality)) throw forbidden();
    if (municipality.parent_id !== need.region_id)
      throw badRequest('validation_failed', [
        { path: 'body.municipalityCode', code: 'municipality_outside_region' },
      ]);
    if (municipality.id === need.proposed_by_organisation_id)
      throw new AppError(409, 'own_need', [{ path: 'body.municipalityCode', code: 'own_need' }]);
    const inserted = await queryRows<{ need_id: string }>(
      tx,
      sql`insert into need_endorsements (need_id, municipality_id, comment, endorsed_by)
          values (${id}, ${municipality.id}, ${input.comment ?? null}, ${actor.userId})
          on conflict do nothing returning need_id`,
    );
    if (!inserted.length)
      throw new AppError(409, 'already_endorsed', [
        { path: 'body.municipalityCode', code: 'already_endorsed' },
      ]);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'need.endorsed',
      entityType: 'need',
      entityId: id,
      organisationId: municipality.id,
      after: { comment: input.comment ?? null },
    });
  });
  return getNeed(db, actor, id);
}

export async function withdrawEndorsement(db: Db, actor: Actor, id: string, code: string): Promise<Need> {
  await db.transaction(async (tx) => {
    const need = await lockOpenNeed(tx, actor, id);
    const municipality = await repo.findOrganisationByCode(tx, 'municipality', code);
    if (!municipality || municipality.parent_id !== need.region_id) throw notFound();
    if (!authorizeOwn(actor, 'initiative.manage', municipality)) throw forbidden();
    const deleted = await queryRows<{ need_id: string }>(
      tx,
      sql`delete from need_endorsements where need_id = ${id} and municipality_id = ${municipality.id}
          returning need_id`,
    );
    if (!deleted.length) throw notFound();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'need.endorsement_withdrawn',
      entityType: 'need',
      entityId: id,
      organisationId: municipality.id,
    });
  });
  return getNeed(db, actor, id);
}

/**
 * Turns a need into an initiative owned by the region (title, the problem as its purpose, the
 * proposer and endorsers taking part, the technology), adds it to one of the region's plans and marks
 * the need prioritised with a link to it — all in one transaction.
 */
export async function prioritiseNeed(
  db: Db,
  actor: Actor,
  id: string,
  input: {
    planId: string;
    title?: string | undefined;
    priority?: number | undefined;
    note?: string | undefined;
  },
): Promise<Need> {
  await db.transaction(async (tx) => {
    const need = await lockOpenNeed(tx, actor, id, true);
    const [plan] = await queryRows<{ id: string; owner_id: string }>(
      tx,
      sql`select id, owner_organisation_id as owner_id from action_plans where id = ${input.planId}`,
    );
    if (!plan || plan.owner_id !== need.region_id)
      throw badRequest('validation_failed', [{ path: 'body.planId', code: 'plan_outside_region' }]);
    await lockPlan(tx, plan.id);
    const [full] = await queryRows<{
      title: string;
      problem: string;
      desired_outcome: string | null;
      technology_id: string | null;
    }>(tx, sql`select title, problem, desired_outcome, technology_id from needs where id = ${id}`);
    const endorsers = await queryRows<{ municipality_id: string }>(
      tx,
      sql`select municipality_id from need_endorsements where need_id = ${id}`,
    );
    const title = input.title ?? full!.title;
    const initiativeId = await insertInitiative(tx, {
      title,
      purpose: full!.desired_outcome ? `${full!.problem}\n\n${full!.desired_outcome}` : full!.problem,
      ownerOrganisationId: need.region_id,
      status: 'planned',
      phase: 'prepare',
      createdBy: actor.userId,
      municipalityIds: [need.proposed_by_organisation_id, ...endorsers.map((e) => e.municipality_id)],
      technologyIds: full!.technology_id ? [full!.technology_id] : [],
    });
    const reason = input.note ?? `Från behovslistan: ${full!.title}`;
    const priority = await addToLockedPlan(tx, actor, plan, initiativeId, input.priority, reason);
    await tx.execute(
      sql`update needs set status = 'prioritised', initiative_id = ${initiativeId}, decided_by = ${actor.userId},
                           decided_at = now(), decision_note = ${input.note ?? null}
          where id = ${id}`,
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'need.prioritised',
      entityType: 'need',
      entityId: id,
      organisationId: need.region_id,
      before: { status: 'proposed' },
      after: { status: 'prioritised', initiativeId, planId: plan.id, priority, note: input.note ?? null },
    });
  });
  return getNeed(db, actor, id);
}

export async function declineNeed(db: Db, actor: Actor, id: string, note: string): Promise<Need> {
  await db.transaction(async (tx) => {
    const need = await lockOpenNeed(tx, actor, id, true);
    await tx.execute(
      sql`update needs set status = 'declined', decided_by = ${actor.userId}, decided_at = now(),
                           decision_note = ${note}
          where id = ${id}`,
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'need.declined',
      entityType: 'need',
      entityId: id,
      organisationId: need.region_id,
      before: { status: 'proposed' },
      after: { status: 'declined', note },
    });
  });
  return getNeed(db, actor, id);
}
