import type { MaturityRow, PeopleCount } from '../../../shared/contracts/open-data.ts';
import type { Cell } from '../../lib/table-export.ts';

/**
 * One column of an open dataset: its JSON path, CSV name, type and description, and how to read it.
 * The CSV writer and the field list of `GET /api/open/v1` both read these, so the documentation
 * cannot drift from the files. Below: the kinds of column the datasets share.
 */
export interface Column<R> {
  json: string;
  csv: string;
  type: 'string' | 'integer' | 'date' | 'boolean';
  description: { sv: string; en: string };
  get: (row: R) => Cell;
}

const flag = (b: boolean) => (b ? 'true' : 'false');

export const place = <
  R extends { municipalityCode: string; municipalityName: string; countyCode: string },
>(): Column<R>[] => [
  {
    json: 'municipalityCode',
    csv: 'municipality_code',
    type: 'string',
    description: {
      sv: 'Kommunkod enligt SCB (4 siffror, som i Kolada)',
      en: 'SCB municipality code (4 digits, as in Kolada)',
    },
    get: (r) => r.municipalityCode,
  },
  {
    json: 'municipalityName',
    csv: 'municipality_name',
    type: 'string',
    description: { sv: 'Kommunens namn', en: 'Name of the municipality' },
    get: (r) => r.municipalityName,
  },
  {
    json: 'countyCode',
    csv: 'county_code',
    type: 'string',
    description: { sv: 'Länskod enligt SCB (2 siffror)', en: 'SCB county code (2 digits)' },
    get: (r) => r.countyCode,
  },
];

/** A count of people becomes two columns: the value (empty when withheld) and `<name>_suppressed`. */
export function people<R>(
  json: string,
  csv: string,
  sv: string,
  en: string,
  get: (r: R) => PeopleCount,
): Column<R>[] {
  return [
    {
      json: `${json}.value`,
      csv,
      type: 'integer',
      description: {
        sv: `${sv}; tom om den är undertryckt eller inte rapporterad`,
        en: `${en}; empty when suppressed or not reported`,
      },
      get: (r) => get(r).value,
    },
    {
      json: `${json}.suppressed`,
      csv: `${csv}_suppressed`,
      type: 'boolean',
      description: {
        sv: `true om ${csv} är undertryckt för att skydda enskilda personer`,
        en: `true when ${csv} is suppressed to protect individuals`,
      },
      get: (r) => flag(get(r).suppressed),
    },
  ];
}

export const asOf = <R extends { asOf: string }>(): Column<R> => ({
  json: 'asOf',
  csv: 'as_of',
  type: 'date',
  description: { sv: 'Datum då uppgifterna togs fram', en: 'Date the figures were computed' },
  get: (r) => r.asOf,
});

export const scores = <R>(
  jsonPrefix: string,
  csvPrefix: string,
  read: (r: R) => Pick<MaturityRow, 'governance' | 'resources' | 'competence' | 'organisation'> | null,
): Column<R>[] =>
  (
    [
      ['governance', 'Styrning och ledning', 'Governance and leadership'],
      ['resources', 'Resurser', 'Resources'],
      ['competence', 'Kompetens', 'Competence'],
      ['organisation', 'Organisering', 'Organisation'],
    ] as const
  ).map(([area, sv, en]) => ({
    json: `${jsonPrefix}${area}`,
    csv: `${csvPrefix}${area}`,
    type: 'integer' as const,
    description: { sv: `${sv}: poäng 0–100`, en: `${en}: score 0–100` },
    get: (r: R) => read(r)?.[area] ?? null,
  }));
