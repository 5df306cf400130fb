import type { Actor } from '../../../shared/access/index.ts';
import type {
  CreateNetwork,
  NetworkKind,
  NetworkLevel,
  NetworkSummary,
  NetworkView,
  UpdateNetwork,
} from '../../../shared/contracts/networks.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findOrganisation } from '../organisations/organisations.repo.ts';
import { COVERAGE_KINDS, coverageOf } from './coverage.ts';
import { canManage, requireManageable, requireReadable } from './network-access.ts';
import * as repo from './networks.repo.ts';

/** Groups are owned by the organisations that run them, never by a unit. */
const OWNER_KINDS = new Set(['nation', 'region', 'association', 'municipality']);

export async function listNetworks(
  db: Db,
  actor: Actor,
  filter: { owner?: string | undefined; county?: string | undefined; kind?: NetworkKind | undefined },
): Promise<NetworkSummary[]> {
  const rows = await repo.listVisibleNetworks(db, actor, filter);
  const coverage = await coverageOf(
    db,
    rows.map((r) => r.network),
  );
  return rows.map((r) => ({
    id: r.network.id,
    name: r.network.name,
    kind: r.network.kind as NetworkKind,
    level: r.network.level as NetworkLevel,
    owner: { id: r.network.ownerOrganisationId, name: r.ownerName },
    activeMembers: r.activeMembers,
    uncovered: coverage.get(r.network.id)?.uncovered ?? null,
  }));
}

export async function getNetwork(db: Db, actor: Actor, id: string): Promise<NetworkView> {
  const r = await requireReadable(db, actor, id);
  const n = r.network;
  const coverage = await coverageOf(db, [n]);
  return {
    id: n.id,
    name: n.name,
    kind: n.kind as NetworkKind,
    level: n.level as NetworkLevel,
    purpose: n.purpose,
    owner: { id: n.ownerOrganisationId, name: r.ownerName, kind: r.ownerKind },
    coverageOrganisationId: n.coverageOrganisationId,
    representativesMin: n.representativesMin,
    representativesMax: n.representativesMax,
    coverage: coverage.get(n.id) ?? null,
    canManage: await canManage(db, actor, n.ownerOrganisationId),
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

async function checkCoverageArea(db: Db, coverageOrganisationId: string | null | undefined) {
  if (!coverageOrganisationId) return;
  const org = await findOrganisation(db, coverageOrganisationId);
  if (!org || !COVERAGE_KINDS.has(org.kind))
    throw new AppError(400, 'validation_failed', [
      { path: 'body.coverageOrganisationId', code: 'invalid_coverage_area' },
    ]);
}

const editable = (input: UpdateNetwork) => ({
  name: input.name,
  kind: input.kind,
  level: input.level,
  purpose: input.purpose ?? null,
  coverageOrganisationId: input.coverageOrganisationId ?? null,
  representativesMin: input.coverageOrganisationId ? (input.representativesMin ?? null) : null,
  representativesMax: input.coverageOrganisationId ? (input.representativesMax ?? null) : null,
});

export async function createNetwork(db: Db, actor: Actor, input: CreateNetwork): Promise<NetworkView> {
  const owner = await findOrganisation(db, input.ownerOrganisationId);
  if (!owner || !OWNER_KINDS.has(owner.kind))
    throw new AppError(400, 'validation_failed', [
      { path: 'body.ownerOrganisationId', code: 'invalid_network_owner' },
    ]);
  if (!(await canManage(db, actor, owner.id))) throw forbidden();
  await checkCoverageArea(db, input.coverageOrganisationId);
  const id = await db.transaction(async (tx) => {
    if (await repo.nameTaken(tx, owner.id, input.name))
      throw new AppError(409, 'name_taken', [{ path: 'body.name', code: 'name_taken' }]);
    const values = editable(input);
    const row = await repo.insertNetwork(tx, {
      ...values,
      ownerOrganisationId: owner.id,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'network.created',
      entityType: 'network',
      entityId: row.id,
      organisationId: owner.id,
      after: values,
    });
    return row.id;
  });
  return getNetwork(db, actor, id);
}

export async function updateNetwork(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateNetwork,
): Promise<NetworkView> {
  await checkCoverageArea(db, input.coverageOrganisationId);
  await db.transaction(async (tx) => {
    const before = await requireManageable(tx, actor, id, true);
    if (await repo.nameTaken(tx, before.ownerOrganisationId, input.name, id))
      throw new AppError(409, 'name_taken', [{ path: 'body.name', code: 'name_taken' }]);
    const values = editable(input);
    await repo.updateNetwork(tx, id, values);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'network.updated',
      entityType: 'network',
      entityId: id,
      organisationId: before.ownerOrganisationId,
      before: {
        name: before.name,
        kind: before.kind,
        level: before.level,
        purpose: before.purpose,
        coverageOrganisationId: before.coverageOrganisationId,
        representativesMin: before.representativesMin,
        representativesMax: before.representativesMax,
      },
      after: values,
    });
  });
  return getNetwork(db, actor, id);
}
