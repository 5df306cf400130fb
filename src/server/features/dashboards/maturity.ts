import type { Actor } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { MaturityFigures, MunicipalityDashboard } from '../../../shared/contracts/dashboards.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { cachedValue } from '../../lib/view-cache.ts';
import { municipalityResultsView, roundResultsView } from '../assessment-results/results.service.ts';
import { DASHBOARD_VIEWS } from './national-figures.ts';
import { roundsAmong } from './scope-figures.repo.ts';

/** Rounds shown side by side: enough for a trend between rounds, few enough to read. */
const ROUNDS_SHOWN = 4;
/** Candidates read: some of the newest may be hidden from the caller. */
const CANDIDATES = 12;

/**
 * Null when the caller may not see that round's results (403/404 from the results' own rules): a
 * dashboard leaves such a round out rather than failing.
 */
async function visible<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof AppError && (err.status === 403 || err.status === 404)) return null;
    throw err;
  }
}

/**
 * Maturity by area in a scope: the newest rounds with participants there, each as its results page
 * shows it to this caller — the same function, cache and rules (who sees what, "too few to show",
 * withheld aggregates), never re-derived here.
 */
export async function scopeMaturity(
  db: Db,
  actor: Actor,
  key: string,
  municipalityIds: string[] | null,
  lang: UiLanguage,
): Promise<MaturityFigures> {
  const candidates = await cachedValue(db, `${DASHBOARD_VIEWS}rounds|${key}`, () =>
    roundsAmong(db, municipalityIds, CANDIDATES),
  );
  const rounds: MaturityFigures['rounds'] = [];
  const areas: MaturityFigures['areas'] = [];
  let scoreMethod: string | null = null;
  for (const { id } of candidates) {
    if (rounds.length >= ROUNDS_SHOWN) break;
    const view = await visible(() => roundResultsView(db, actor, id, lang));
    if (!view) continue;
    const r = view.value;
    for (const a of r.areas) if (!areas.some((x) => x.key === a.key)) areas.push(a);
    scoreMethod ??= r.scoreMethod;
    rounds.push({
      roundId: r.round.id,
      name: r.round.name,
      ownerName: r.round.owner.name,
      opensOn: r.round.opensOn,
      closesOn: r.round.closesOn,
      participants: r.completion.participants,
      submitted: r.completion.submitted,
      aggregatesHidden: r.aggregatesHidden,
      average: r.average,
    });
  }
  return { areas, rounds, scoreMethod };
}

/**
 * A municipality's scores in the newest round it takes part in whose results the caller may see, with
 * the comparison groups exactly as its results page gives them (small groups already withheld).
 */
export async function municipalityMaturity(
  db: Db,
  actor: Actor,
  municipality: { id: string; code: string },
  peers: string[],
  lang: UiLanguage,
): Promise<MunicipalityDashboard['maturity']> {
  const candidates = await cachedValue(db, `${DASHBOARD_VIEWS}rounds|municipality:${municipality.id}`, () =>
    roundsAmong(db, [municipality.id], CANDIDATES),
  );
  for (const { id } of candidates) {
    const view = await visible(() => municipalityResultsView(db, actor, id, municipality.code, peers, lang));
    if (!view) continue;
    const r = view.value;
    return {
      roundId: r.round.id,
      name: r.round.name,
      areas: r.areas,
      scores: r.scores,
      groups: r.groups.map((g) => ({ key: g.key, name: g.name, count: g.count, scores: g.scores })),
    };
  }
  return null;
}
