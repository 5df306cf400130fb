import type { UiLanguage } from '../../../shared/contracts/common.ts';
import {
  type ContractImportColumnKey,
  contractImportColumns,
  contractImportValues,
} from '../../../shared/contracts/contract-import.ts';
import { Email } from '../../../shared/contracts/people.ts';
import {
  addMonths,
  extendedEnds,
  type ProcurementForm,
} from '../../../shared/contracts/supplier-contracts.ts';
import { AppError } from '../../lib/errors.ts';
import { type CsvTable, readCsvTable, wordsOf } from './csv-file.ts';
import {
  parseExcelDate,
  parseExcelDates,
  parseExcelNumber,
  parseExtensions,
  parseMonths,
} from './excel-values.ts';
import type { RowError } from './import-kind.ts';

/**
 * A contract list as Excel saves it, read into rows of plain values: what the file says, checked for
 * form (dates, numbers, choices). Names are looked up in the database afterwards
 * (`contract-import.service.ts`), and the rules across fields by the contract's own `ContractInput`.
 */

export type ContractColumn = ContractImportColumnKey;

export interface ContractCsvRow {
  line: number;
  /** The cells as written, for the preview table. */
  text: Record<ContractColumn, string>;
  /** The municipality's contract number: the key a re-import finds the same contract by. */
  externalRef: string;
  title: string;
  supplierText: string;
  technologyTexts: string[];
  procurementForm: ProcurementForm | null;
  frameworkName: string | null;
  startsOn: string | null;
  endsOn: string | null;
  extensions: { months: number; decideBy: string }[] | null;
  noticeMonths: number | null;
  annualValueSek: number | null;
  responsibleEmail: string | null;
  notes: string | null;
  errors: RowError[];
}

export interface ContractCsv extends Omit<CsvTable<ContractColumn>, 'rows'> {
  rows: ContractCsvRow[];
  /** The optional columns the file has (a missing one leaves the contracts' values as they are). */
  present: Set<ContractColumn>;
}

const formWords = wordsOf(contractImportValues.procurementForm);

