import type { Actor } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import {
  type AdoptionGaps,
  AdoptionMap,
  type AdoptionScopeQuery,
  type AdoptionStatus,
  type GapKind,
} from '../../../shared/contracts/mapping.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { cachedView, type Snapshot } from '../../lib/view-cache.ts';
import { representativesPerMunicipality, strategiesPerMunicipality } from './adoption-gaps.repo.ts';
import { type ResolvedScope, resolveAdoptionScope } from './adoption-scope.ts';
import { adoptionInScope, shareUsed } from './technologies.service.ts';

const localName = (t: { nameSv: string; nameEn: string }, lang: UiLanguage) =>
  lang === 'en' ? t.nameEn : t.nameSv;

/**
 * Per municipality in the scope: the status and use of one technology, and how many technologies are in
 * operation — what a map colours by. The borders are separate, static and cached by the browser.
 */
export async function adoptionMap(
  db: Db,
  actor: Actor,
  query: AdoptionScopeQuery & { technology?: string | undefined },
  lang: UiLanguage,
): Promise<Snapshot<AdoptionMap>> {
  const resolved = await resolveAdoptionScope(db, actor, query);
  return cachedView(
    db,
    `adoption|map|${resolved.scope.id}|${query.technology ?? ''}|${lang}`,
    AdoptionMap,
    () => buildMap(db, resolved, query.technology, lang),
  );
}

async function buildMap(
  db: Db,
  resolved: ResolvedScope,
  technology: string | undefined,
  lang: UiLanguage,
): Promise<AdoptionMap> {
  const { scope, municipalities, catalogue, cellOf } = await adoptionInScope(db, resolved);
  const chosen = technology ? catalogue.find((t) => t.key === technology) : catalogue[0];
  if (!chosen) {
    throw new AppError(400, 'validation_failed', [
      { path: 'querystring.technology', code: 'unknown_technology' },
    ]);
  }
  return {
    scope,
    technology: { key: chosen.key, name: localName(chosen, lang) },
    technologies: catalogue.map((t) => ({ key: t.key, name: localName(t, lang) })),
    municipalities: municipalities.map((m) => {
      const r = cellOf(m.id, chosen.id);
      return {
        code: m.code,
        name: m.name,
        status: (r?.status as AdoptionStatus | undefined) ?? null,
        useRate: r ? shareUsed(r.usersServed, r.eligibleUsers) : null,
        usersServed: r?.usersServed ?? null,
        eligibleUsers: r?.eligibleUsers ?? null,
        inOperation: catalogue.filter((t) => cellOf(m.id, t.id)?.status === 'in_operation').length,
      };
    }),
  };
}

/** Adoption data older than this is a gap: the national survey is yearly. */
export const STALE_AFTER_MONTHS = 12;

/**
 * What is missing where: no local strategy in force, nobody in a reference group, or adoption records
 * not updated in the last twelve months (or never).
 */
export async function adoptionGaps(db: Db, actor: Actor, query: AdoptionScopeQuery): Promise<AdoptionGaps> {
  const { scope, municipalities, lastUpdated } = await adoptionInScope(
    db,
    await resolveAdoptionScope(db, actor, query),
  );
  const ids = municipalities.map((m) => m.id);
  const [strategies, representatives] = await Promise.all([
    strategiesPerMunicipality(db, ids),
    representativesPerMunicipality(db, ids),
  ]);
  const staleBefore = new Date();
  staleBefore.setMonth(staleBefore.getMonth() - STALE_AFTER_MONTHS);
  return {
    scope,
    staleAfterMonths: STALE_AFTER_MONTHS,
    municipalities: municipalities.map((m) => {
      const updated = lastUpdated.get(m.id) ?? null;
      const gaps: GapKind[] = [];
      if (!strategies.get(m.id)) gaps.push('no_strategy');
      if (!representatives.get(m.id)) gaps.push('no_representative');
      if (!updated || updated < staleBefore) gaps.push('stale_adoption');
      return {
        code: m.code,
        name: m.name,
        strategies: strategies.get(m.id) ?? 0,
        representatives: representatives.get(m.id) ?? 0,
        lastUpdated: updated?.toISOString() ?? null,
        gaps,
      };
    }),
  };
}
