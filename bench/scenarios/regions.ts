import type { BenchContext, RegionFixture } from './registry.ts';

/**
 * The region of the largest in-scope municipality: the most people, requests and initiatives to count.
 * In-scope only, so the smoke run (a few municipalities) picks a region that has its bench accounts.
 */
export function regionOfLargestMunicipality(ctx: BenchContext): RegionFixture {
  const biggest = ctx.municipalities[0]!;
  return ctx.regions.find((r) => r.id === biggest.regionId)!;
}

/** The in-scope region with the most in-scope municipalities (Västra Götaland at national scale). */
export function regionWithMostMunicipalities(ctx: BenchContext): RegionFixture {
  const counts = new Map<string, number>();
  for (const m of ctx.municipalities) counts.set(m.regionId, (counts.get(m.regionId) ?? 0) + 1);
  const [best] = [...ctx.regions]
    .filter((r) => counts.has(r.id))
    .sort((a, b) => counts.get(b.id)! - counts.get(a.id)! || a.code.localeCompare(b.code));
  if (!best) throw new Error('No in-scope region with municipalities');
  return best;
}

/** The in-scope municipalities of a region. */
export function municipalitiesOf(ctx: BenchContext, region: RegionFixture) {
  return ctx.municipalities.filter((m) => m.regionId === region.id);
}