/** Technologies in one cell: Excel quotes a cell that holds the file's separator, so both may be used. */
export const splitList = (text: string) =>
  text
    .split(/[;,|\n]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');

/**
 * The options' decision dates: as many as the options, or one for the first (the later ones fall the
 * same number of months before the end they extend), or none (each option's end less the notice period).
 */
function decisionDates(
  endsOn: string,
  optionMonths: number[],
  dates: string[],
  noticeMonths: number | null,
): string[] | null {
  if (dates.length === optionMonths.length) return dates;
  if (dates.length === 1) {
    let shift = 0;
    return optionMonths.map((months) => {
      const date = addMonths(dates[0]!, shift);
      shift += months;
      return date;
    });
  }
  if (dates.length > 1) return null;
  const open = optionMonths.map((months) => ({ months, status: 'open' as const }));
  return (extendedEnds(endsOn, open) as string[]).map((end) => addMonths(end, -(noticeMonths ?? 0)));
}

/**
 * Reads the file; a file that is not CSV or lacks a required column is a 400, and the same contract
 * number on two rows a 422 naming the rows and the column (nothing is previewed or written).
 */
export function parseContractCsv(buffer: Buffer, lang: UiLanguage): ContractCsv {
  const table = readCsvTable(buffer, contractImportColumns, 'csv_missing_contract_columns');
  const { headers } = table;
  const present = new Set(
    contractImportColumns.filter((c) => headers[c.key] !== undefined).map((c) => c.key as ContractColumn),
  );
  rejectDuplicateRefs(table, lang);

  const rows = table.rows.map(({ line, cells }): ContractCsvRow => {
    const errors: RowError[] = [];
    const fail = (column: ContractColumn, code: string) =>
      errors.push({ column, code, header: headers[column]! });
    const required = (column: ContractColumn) => {
      if (cells[column] === '') fail(column, 'required');
      return cells[column];
    };
    const date = (column: 'startsOn' | 'endsOn') => {
      const text = required(column);
      if (text === '') return null;
      const iso = parseExcelDate(text);
      if (!iso) fail(column, 'invalid_date');
      return iso;
    };
    const startsOn = date('startsOn');
    const endsOn = date('endsOn');

    let procurementForm: ProcurementForm | null = null;
    if (cells.procurementForm) {
      procurementForm = formWords[cells.procurementForm.toLowerCase()] ?? null;
      if (!procurementForm) fail('procurementForm', 'unknown_procurement_form');
    } else if (cells.frameworkName) procurementForm = 'framework_call_off';
    else fail('procurementForm', 'required');

    const noticeMonths = cells.noticeMonths ? parseMonths(cells.noticeMonths) : null;
    if (cells.noticeMonths && noticeMonths === null) fail('noticeMonths', 'invalid_months');
    let annualValueSek: number | null = null;
    if (cells.annualValueSek) {
      const value = parseExcelNumber(cells.annualValueSek);
      if (value === null) fail('annualValueSek', 'invalid_number');
      else annualValueSek = Math.round(value);
    }

    let extensions: ContractCsvRow['extensions'] = null;
    if (present.has('extensions') || present.has('decideBy')) {
      const terms = parseExtensions(cells.extensions, startsOn, endsOn);
      const dates = parseExcelDates(cells.decideBy);
      if ('error' in terms) fail('extensions', terms.error);
      else if (dates.some((d) => d === null)) fail('decideBy', 'invalid_date');
      else if (terms.optionMonths.length === 0 && dates.length > 0) fail('extensions', 'required');
      else if (endsOn) {
        const decided = decisionDates(endsOn, terms.optionMonths, dates as string[], noticeMonths);
        if (!decided) fail('decideBy', 'decision_dates_count');
        else extensions = terms.optionMonths.map((months, i) => ({ months, decideBy: decided[i]! }));
      }
    }

    let responsibleEmail: string | null = null;
    if (cells.responsible) {
      const parsed = Email.safeParse(cells.responsible);
      if (parsed.success) responsibleEmail = parsed.data;
      else fail('responsible', 'invalid_email');
    }

    return {
      line,
      text: cells,
      externalRef: required('externalRef'),
      title: required('title'),
      supplierText: required('supplier'),
      technologyTexts: splitList(cells.technologies),
      procurementForm,
      frameworkName: cells.frameworkName || null,
      startsOn,
      endsOn,
      extensions,
      noticeMonths,
      annualValueSek,
      responsibleEmail,
      notes: cells.notes || null,
      errors,
    };
  });
  return { encoding: table.encoding, delimiter: table.delimiter, headers, present, rows };
}

const duplicateText = {
  sv: (header: string, ref: string, lines: number[]) =>
    `Kolumnen ”${header}”: avtalsnumret ”${ref}” finns på flera rader (${lines.join(', ')}).`,
  en: (header: string, ref: string, lines: number[]) =>
    `Column “${header}”: the contract number “${ref}” is on more than one line (${lines.join(', ')}).`,
} satisfies Record<UiLanguage, unknown>;

/** The same contract number twice would make one row overwrite another: the file is refused. */
function rejectDuplicateRefs(table: CsvTable<ContractColumn>, lang: UiLanguage) {
  const groups = new Map<string, { ref: string; lines: number[] }>();
  for (const row of table.rows) {
    const ref = row.cells.externalRef;
    const key = ref.toLocaleLowerCase('sv');
    if (!ref) continue;
    const group = groups.get(key) ?? { ref, lines: [] };
    group.lines.push(row.line);
    groups.set(key, group);
  }
  const repeated = [...groups.values()].filter((g) => g.lines.length > 1);
  if (repeated.length === 0) return;
  const header = table.headers.externalRef!;
  throw new AppError(
    422,
    'duplicate_contract_ref',
    repeated.flatMap((g) =>
      g.lines.map((line) => ({ path: `file.line.${line}.externalRef`, code: 'duplicate_contract_ref' })),
    ),
    repeated.map((g) => duplicateText[lang](header, g.ref, g.lines)).join(' '),
  );
}
