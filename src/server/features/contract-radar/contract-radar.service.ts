import type { Actor } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { RADAR_DEFAULT_CONTRACTS, Radar, type RadarQuery } from '../../../shared/contracts/contract-radar.ts';
import type { Db } from '../../db/client.ts';
import { defineCache } from '../../lib/caches.ts';
import { AppError } from '../../lib/errors.ts';
import { cachedValue, cachedView, forgetViews, type Snapshot } from '../../lib/view-cache.ts';
import { swedishDate } from '../assessments/round-access.ts';
import { listTechnologies, type TechnologyRow } from '../mapping/technologies.repo.ts';
import { contractsInView, plannedAdoptions, radarDataStamp } from './contract-radar.repo.ts';
import { resolveRadarArea, valueVisibility } from './radar-area.ts';
import { buildRadar } from './radar-view.ts';

const VIEW_PREFIX = 'contract-radar|view|';

/** Today in Sweden, worked out once a minute (formatting a date in a time zone is not free under load). */
let todayCache = { minute: -1, value: '' };
function todayOf(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== todayCache.minute) todayCache = { minute, value: swedishDate(now) };
  return todayCache.value;
}

const localName = (lang: UiLanguage) => (t: TechnologyRow) => (lang === 'en' ? t.nameEn : t.nameSv);

/**
 * The radar of a region, an association or the country for the actor. Computed once per area,
 * technology, language, day, the set of municipalities whose values the reader sees and the state of
 * the data (`radarDataStamp`), then answered from ADR 5's view cache for up to a minute: who may read
 * it is decided before, on every request, and a contract written anywhere shows within two seconds.
 */
export async function contractRadar(
  db: Db,
  actor: Actor,
  query: RadarQuery,
  lang: UiLanguage,
  now = new Date(),
): Promise<Snapshot<Radar>> {
  // A file has every contract; the JSON the nearest decisions (the country's whole list is a megabyte).
  const limit = query.format ? Number.POSITIVE_INFINITY : (query.limit ?? RADAR_DEFAULT_CONTRACTS);
  const resolved = await resolveRadarArea(db, actor, query);
  const catalogue = await cachedValue(db, 'contract-radar|catalogue', () => listTechnologies(db));
  const technology = query.technology ? (catalogue.find((t) => t.key === query.technology) ?? null) : null;
  if (query.technology && !technology) {
    throw new AppError(400, 'validation_failed', [
      { path: 'querystring.technology', code: 'unknown_technology' },
    ]);
  }
  const today = todayOf(now);
  const values = valueVisibility(actor, resolved);
  const stamp = await currentStamp(db);
  const key = `${VIEW_PREFIX}${resolved.area.id}|${technology?.key ?? ''}|${lang}|${today}|${values.key}|${limit}|${stamp}`;
  return cachedView(db, key, Radar, async () => {
    const ids = resolved.area.kind === 'nation' ? null : resolved.municipalities.map((m) => m.id);
    const [rows, planned] = await Promise.all([
      contractsInView(db, ids, today, technology?.id ?? null),
      plannedAdoptions(db, ids, technology?.id ?? null),
    ]);
    const name = localName(lang);
    return buildRadar(
      {
        resolved,
        today,
        technology,
        catalogue: catalogue.map((t) => ({ id: t.id, key: t.key, name: name(t) })),
        rows,
        planned,
        valuesOf: values.ids,
        limit,
      },
      name,
    );
  });
}

/**
 * The data stamp, asked at most every two seconds per process: under load one query serves hundreds of
 * requests, and a contract written anywhere shows within two seconds.
 */
const stamps = defineCache<string>('contract-radar-stamp', { max: 1, freshMs: 2_000 });
function currentStamp(db: Db): Promise<string> {
  return stamps(db).get('stamp', () => radarDataStamp(db));
}

/** Drops the radar views and stamp on every instance (tests, and writes that change the radar). */
export function forgetRadarViews(db: Db) {
  stamps(db).drop();
  forgetViews(db, VIEW_PREFIX);
}
