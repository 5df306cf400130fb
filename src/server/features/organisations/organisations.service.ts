import { createHash } from 'node:crypto';
import { type Actor, authorize, type OrgContext } from '../../../shared/access/index.ts';
import type {
  CreateOrganisation,
  Municipality,
  Organisation,
  OrganisationKind,
  OrganisationSummary,
  UpdateOrganisation,
} from '../../../shared/contracts/organisations.ts';
import { MunicipalityList } from '../../../shared/contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/db-errors.ts';
import { readCounties } from '../../db/reference/load-reference.ts';
import { defineCache } from '../../lib/caches.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { sortBySwedishName } from '../../lib/swedish-sort.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './organisations.repo.ts';

const countyNames = new Map(readCounties().map((c) => [c.code, c.name]));

/** Nation, regions, municipalities and associations are public facts; units belong to their municipality. */
const publicKinds: ReadonlySet<OrganisationKind> = new Set([
  'nation',
  'region',
  'municipality',
  'association',
]);

/** Loads the target's place in the tree, or 404: every service starts here before `authorize`. */
export async function requireOrgContext(db: Db, id: string): Promise<OrgContext> {
  const ctx = await repo.loadOrgContext(db, id);
  if (!ctx) throw notFound();
  return ctx;
}

/** Throws 403 unless `actor` may do `action` on the organisation; 404 if it does not exist. */
export async function authorizeOn(
  db: Db,
  actor: Actor,
  action: Parameters<typeof authorize>[1],
  orgId: string,
) {
  const ctx = await requireOrgContext(db, orgId);
  if (!authorize(actor, action, ctx)) throw forbidden();
  return ctx;
}

async function canSee(db: Db, actor: Actor, org: OrganisationSummary): Promise<boolean> {
  if (publicKinds.has(org.kind)) return true;
  const ctx = await repo.loadOrgContext(db, org.id);
  return ctx !== null && authorize(actor, 'organisation.read', ctx);
}

/**
 * The municipality list is reference data read on many pages; it changes only when an administrator sets
 * a flag. It is cached for a minute (lib/caches.ts) and a change drops it on every instance.
 */
interface MunicipalityListCache {
  list: Municipality[];
  /** The response body, serialised once: 45 kB of JSON is most of the cost of this endpoint. */
  json: string;
  etag: string;
}
const municipalityList = defineCache<MunicipalityListCache>('municipalities', { max: 1, freshMs: 60_000 });

function cachedMunicipalities(db: Db): Promise<MunicipalityListCache> {
  return municipalityList(db).get('all', async () => {
    const list = await loadMunicipalities(db);
    const json = JSON.stringify(MunicipalityList.parse({ items: list }));
    return { list, json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
  });
}

export async function listMunicipalities(db: Db): Promise<Municipality[]> {
  return (await cachedMunicipalities(db)).list;
}

/** The whole list as ready JSON with an ETag, so clients can revalidate with If-None-Match. */
export function municipalityListJson(db: Db): Promise<MunicipalityListCache> {
  return cachedMunicipalities(db);
}

export function forgetMunicipalities(db: Db) {
  municipalityList(db).drop();
}

async function loadMunicipalities(db: Db): Promise<Municipality[]> {
  const rows = await repo.listMunicipalitiesWithCounty(db);
  return sortBySwedishName(
    rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      countyCode: r.county_code,
      countyName: countyNames.get(r.county_code) ?? r.county_code,
      regionId: r.region_id,
      flags: r.flags as Municipality['flags'],
    })),
  );
}

export async function getMunicipality(db: Db, code: string): Promise<Municipality> {
  const found = (await listMunicipalities(db)).find((m) => m.code === code);
  if (!found) throw notFound();
  return found;
}

export async function listOrganisations(
  db: Db,
  actor: Actor,
  query: { kind?: OrganisationKind | undefined; parentId?: string | undefined },
): Promise<OrganisationSummary[]> {
  if (query.parentId) {
    const parent = await repo.findOrganisation(db, query.parentId);
    if (!parent || !(await canSee(db, actor, parent))) throw notFound();
    const children = (await repo.listChildren(db, query.parentId)).filter(
      (c) => !query.kind || c.kind === query.kind,
    );
    const parentCtx = await requireOrgContext(db, parent.id);
    const unitsVisible = authorize(actor, 'organisation.read', parentCtx);
    return sortBySwedishName(children.filter((c) => publicKinds.has(c.kind) || unitsVisible));
  }
  const kind = query.kind ?? 'region';
  if (kind === 'unit') {
    // Units across the country are not a public list: callers ask per municipality (parentId).
    throw new AppError(400, 'validation_failed', [{ path: 'querystring.parentId', code: 'required' }]);
  }
  return sortBySwedishName(await repo.listByKind(db, kind));
}

