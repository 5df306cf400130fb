import { type Actor, authorize } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import {
  type AdoptionField,
  AdoptionMatrix,
  type AdoptionScopeQuery,
  type AdoptionStatus,
  type AdoptionUpdate,
  type AdoptionView,
  adoptionFields,
  type MunicipalityTechnologies,
  type Technology,
} from '../../../shared/contracts/mapping.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { cachedView, forgetViews, type Snapshot } from '../../lib/view-cache.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getMunicipality, requireOrgContext } from '../organisations/organisations.service.ts';
import { parseAdoptionCsv } from './adoption-csv.ts';
import { type ResolvedScope, resolveAdoptionScope } from './adoption-scope.ts';
import * as repo from './technologies.repo.ts';

const toTechnology = (t: repo.TechnologyRow, lang: UiLanguage): Technology => ({
  id: t.id,
  key: t.key,
  category: t.category as Technology['category'],
  name: lang === 'en' ? t.nameEn : t.nameSv,
  description: lang === 'en' ? t.descriptionEn : t.descriptionSv,
});

export async function listTechnologies(db: Db, lang: UiLanguage): Promise<Technology[]> {
  return (await repo.listTechnologies(db)).map((t) => toTechnology(t, lang));
}

type Editable = Pick<repo.AdoptionRow, AdoptionField>;

const snapshot = (row: Editable | null): Editable | null =>
  row ? (Object.fromEntries(adoptionFields.map((k) => [k, row[k] ?? null])) as Editable) : null;

/** Users served / eligible users (0–1), when both are known: "available but barely used" shows here. */
export const shareUsed = (served: number | null, eligible: number | null) =>
  served !== null && eligible ? Math.round((served / eligible) * 1000) / 1000 : null;

function toView(t: repo.TechnologyRow, a: repo.AdoptionRow | undefined, lang: UiLanguage): AdoptionView {
  const served = a?.usersServed ?? null;
  const eligible = a?.eligibleUsers ?? null;
  return {
    technology: {
      key: t.key,
      name: lang === 'en' ? t.nameEn : t.nameSv,
      category: t.category as Technology['category'],
    },
    status: (a?.status as AdoptionView['status']) ?? null,
    since: a?.since ?? null,
    scope: a?.scope ?? null,
    usersServed: served,
    eligibleUsers: eligible,
    useRate: shareUsed(served, eligible),
    contactName: a?.contactName ?? null,
    contactEmail: a?.contactEmail ?? null,
    comment: a?.comment ?? null,
    evidenceUrl: a?.evidenceUrl ?? null,
    updatedAt: a ? a.updatedAt.toISOString() : null,
  };
}

async function loadMunicipality(
  db: Db,
  actor: Actor,
  code: string,
  action: 'adoption.read' | 'adoption.edit',
) {
  const municipality = await getMunicipality(db, code);
  const ctx = await requireOrgContext(db, municipality.id);
  if (!authorize(actor, action, ctx)) throw forbidden();
  return { municipality, ctx };
}

/** Every catalogue technology with the municipality's record of it (status null where none is kept). */
export async function municipalityTechnologies(
  db: Db,
  actor: Actor,
  code: string,
  lang: UiLanguage,
): Promise<MunicipalityTechnologies> {
  const { municipality, ctx } = await loadMunicipality(db, actor, code, 'adoption.read');
  const [catalogue, adoptions] = await Promise.all([
    repo.listTechnologies(db),
    repo.adoptionsOf(db, municipality.id),
  ]);
  const byTechnology = new Map(adoptions.map((a) => [a.technologyId, a]));
  return {
    municipality: { id: municipality.id, code: municipality.code, name: municipality.name },
    canEdit: authorize(actor, 'adoption.edit', ctx),
    items: catalogue.map((t) => toView(t, byTechnology.get(t.id), lang)),
  };
}

/**
 * Updates some of a municipality's records in one transaction. Only what changed is written, each change
 * with a history row (who, when, from → to) and one audit entry for the request.
 */
