import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import {
  type StaffImportColumnKey,
  staffImportColumns,
  staffImportValues,
} from '../../../shared/contracts/imports.ts';
import { Email, type Gender } from '../../../shared/contracts/people.ts';
import { AppError } from '../../lib/errors.ts';

export interface CsvRowError {
  column: StaffImportColumnKey;
  code: string;
  /** The column's header as written in the file, so that messages use the person's own words. */
  header?: string;
}

/** One data row of a staff CSV, with its values normalised and what is wrong with it. */
export interface StaffCsvRow {
  line: number;
  email: string | null;
  name: string | null;
  unit: string | null;
  role: 'staff' | 'manager';
  roleText: string | null;
  language: 'sv' | 'en';
  gender: Gender | null;
  errors: CsvRowError[];
}

export interface StaffCsv {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: ';' | ',' | '\t';
  /** Each recognised column's header as written in the file. */
  headers: Partial<Record<StaffImportColumnKey, string>>;
  rows: StaffCsvRow[];
}

/**
 * Excel with Swedish settings saves "CSV (semikolonavgränsad)" in Windows-1252, and "CSV UTF-8" with a
 * BOM. Valid UTF-8 is taken as UTF-8; anything else is read as Windows-1252.
 */
export function decodeCsv(buffer: Buffer): { text: string; encoding: StaffCsv['encoding'] } {
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buffer, 'win1252'), encoding: 'windows-1252' };
  }
}

/** The separator used most on the header line (outside quotes). */
export function detectDelimiter(text: string): StaffCsv['delimiter'] {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = ([';', ',', '\t'] as const).map((d) => [d, header.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ';';
}

export const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');

/** A lookup from each accepted word (lower case) to the value it stands for. */
function wordsOf<V extends string>(values: Record<V, readonly string[]>): Record<string, V> {
  const words: Record<string, V> = {};
  for (const [value, list] of Object.entries(values) as [V, readonly string[]][])
    for (const word of list) words[word.toLowerCase()] = value;
  return words;
}

const roleWords = wordsOf(staffImportValues.role);
const higherRoles = new Set([
  'kommunsamordnare',
  'samordnare',
  'municipal_coordinator',
  'regional samordnare',
  'regional_coordinator',
  'administratör',
  'national_admin',
]);
const languageWords = wordsOf(staffImportValues.language);
const genderWords = wordsOf(staffImportValues.gender);

/** Parses a staff CSV as exported by Excel into normalised rows; structural problems throw a 400. */
export interface CsvRecords {
  encoding: StaffCsv['encoding'];
  delimiter: StaffCsv['delimiter'];
  header: string[];
  /** Non-empty data records with the file line each ends on (header = line 1). */
  data: { record: string[]; info: { lines: number } }[];
}

/** Decodes and splits a CSV saved by Excel; a file that is not CSV at all throws `csv_unreadable`. */
export function readCsvRecords(buffer: Buffer): CsvRecords {
  const { text, encoding } = decodeCsv(buffer);
  // Excel's "Unicode text" (UTF-16) and binary files are full of NUL, which PostgreSQL cannot store.
  if (text.includes('\u0000')) throw new AppError(400, 'csv_unreadable');
  const delimiter = detectDelimiter(text);
  let records: CsvRecords['data'];
  try {
    // `info` gives each record's line in the file, so errors can point at it even past quoted line breaks.
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as CsvRecords['data'];
  } catch {
    throw new AppError(400, 'csv_unreadable');
  }
  const header = records[0]?.record;
  if (!header) throw new AppError(400, 'csv_unreadable');
  return {
    encoding,
    delimiter,
    header,
    data: records.slice(1).filter((r) => r.record.some((v) => v !== '')),
  };
}

export function parseStaffCsv(buffer: Buffer): StaffCsv {
  const { encoding, delimiter, header, data } = readCsvRecords(buffer);
  const columnIndex = new Map<StaffImportColumnKey, number>();
  const headers: StaffCsv['headers'] = {};
  header.forEach((h, i) => {
    const col = staffImportColumns.find((c) => (c.headers as readonly string[]).includes(normaliseHeader(h)));
    if (col && !columnIndex.has(col.key)) {
      columnIndex.set(col.key, i);
      headers[col.key] = h.trim();
    }
  });
  if (!columnIndex.has('email') || !columnIndex.has('name')) throw new AppError(400, 'csv_missing_columns');

  const seen = new Set<string>();
  const rows = data.map(({ record, info }): StaffCsvRow => {
    const get = (key: StaffImportColumnKey) => {
      const idx = columnIndex.get(key);
      const v = idx === undefined ? '' : (record[idx] ?? '');
      return v.trim();
    };
    const errors: CsvRowError[] = [];
    const fail = (column: StaffImportColumnKey, code: string) =>
      errors.push({ column, code, header: headers[column]! });
    const emailRaw = get('email');
    let email: string | null = null;
    if (!emailRaw) fail('email', 'required');
    else {
      const parsed = Email.safeParse(emailRaw);
      if (parsed.success) email = parsed.data;
      else fail('email', 'invalid_email');
    }
    if (email && seen.has(email)) fail('email', 'duplicate_in_file');
    if (email) seen.add(email);
    const name = get('name') || null;
    if (!name) fail('name', 'required');
    else if (name.length > 120) fail('name', 'too_long');

    const roleText = get('role');
    let role: 'staff' | 'manager' = 'staff';
    if (roleText) {
      const key = roleText.toLowerCase();
      if (roleWords[key]) role = roleWords[key];
      else fail('role', higherRoles.has(key) ? 'role_not_allowed' : 'unknown_role');
    }
    const languageText = get('language').toLowerCase();
    const language = languageText ? languageWords[languageText] : 'sv';
    if (!language) fail('language', 'unknown_language');
    const genderText = get('gender').toLowerCase();
    const gender = genderText ? (genderWords[genderText] ?? null) : null;
    if (genderText && !gender) fail('gender', 'unknown_gender');

    return {
      line: info.lines,
      email: email ?? (emailRaw || null),
      name,
      unit: get('unit') || null,
      role,
      roleText: roleText || null,
      language: language ?? 'sv',
      gender,
      errors,
    };
  });
  return { encoding, delimiter, headers, rows };
}
