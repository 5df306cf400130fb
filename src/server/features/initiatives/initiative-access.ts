import { sql } from 'drizzle-orm';
import { type Actor, authorize, authorizeOwn, type OrgContext } from '../../../shared/access/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';

export interface InitiativeAccess {
  id: string;
  ownerOrganisationId: string;
  /** Only the owner organisation's own coordinators (and national administrators) change it. */
  canEdit: boolean;
}

/**
 * Who sees an initiative: those whose role covers its owner (the owner itself, its region or
 * association, the nation) and those covering a participating municipality. Anyone else gets 404 —
 * not even its existence is theirs to know. Only the owner's own people change it (`authorizeOwn`).
 */
export async function loadInitiativeAccess(db: Db, actor: Actor, id: string): Promise<InitiativeAccess> {
  const [row] = await queryRows<{ owner_id: string }>(
    db,
    sql`select owner_organisation_id as owner_id from initiatives where id = ${id}`,
  );
  if (!row) throw notFound();
  const canEdit = authorizeOwn(actor, 'initiative.manage', { id: row.owner_id });
  const access = { id, ownerOrganisationId: row.owner_id, canEdit };
  if (canEdit) return access;
  const ownerCtx = await requireOrgContext(db, row.owner_id);
  if (authorize(actor, 'initiative.read', ownerCtx)) return access;
  const participants = await participantContexts(db, id);
  if (participants.some((ctx) => authorize(actor, 'initiative.read', ctx))) return access;
  throw notFound();
}

/** As `loadInitiativeAccess`, and 403 when the caller may see but not change it. */
export async function loadEditableInitiative(db: Db, actor: Actor, id: string): Promise<InitiativeAccess> {
  const access = await loadInitiativeAccess(db, actor, id);
  if (!access.canEdit) throw forbidden();
  return access;
}

async function participantContexts(db: Db, initiativeId: string): Promise<OrgContext[]> {
  const rows = await queryRows<{
    id: string;
    region_id: string;
    nation_id: string | null;
    association_ids: string[];
  }>(
    db,
    sql`select m.id, m.parent_id as region_id, r.parent_id as nation_id,
               coalesce((select array_agg(am.association_id::text) from association_members am
                         where am.municipality_id = m.id), '{}') as association_ids
        from initiative_municipalities im
        join organisations m on m.id = im.municipality_id
        left join organisations r on r.id = m.parent_id
        where im.initiative_id = ${initiativeId}`,
  );
  return rows.map((p) => ({
    id: p.id,
    kind: 'municipality',
    lineage: [p.id, p.region_id, ...(p.nation_id ? [p.nation_id] : [])],
    associationIds: p.association_ids,
  }));
}
