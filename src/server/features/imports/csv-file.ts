import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { ProblemCode } from '../../../shared/i18n/errors.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * Reading a CSV file as Excel saves it, for every import (staff, contracts, adoption, enrolments):
 * the encoding, the separator, the records and the mapping of the file's own headers to our columns.
 */

export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvDelimiter = ';' | ',' | '\t';

/** A column an import reads: its key and the headers (lower case) that name it, the usual one first. */
export interface ImportColumn<K extends string = string> {
  readonly key: K;
  readonly required: boolean;
  readonly headers: readonly string[];
}

/**
 * Excel with Swedish settings saves "CSV (semikolonavgränsad)" in Windows-1252, and "CSV UTF-8" with a
 * BOM. Valid UTF-8 is taken as UTF-8; anything else is read as Windows-1252.
 */
export function decodeCsv(buffer: Buffer): { text: string; encoding: CsvEncoding } {
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
export function detectDelimiter(text: string): CsvDelimiter {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = ([';', ',', '\t'] as const).map((d) => [d, header.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ';';
}

export const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');

export interface CsvRecords {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
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

/** A data record with each known column's (trimmed) cell, empty when the file lacks the column. */
export interface CsvTableRow<K extends string> {
  line: number;
  cells: Record<K, string>;
}

export interface CsvTable<K extends string> {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Each recognised column's header as written in the file, so that messages use the person's words. */
  headers: Partial<Record<K, string>>;
  rows: CsvTableRow<K>[];
}

/**
 * Reads a CSV into rows keyed by our columns, whatever the file calls them (the first header that
 * names a column wins). A file without a required column throws `missingCode` (a 400).
 */
export function readCsvTable<K extends string>(
  buffer: Buffer,
  columns: readonly ImportColumn<K>[],
  missingCode: ProblemCode,
): CsvTable<K> {
  const { encoding, delimiter, header, data } = readCsvRecords(buffer);
  const index = new Map<K, number>();
  const headers: Partial<Record<K, string>> = {};
  header.forEach((h, i) => {
    const column = columns.find((c) => c.headers.includes(normaliseHeader(h)));
    if (column && !index.has(column.key)) {
      index.set(column.key, i);
      headers[column.key] = h.trim();
    }
  });
  if (columns.some((c) => c.required && !index.has(c.key))) throw new AppError(400, missingCode);
  const rows = data.map(({ record, info }) => {
    const cells = {} as Record<K, string>;
    for (const c of columns) {
      const i = index.get(c.key);
      cells[c.key] = i === undefined ? '' : (record[i] ?? '').trim();
    }
    return { line: info.lines, cells };
  });
  return { encoding, delimiter, headers, rows };
}

/** A lookup from each accepted word (lower case) to the value it stands for. */
export function wordsOf<V extends string>(values: Record<V, readonly string[]>): Record<string, V> {
  const words: Record<string, V> = {};
  for (const [value, list] of Object.entries(values) as [V, readonly string[]][])
    for (const word of list) words[word.toLowerCase()] = value;
  return words;
}
