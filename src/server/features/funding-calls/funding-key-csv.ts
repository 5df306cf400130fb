import type { KeyPreview } from '../../../shared/contracts/funding-calls.ts';
import { type ImportColumn, normaliseHeader, readCsvTable } from '../imports/csv-file.ts';
import { largestRemainder } from './allocation-key.ts';

/**
 * The allocation key as a CSV saved by Excel (the shared import reader: UTF-8 or Windows-1252, `;` or
 * `,`): one row per municipality, named by its SCB code or its name, with its key value — the number of
 * residents aged 80+. Each problem is reported on its row and column; the allocation is only computed
 * when there is none.
 */
const keyFileColumns: readonly ImportColumn<'code' | 'name' | 'keyValue'>[] = [
  { key: 'code', required: false, headers: ['kommunkod', 'kod', 'code', 'municipality code', 'scb-kod'] },
  { key: 'name', required: false, headers: ['kommun', 'kommunnamn', 'namn', 'municipality', 'name'] },
  {
    key: 'keyValue',
    required: true,
    headers: [
      'invånare 80+',
      'invånare 80 år och äldre',
      'befolkning 80+',
      'befolkning 80 år och äldre',
      'folkmängd 80+',
      'folkmängd 80 år och äldre',
      'antal 80+',
      '80+',
      '80 år och äldre',
      'population 80+',
      'population aged 80+',
      'nyckel',
      'nyckeltal',
      'key',
      'key value',
    ],
  },
];

export interface KeyMunicipality {
  id: string;
  code: string;
  name: string;
}

export type KeyError = KeyPreview['errors'][number];

/** Whole numbers as Excel writes them with Swedish settings: "1 234" with a (no-break) space, or "1234". */
export function parseWholeNumber(text: string): number | 'negative' | 'invalid' {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[-−]?\d{1,9}$/.test(compact)) return 'invalid';
  const value = Number(compact.replace('−', '-'));
  return value < 0 ? 'negative' : value;
}

const nameKey = (name: string) => normaliseHeader(name).normalize('NFC');

/**
 * Reads the key file against the municipalities the country has (`all`) and those the call covers
 * (`inScope`, by id) and shares `totalSek` among the rows when nothing is wrong.
 */
export function readAllocationKey(
  buffer: Buffer,
  all: readonly KeyMunicipality[],
  inScope: ReadonlySet<string>,
  totalSek: number,
): Omit<KeyPreview, 'saved'> {
  const table = readCsvTable(buffer, keyFileColumns, 'funding_key_columns');
  const municipalityHeader = table.headers.code ?? table.headers.name ?? null;
  const byCode = new Map(all.map((m) => [m.code, m]));
  const byName = new Map(all.map((m) => [nameKey(m.name), m]));
  const errors: KeyError[] = [];
  const rows: { line: number; municipality: KeyMunicipality; keyValue: number }[] = [];
  const seen = new Set<string>();
  if (!table.headers.code && !table.headers.name) {
    errors.push({
      line: 1,
      column: 'municipality',
      header: null,
      value: null,
      code: 'funding_key_municipality_column',
    });
  }
  for (const { line, cells } of table.rows) {
    const fault = (column: KeyError['column'], value: string | null, code: string) =>
      errors.push({
        line,
        column,
        header: column === 'keyValue' ? (table.headers.keyValue ?? null) : municipalityHeader,
        value,
        code,
      });
    const written = cells.code || cells.name;
    let municipality: KeyMunicipality | undefined;
    if (table.headers.code || table.headers.name) {
      if (!written) fault('municipality', null, 'required');
      else {
        municipality = /^\d{1,4}$/.test(written)
          ? byCode.get(written.padStart(4, '0'))
          : byName.get(nameKey(written));
        if (!municipality) fault('municipality', written, 'unknown_municipality');
        else if (!inScope.has(municipality.id)) {
          fault('municipality', written, 'municipality_outside_call');
          municipality = undefined;
        } else if (seen.has(municipality.id)) {
          fault('municipality', written, 'duplicate_municipality');
          municipality = undefined;
        }
      }
    }
    const parsed = cells.keyValue ? parseWholeNumber(cells.keyValue) : 'required';
    if (parsed === 'required') fault('keyValue', null, 'required');
    else if (parsed === 'negative') fault('keyValue', cells.keyValue, 'negative');
    else if (parsed === 'invalid') fault('keyValue', cells.keyValue, 'whole_number');
    if (municipality && typeof parsed === 'number') {
      seen.add(municipality.id);
      rows.push({ line, municipality, keyValue: parsed });
    }
  }
  const keyTotal = rows.reduce((a, r) => a + r.keyValue, 0);
  if (errors.length === 0 && keyTotal === 0)
    errors.push({
      line: 1,
      column: 'keyValue',
      header: table.headers.keyValue ?? null,
      value: null,
      code: 'funding_key_zero',
    });
  const shares = errors.length
    ? rows.map(() => 0)
    : largestRemainder(
        totalSek,
        rows.map((r) => r.keyValue),
      );
  return {
    totalSek,
    keyTotal,
    rows: rows.map((r, i) => ({
      line: r.line,
      municipality: { id: r.municipality.id, code: r.municipality.code, name: r.municipality.name },
      keyValue: r.keyValue,
      allocatedSek: shares[i]!,
    })),
    errors,
  };
}
