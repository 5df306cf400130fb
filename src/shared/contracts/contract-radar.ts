import { z } from 'zod';
import { ParamText, Uuid } from './common.ts';
import { addMonths } from './supplier-contracts.ts';

/**
 * The expiry radar (issue 17): for a region, an association or the country, the contracts for welfare
 * technology that have not ended, each with its next decision date, and the coordination opportunities
 * they open — municipalities whose contracts for one technology end together, or that plan a
 * technology without a contract for it — each with a link that starts a joint procurement.
 */

/** Contracts for one technology ending within this many months of each other are one opportunity. */
export const RADAR_WINDOW_MONTHS = 18;
/** Alerts go to the owning coordinators this many months before a decision date. */
export const RADAR_ALERT_MONTHS = [12, 6, 3] as const;

/** The JSON gives the nearest decisions first, this many unless asked (a page shows a few hundred). */
export const RADAR_DEFAULT_CONTRACTS = 500;
export const RADAR_MAX_CONTRACTS = 10_000;

export const RadarQuery = z.object({
  region: ParamText.regex(/^\d{2}$/)
    .optional()
    .describe('County code of the region, e.g. 20 for Dalarna'),
  association: Uuid.optional().describe('An association of municipalities'),
  technology: ParamText.regex(/^[a-z0-9-]{1,80}$/, 'unknown_technology')
    .optional()
    .describe('Only contracts and opportunities for this technology (catalogue key)'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(RADAR_MAX_CONTRACTS)
    .optional()
    .describe(
      `The nearest decisions to give (default ${RADAR_DEFAULT_CONTRACTS}); \`contractsTotal\` says how many there are. A file has them all`,
    ),
  lang: z.enum(['sv', 'en']).optional(),
  format: z
    .enum(['csv', 'xlsx'])
    .optional()
    .describe('A file instead of JSON: CSV as Swedish Excel opens it, or a workbook'),
});
export type RadarQuery = z.infer<typeof RadarQuery>;

export const RadarAreaKind = z.enum(['nation', 'region', 'association']);
export type RadarAreaKind = z.infer<typeof RadarAreaKind>;

export const RadarArea = z.object({
  kind: RadarAreaKind,
  id: Uuid,
  name: z.string(),
  /** County code for a region, "SE" for the country, the id for an association. */
  code: z.string(),
});
export type RadarArea = z.infer<typeof RadarArea>;

const IsoDate = z.iso.date();

/**
 * What the next decision is about: using the earliest extension option still open (`extension`), or —
 * with none left — giving notice before the end (`notice`; the end date itself without a notice period).
 */
export const DecisionKind = z.enum(['extension', 'notice']);
export type DecisionKind = z.infer<typeof DecisionKind>;

export const RadarContract = z.object({
  id: Uuid,
  title: z.string(),
  municipalityCode: z.string(),
  technologyKeys: z.array(z.string()),
  supplier: z.object({ id: Uuid, name: z.string() }),
  endsOn: IsoDate,
  nextDecisionOn: IsoDate,
  decisionKind: DecisionKind,
  /** Extension options still open whose decision date has not passed. */
  extensionsRemaining: z.number().int().nonnegative(),
  /** Only for readers of the municipality, its region or its associations; null for everyone else. */
  annualValueSek: z.number().int().nonnegative().nullable(),
});
export type RadarContract = z.infer<typeof RadarContract>;

export const RadarMunicipality = z.object({
  code: z.string(),
  name: z.string(),
  /** The earliest next decision among its contracts in view, or null when it has none. */
  earliestDecisionOn: IsoDate.nullable(),
});
export type RadarMunicipality = z.infer<typeof RadarMunicipality>;

export const OpportunityKind = z.enum(['ending_together', 'planned_without_contract']);
export type OpportunityKind = z.infer<typeof OpportunityKind>;

export const RadarOpportunity = z.object({
  kind: OpportunityKind,
  /** The region or association the municipalities share. */
  group: z.object({ kind: z.enum(['region', 'association']), id: Uuid, name: z.string() }),
  technology: z.object({ key: z.string(), name: z.string() }),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  /** The first and last end date of the contracts (`ending_together`); null when there are none. */
  window: z.object({ from: IsoDate, to: IsoDate }).nullable(),
  /** The form that starts a joint procurement with the technology and municipalities filled in. */
  startProcurementUrl: z.string(),
});
export type RadarOpportunity = z.infer<typeof RadarOpportunity>;

export const Radar = z.object({
  area: RadarArea,
  /** The day the dates were judged on (Swedish time). */
  today: IsoDate,
  windowMonths: z.number().int(),
  /** The technology filter, when one was asked for. */
  technology: z.object({ key: z.string(), name: z.string() }).nullable(),
  /** The catalogue, for the filter and for naming `technologyKeys`. */
  technologies: z.array(z.object({ key: z.string(), name: z.string() })),
  /** Every municipality of the area, in Swedish alphabetical order. */
  municipalities: z.array(RadarMunicipality),
  /** Contracts not yet ended, the earliest decision first: the first `limit` of them. */
  contracts: z.array(RadarContract),
  /** How many contracts have not ended, whether or not all are in `contracts`. */
  contractsTotal: z.number().int().nonnegative(),
  opportunities: z.array(RadarOpportunity),
});
export type Radar = z.infer<typeof Radar>;

/** The address of the joint-procurement form with the technology and municipalities chosen. */
export function startProcurementUrl(technologyKey: string, municipalityCodes: readonly string[]): string {
  const params = new URLSearchParams({ teknik: technologyKey, kommuner: municipalityCodes.join(',') });
  return `/upphandlingar/ny?${params.toString().replaceAll('%2C', ',')}`;
}

/** How soon a decision falls, for the map's colours and the timeline's marks: the alerts' lead times. */
export const decisionBands = ['passed', 'within3', 'within6', 'within12', 'later', 'none'] as const;
export type DecisionBand = (typeof decisionBands)[number];

export function decisionBand(on: string | null, today: string): DecisionBand {
  if (on === null) return 'none';
  if (on < today) return 'passed';
  if (on <= addMonths(today, 3)) return 'within3';
  if (on <= addMonths(today, 6)) return 'within6';
  if (on <= addMonths(today, 12)) return 'within12';
  return 'later';
}
