import {
  type StaffImportColumnKey,
  staffImportColumns,
  staffImportValues,
} from '../../../shared/contracts/imports.ts';
import { Email, type Gender } from '../../../shared/contracts/people.ts';
import { type CsvDelimiter, type CsvEncoding, readCsvTable, wordsOf } from './csv-file.ts';
import type { RowError } from './import-kind.ts';

export interface CsvRowError extends RowError {
  column: StaffImportColumnKey;
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
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Each recognised column's header as written in the file. */
  headers: Partial<Record<StaffImportColumnKey, string>>;
  rows: StaffCsvRow[];
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
export function parseStaffCsv(buffer: Buffer): StaffCsv {
  const table = readCsvTable(buffer, staffImportColumns, 'csv_missing_columns');
  const { headers } = table;
  const seen = new Set<string>();
  const rows = table.rows.map(({ line, cells }): StaffCsvRow => {
    const get = (key: StaffImportColumnKey) => cells[key];
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
      line,
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
  return { encoding: table.encoding, delimiter: table.delimiter, headers, rows };
}