export async function updateMunicipalityTechnologies(
  db: Db,
  actor: Actor,
  code: string,
  updates: AdoptionUpdate[],
  lang: UiLanguage,
): Promise<MunicipalityTechnologies> {
  const { municipality } = await loadMunicipality(db, actor, code, 'adoption.edit');
  const catalogue = await repo.listTechnologies(db);
  const byKey = new Map(catalogue.map((t) => [t.key, t]));
  const problems = updates.flatMap((u, i) =>
    byKey.has(u.technologyKey) ? [] : [{ path: `body.items.${i}.technologyKey`, code: 'unknown_technology' }],
  );
  const seen = new Set<string>();
  updates.forEach((u, i) => {
    if (seen.has(u.technologyKey))
      problems.push({ path: `body.items.${i}.technologyKey`, code: 'duplicate' });
    seen.add(u.technologyKey);
  });
  if (problems.length) throw new AppError(400, 'validation_failed', problems);

  const changes: { technology: string; before: Editable | null; after: Editable }[] = [];
  await db.transaction(async (tx) => {
    for (const u of updates) {
      const technology = byKey.get(u.technologyKey)!;
      const existing = await repo.findAdoption(tx, municipality.id, technology.id);
      const before = snapshot(existing);
      const after = { ...(before ?? snapshot({} as Editable)!) } as Editable;
      for (const k of adoptionFields) if (u[k] !== undefined) (after as Record<string, unknown>)[k] = u[k];
      if (before && adoptionFields.every((k) => before[k] === after[k])) continue;
      await repo.saveAdoption(tx, {
        municipalityId: municipality.id,
        technologyId: technology.id,
        ...after,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      });
      await repo.recordHistory(tx, {
        municipalityId: municipality.id,
        technologyId: technology.id,
        changedBy: actor.userId,
        before,
        after,
      });
      changes.push({ technology: technology.key, before, after });
    }
    if (changes.length) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'technology_adoption.updated',
        entityType: 'municipality',
        entityId: municipality.id,
        organisationId: municipality.id,
        before: Object.fromEntries(changes.map((c) => [c.technology, c.before])),
        after: Object.fromEntries(changes.map((c) => [c.technology, c.after])),
      });
    }
  });
  if (changes.length) {
    forgetViews(db, 'adoption|');
    // Adoption is one of the dashboards' national figures (issue 8); they recompute on next read.
    forgetViews(db, 'dashboards|national');
  }
  return municipalityTechnologies(db, actor, code, lang);
}

/** The latest change among a municipality's records, per municipality id. */
function lastUpdatedBy(rows: { municipalityId: string; updatedAt: Date }[]) {
  const latest = new Map<string, Date>();
  for (const r of rows) {
    const seen = latest.get(r.municipalityId);
    if (!seen || r.updatedAt > seen) latest.set(r.municipalityId, r.updatedAt);
  }
  return latest;
}

/** Status, use and the latest change of every recorded municipality × technology in a resolved scope. */
export async function adoptionInScope(db: Db, { scope, municipalities }: ResolvedScope) {
  const [catalogue, rows] = await Promise.all([
    repo.listTechnologies(db),
    scope.kind === 'nation'
      ? repo.adoptionsAmong(db, null)
      : repo.adoptionsAmong(
          db,
          municipalities.map((m) => m.id),
        ),
  ]);
  const cell = new Map(rows.map((r) => [`${r.municipalityId}|${r.technologyId}`, r]));
  return {
    scope,
    municipalities,
    catalogue,
    cellOf: (municipalityId: string, technologyId: string) => cell.get(`${municipalityId}|${technologyId}`),
    lastUpdated: lastUpdatedBy(rows),
  };
}

/**
 * Municipality × technology for a region, an association or the whole country: status and use rate
 * per cell, how many technologies each has in operation and when its records last changed.
 */
export async function adoptionMatrix(
  db: Db,
  actor: Actor,
  query: AdoptionScopeQuery,
  lang: UiLanguage,
): Promise<Snapshot<AdoptionMatrix>> {
  const resolved = await resolveAdoptionScope(db, actor, query);
  return cachedView(db, `adoption|matrix|${resolved.scope.id}|${lang}`, AdoptionMatrix, () =>
    buildMatrix(db, resolved, lang),
  );
}

async function buildMatrix(db: Db, resolved: ResolvedScope, lang: UiLanguage): Promise<AdoptionMatrix> {
  const { scope, municipalities, catalogue, cellOf, lastUpdated } = await adoptionInScope(db, resolved);
  return {
    scope,
    technologies: catalogue.map((t) => ({ key: t.key, name: lang === 'en' ? t.nameEn : t.nameSv })),
    municipalities: municipalities.map((m) => {
      const cells = catalogue.map((t) => {
        const r = cellOf(m.id, t.id);
        return {
          status: (r?.status as AdoptionStatus | undefined) ?? null,
          useRate: r ? shareUsed(r.usersServed, r.eligibleUsers) : null,
        };
      });
      return {
        code: m.code,
        name: m.name,
        inOperation: cells.filter((c) => c.status === 'in_operation').length,
        lastUpdated: lastUpdated.get(m.id)?.toISOString() ?? null,
        cells,
      };
    }),
  };
}

/** A CSV of the municipality's technologies, applied completely or not at all (see parseAdoptionCsv). */
export async function importAdoptionCsv(db: Db, actor: Actor, code: string, file: Buffer, lang: UiLanguage) {
  await loadMunicipality(db, actor, code, 'adoption.edit');
  const updates = parseAdoptionCsv(file, await repo.listTechnologies(db));
  return updateMunicipalityTechnologies(db, actor, code, updates, lang);
}