export async function getOrganisation(db: Db, actor: Actor, id: string): Promise<Organisation> {
  // One query gives the organisation and its ancestors; the access decision needs nothing more.
  const chain = await repo.loadChain(db, id);
  const ctx = await repo.contextOfChain(db, chain);
  const org = chain[0];
  if (!org || !ctx) throw notFound();
  const readable = authorize(actor, 'organisation.read', ctx);
  if (!publicKinds.has(org.kind) && !readable) throw notFound();
  const ancestors = chain.slice(1);
  const children = (await repo.listChildren(db, id)).filter((c) => publicKinds.has(c.kind) || readable);
  const related =
    org.kind === 'association'
      ? await repo.listAssociationMembers(db, id)
      : org.kind === 'municipality'
        ? await repo.listAssociationsOf(db, id)
        : [];
  return {
    ...org,
    lineage: [...ctx.lineage],
    associationIds: [...ctx.associationIds],
    ancestors,
    children: sortBySwedishName(children),
    related: sortBySwedishName(related),
    memberCount: authorize(actor, 'members.list', ctx) ? await repo.countMembers(db, id) : null,
  };
}

export async function createOrganisation(
  db: Db,
  actor: Actor,
  input: CreateOrganisation,
): Promise<Organisation> {
  const id = await db.transaction(async (tx) => {
    let created: OrganisationSummary;
    if (input.kind === 'unit') {
      const parent = await repo.findOrganisation(tx, input.parentId);
      if (!parent) throw notFound();
      await authorizeOn(tx, actor, 'unit.create', parent.id);
      if (parent.kind !== 'municipality')
        throw new AppError(400, 'invalid_parent', [{ path: 'body.parentId', code: 'invalid_parent' }]);
      created = await insertOrConflict(() =>
        repo.insertOrganisation(tx, {
          kind: 'unit',
          name: input.name,
          parentId: parent.id,
          subtype: input.subtype,
          countyCode: parent.countyCode,
        }),
      );
    } else {
      if (!authorize(actor, 'association.manage', null)) throw forbidden();
      const municipalities = await resolveMunicipalities(tx, input.memberCodes);
      const nation = (await repo.listByKind(tx, 'nation'))[0]!;
      created = await insertOrConflict(() =>
        repo.insertOrganisation(tx, {
          kind: 'association',
          name: input.name,
          parentId: nation.id,
          subtype: input.subtype,
        }),
      );
      await repo.replaceAssociationMembers(
        tx,
        created.id,
        municipalities.map((m) => m.id),
      );
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'organisation.created',
      entityType: 'organisation',
      entityId: created.id,
      organisationId: created.id,
      after: { ...created, ...(input.kind === 'association' ? { memberCodes: input.memberCodes } : {}) },
    });
    return created.id;
  });
  return getOrganisation(db, actor, id);
}

async function insertOrConflict<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError(409, 'name_taken', [{ path: 'body.name', code: 'name_taken' }]);
    throw err;
  }
}

async function resolveMunicipalities(db: Db, codes: string[]) {
  const unique = [...new Set(codes)];
  const found = await repo.findMunicipalitiesByCodes(db, unique);
  const missing = unique.filter((c) => !found.some((m) => m.code === c));
  if (missing.length) {
    throw new AppError(
      400,
      'unknown_municipality',
      missing.map((c) => ({ path: `body.memberCodes.${codes.indexOf(c)}`, code: 'unknown_municipality' })),
    );
  }
  return found;
}

export async function updateOrganisation(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateOrganisation,
): Promise<Organisation> {
  await db.transaction(async (tx) => {
    const before = await repo.findOrganisation(tx, id);
    if (!before || !(await canSee(tx, actor, before))) throw notFound();
    const ctx = await requireOrgContext(tx, id);
    if (input.name !== undefined) {
      // Names of regions and municipalities are reference data (SCB); units and associations are ours.
      const action = before.kind === 'association' ? 'association.manage' : 'organisation.update';
      if (before.kind !== 'unit' && before.kind !== 'association') throw forbidden();
      if (!authorize(actor, action, before.kind === 'association' ? null : ctx)) throw forbidden();
    }
    if (input.flags !== undefined && !authorize(actor, 'organisation.flag', ctx)) throw forbidden();
    let memberIds: string[] | undefined;
    if (input.memberCodes !== undefined) {
      if (before.kind !== 'association' || !authorize(actor, 'association.manage', null)) throw forbidden();
      memberIds = (await resolveMunicipalities(tx, input.memberCodes)).map((m) => m.id);
    }
    const previousMembers = memberIds
      ? (await repo.listAssociationMembers(tx, id)).map((m) => m.code)
      : undefined;
    const after = await insertOrConflict(() =>
      repo.updateOrganisation(tx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.flags !== undefined ? { flags: [...new Set(input.flags)] } : {}),
      }),
    );
    if (memberIds) await repo.replaceAssociationMembers(tx, id, memberIds);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'organisation.updated',
      entityType: 'organisation',
      entityId: id,
      organisationId: id,
      before: {
        name: before.name,
        flags: before.flags,
        ...(previousMembers ? { memberCodes: previousMembers } : {}),
      },
      after: {
        name: after?.name,
        flags: after?.flags,
        ...(input.memberCodes ? { memberCodes: input.memberCodes } : {}),
      },
    });
  });
  forgetMunicipalities(db);
  return getOrganisation(db, actor, id);
}
