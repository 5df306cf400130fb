import { and, eq, inArray } from 'drizzle-orm';
import type { AdoptionStatus } from '../../../shared/contracts/mapping.ts';
import type { Db } from '../client.ts';
import {
  organisations,
  technologies,
  technologyAdoptionHistory,
  technologyAdoptions,
} from '../schema/index.ts';

/**
 * One municipality's welfare technology as Region Dalarna's 2026 survey could have found it. Letters per
 * technology in catalogue order (see `technologyOrder`): O in operation, P piloting, L planned,
 * N not planned, R not relevant, D discontinued, - not recorded. `served` and `eligible` give use for the
 * technologies in operation, where the municipality knows them.
 */
interface DemoAdoption {
  code: string;
  pattern: string;
  /** Months since the municipality last updated its records: over 12 shows up as a gap. */
  monthsSinceUpdate: number;
  use?: Record<string, [served: number, eligible: number]>;
}

const technologyOrder = [
  'digital-safety-alarm',
  'mobile-gps-alarm',
  'digital-night-supervision',
  'sensors-fall-detection',
  'medication-dispenser',
  'digital-lock',
  'video-call',
  'digital-documentation',
  'planning-route-tools',
  'activity-rehabilitation',
  'digital-reminders-calendar',
  'remote-health-monitoring',
  'stove-guard',
  'robotic-aids',
];

const statusByLetter: Record<string, AdoptionStatus> = {
  O: 'in_operation',
  P: 'piloting',
  L: 'planned',
  N: 'not_planned',
  R: 'not_relevant',
  D: 'discontinued',
};

/**
 * Invented figures with the variety of Socialstyrelsen's survey: safety alarms everywhere, night
 * supervision "available" in most places but barely used in some (Ludvika, Avesta), a few pioneers and
 * a few municipalities whose records are out of date. Falun has no record of digital locks yet: its
 * coordinator adds it in the demo journey.
 */
const dalarna: DemoAdoption[] = [
  {
    code: '2080',
    pattern: 'OOOPO-OOOPLLON',
    monthsSinceUpdate: 2,
    use: { 'digital-safety-alarm': [1480, 1600], 'digital-night-supervision': [96, 310] },
  },
  {
    code: '2081',
    pattern: 'OOOOOOOOOPLPOL',
    monthsSinceUpdate: 1,
    use: {
      'digital-safety-alarm': [1390, 1450],
      'digital-night-supervision': [142, 260],
      'digital-lock': [820, 900],
    },
  },
  {
    code: '2021',
    pattern: 'OLONLOPOONNNLR',
    monthsSinceUpdate: 5,
    use: { 'digital-safety-alarm': [260, 270] },
  },
  { code: '2023', pattern: 'OOPLNOOOLNNNOR', monthsSinceUpdate: 16 },
  {
    code: '2026',
    pattern: 'ONOLLOLOONLNNR',
    monthsSinceUpdate: 7,
    use: { 'digital-night-supervision': [18, 40] },
  },
  {
    code: '2029',
    pattern: 'OOOPOOOOOPLLOL',
    monthsSinceUpdate: 3,
    use: { 'digital-safety-alarm': [640, 700], 'medication-dispenser': [85, 120] },
  },
  {
    code: '2031',
    pattern: 'OLOPNOLOONNNLR',
    monthsSinceUpdate: 9,
    use: { 'digital-night-supervision': [22, 95] },
  },
  { code: '2034', pattern: 'ONPNNOLOLNNNNR', monthsSinceUpdate: 20 },
  { code: '2039', pattern: 'OOLNNOOOLNNRNR', monthsSinceUpdate: 4, use: { 'mobile-gps-alarm': [14, 30] } },
  {
    code: '2061',
    pattern: 'OLODLOLOONNNLR',
    monthsSinceUpdate: 6,
    use: { 'digital-night-supervision': [31, 70] },
  },
  {
    code: '2062',
    pattern: 'OOOOPOOOOPPLON',
    monthsSinceUpdate: 2,
    use: { 'digital-safety-alarm': [890, 940], 'digital-night-supervision': [120, 210] },
  },
  {
    code: '2082',
    pattern: 'OLOLLOLOOLNNLR',
    monthsSinceUpdate: 8,
    use: { 'digital-night-supervision': [12, 60] },
  },
  { code: '2083', pattern: 'OOOPLOOOOLNLON', monthsSinceUpdate: 14 },
  {
    code: '2084',
    pattern: 'OOONPOOOONLNOR',
    monthsSinceUpdate: 3,
    use: { 'digital-safety-alarm': [700, 760], 'digital-night-supervision': [9, 230] },
  },
  {
    code: '2085',
    pattern: 'OOOOLOPOOPLPOL',
    monthsSinceUpdate: 1,
    use: { 'digital-night-supervision': [14, 380], 'digital-lock': [610, 640] },
  },
];

const monthsAgo = (months: number) => {
  const d = new Date();
  d.setMonth(d.getMonth() - months);
  return d;
};

/** Adoption records with a first history entry each, for all 15 municipalities in Dalarna. */
export async function loadAdoptionDemo(db: Db): Promise<void> {
  const catalogue = await db
    .select({ id: technologies.id, key: technologies.key })
    .from(technologies)
    .where(inArray(technologies.key, technologyOrder));
  const technologyId = new Map(catalogue.map((t) => [t.key, t.id]));
  const rows: (typeof technologyAdoptions.$inferInsert)[] = [];
  for (const m of dalarna) {
    const [municipality] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.kind, 'municipality'), eq(organisations.code, m.code)));
    if (!municipality) throw new Error(`Reference data missing municipality ${m.code}`);
    const updatedAt = monthsAgo(m.monthsSinceUpdate);
    [...m.pattern].forEach((letter, i) => {
      const key = technologyOrder[i]!;
      const status = statusByLetter[letter];
      const id = technologyId.get(key);
      if (!status || !id) return;
      const [served, eligible] = m.use?.[key] ?? [null, null];
      rows.push({
        municipalityId: municipality.id,
        technologyId: id,
        status,
        since:
          status === 'in_operation' || status === 'piloting' ? `20${18 + (i % 7)}-0${1 + (i % 9)}-01` : null,
        scope: status === 'in_operation' ? 'Hemtjänst och särskilt boende' : null,
        usersServed: served,
        eligibleUsers: eligible,
        comment: null,
        updatedAt,
      });
    });
  }
  await db.transaction(async (tx) => {
    await tx.insert(technologyAdoptions).values(rows);
    await tx.insert(technologyAdoptionHistory).values(
      rows.map((r) => ({
        municipalityId: r.municipalityId,
        technologyId: r.technologyId,
        changedAt: r.updatedAt,
        before: null,
        after: {
          status: r.status,
          since: r.since,
          scope: r.scope,
          usersServed: r.usersServed,
          eligibleUsers: r.eligibleUsers,
          contactName: null,
          contactEmail: null,
          comment: null,
          evidenceUrl: null,
        },
      })),
    );
  });
}
