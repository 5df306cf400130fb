import type { Actor } from '../../../shared/access/index.ts';
import { writesContractsOf } from '../../../shared/access/supplier-contracts.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { ImportJob } from '../../../shared/contracts/imports.ts';
import { ContractInput } from '../../../shared/contracts/supplier-contracts.ts';
import { OrgNumber } from '../../../shared/contracts/suppliers.ts';
import { issueCode } from '../../../shared/i18n/issue-code.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { listTechnologies } from '../mapping/technologies.repo.ts';
import { findByKindAndCode } from '../organisations/organisations.repo.ts';
import {
  type ContractColumn,
  type ContractCsv,
  type ContractCsvRow,
  parseContractCsv,
} from './contract-csv.ts';
import { type ContractStoredRow, contractImportKind, writeContractRow } from './contract-import.kind.ts';
import * as repo from './contract-import.repo.ts';
import type { ImportDeps, RowError } from './import-kind.ts';
import { savePreview } from './import-pipeline.ts';

/**
 * The preview of a contract list: each row's names looked up (supplier, technologies, responsible
 * person), checked with the contract's own rules (`ContractInput`), and then written for real inside a
 * transaction that is rolled back — so the preview says exactly what confirming will do (new, changed,
 * unchanged, or the error the register's own write gives), and nothing is kept.
 */

type Existing = Awaited<ReturnType<typeof repo.contractsByRef>>[number];

/** An organisation number anywhere in the cell ("Exempel AB (559100-0011)") names the supplier by it. */
const ORG_NUMBER = /\b\d{6}[-\s]?\d{4}\b/;

/** A catalogue technology by its key, its names, or its Swedish name without "(…)" or "Digital(a/t)". */
function technologyWords(catalogue: Awaited<ReturnType<typeof listTechnologies>>) {
  const words = new Map<string, string>();
  for (const t of catalogue) {
    const plain = t.nameSv.replace(/\s*\(.*\)\s*/, '').trim();
    const short = plain.replace(/^digital[at]?\s+/i, '');
    for (const w of [t.key, t.nameSv, t.nameEn, plain, short]) words.set(w.toLocaleLowerCase('sv'), t.key);
  }
  return words;
}

async function lookUp(db: Db, municipalityId: string, csv: ContractCsv) {
  const names = new Set<string>();
  const orgNumbers = new Set<string>();
  for (const r of csv.rows) {
    const number = ORG_NUMBER.exec(r.supplierText)?.[0];
    const parsed = number ? OrgNumber.safeParse(number) : null;
    if (parsed?.success) orgNumbers.add(parsed.data);
    if (r.supplierText) names.add(r.supplierText.toLocaleLowerCase('sv'));
  }
  const [suppliers, catalogue, people, existing] = await Promise.all([
    repo.suppliersNamed(db, [...names], [...orgNumbers]),
    listTechnologies(db),
    repo.peopleOfMunicipality(
      db,
      municipalityId,
      csv.rows.flatMap((r) => (r.responsibleEmail ? [r.responsibleEmail] : [])),
    ),
    repo.contractsByRef(
      db,
      municipalityId,
      csv.rows.map((r) => r.externalRef).filter((ref) => ref !== ''),
    ),
  ]);
  return {
    suppliers,
    technologies: technologyWords(catalogue),
    people: new Map(people.map((p) => [p.email, p.id])),
    existing: new Map(existing.map((c) => [c.externalRef, c])),
  };
}

type Lookups = Awaited<ReturnType<typeof lookUp>>;

/** The supplier a cell names, or the error code for the column. Merged duplicates lead to the one kept. */
function supplierOf(text: string, lookups: Lookups): { id: string } | { code: string } {
  const number = ORG_NUMBER.exec(text)?.[0];
  if (number) {
    const parsed = OrgNumber.safeParse(number);
    if (!parsed.success) return { code: parsed.error.issues[0]?.message ?? 'invalid_org_number' };
    const match = lookups.suppliers.find((s) => s.orgNumber === parsed.data);
    return match ? { id: match.mergedInto ?? match.id } : { code: 'unknown_supplier' };
  }
  const name = text.toLocaleLowerCase('sv');
  const ids = new Set(
    lookups.suppliers.filter((s) => s.name.toLocaleLowerCase('sv') === name).map((s) => s.mergedInto ?? s.id),
  );
  if (ids.size === 0) return { code: 'unknown_supplier' };
  if (ids.size > 1) return { code: 'ambiguous_supplier' };
  return { id: [...ids][0]! };
}

/** ContractInput's fields → the file's columns, for errors from the contract's rules and its write. */
const columnOfField: Record<string, ContractColumn> = {
  supplierId: 'supplier',
  title: 'title',
  externalRef: 'externalRef',
  procurementForm: 'procurementForm',
  frameworkName: 'frameworkName',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
  noticeMonths: 'noticeMonths',
  annualValueSek: 'annualValueSek',
  technologies: 'technologies',
  extensions: 'extensions',
  responsibleUserId: 'responsible',
  notes: 'notes',
};

export function columnOfPath(path: readonly (string | number | symbol)[]): ContractColumn {
  if (path[0] === 'extensions' && path[2] === 'decideBy') return 'decideBy';
  return columnOfField[String(path[0])] ?? 'title';
}

/**
 * The contract a row stands for. A column the file does not have keeps what an existing contract holds
 * (and its products, which the list does not carry); an option keeps whether it was used or declined.
 */
function inputOf(row: ContractCsvRow, csv: ContractCsv, lookups: Lookups, existing: Existing | undefined) {
  const errors: RowError[] = [...row.errors];
  const fail = (column: ContractColumn, code: string) =>
    errors.push({ column, code, header: csv.headers[column] ?? '' });
  const has = (column: ContractColumn) => csv.present.has(column);
  let supplierId: string | undefined;
  if (row.supplierText) {
    const supplier = supplierOf(row.supplierText, lookups);
    if ('code' in supplier) fail('supplier', supplier.code);
    else supplierId = supplier.id;
  }
  const technologies = row.technologyTexts.flatMap((text) => {
    const key = lookups.technologies.get(text.toLocaleLowerCase('sv'));
    if (!key) fail('technologies', 'unknown_technology');
    return key ? [key] : [];
  });
  let responsibleUserId: string | null = null;
  if (row.responsibleEmail) {
    responsibleUserId = lookups.people.get(row.responsibleEmail) ?? null;
    if (!responsibleUserId) fail('responsible', 'unknown_responsible');
  }
  const procurementForm = row.procurementForm ?? existing?.procurementForm ?? null;
  if (!procurementForm && !errors.some((e) => e.column === 'procurementForm'))
    fail('procurementForm', 'required');
  const extensions =
    row.extensions === null
      ? (existing?.extensions ?? [])
      : row.extensions.map((e, i) => {
          const held = existing?.extensions[i];
          return { ...e, status: held && held.months === e.months ? held.status : ('open' as const) };
        });
  const candidate = {
    supplierId,
    title: row.title,
    externalRef: row.externalRef,
    procurementForm: procurementForm ?? undefined,
    frameworkName: has('frameworkName') ? row.frameworkName : (existing?.frameworkName ?? null),
    startsOn: row.startsOn ?? undefined,
    endsOn: row.endsOn ?? undefined,
    noticeMonths: has('noticeMonths') ? row.noticeMonths : (existing?.noticeMonths ?? null),
    annualValueSek: has('annualValueSek') ? row.annualValueSek : (existing?.annualValueSek ?? null),
    technologies: has('technologies') ? [...new Set(technologies)] : (existing?.technologies ?? []),
    productIds: existing?.productIds ?? [],
    extensions,
    responsibleUserId: has('responsible') ? responsibleUserId : (existing?.responsibleUserId ?? null),
    notes: has('notes') ? row.notes : (existing?.notes ?? null),
  };
  if (errors.length) return { input: null, errors };
  const parsed = ContractInput.safeParse(candidate);
  if (parsed.success) return { input: parsed.data, errors };
  for (const issue of parsed.error.issues) {
    const column = columnOfPath(issue.path);
    const value = issue.path.reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
      candidate,
    );
    const code = issueCode(issue as Parameters<typeof issueCode>[0], { value });
    if (!errors.some((e) => e.column === column && e.code === code)) fail(column, code);
  }
  return { input: null, errors };
}

/** Thrown to roll back the preview's trial writes. */
class TrialDone extends Error {}

/** Writes every valid row in a transaction that is rolled back, to learn each row's outcome. */
async function trialRun(db: Db, actor: Actor, municipalityId: string, rows: ContractStoredRow[]) {
  try {
    await db.transaction(async (tx) => {
      for (const row of rows) {
        if (row.errors.length) continue;
        const result = await writeContractRow(tx, actor, municipalityId, row);
        if ('errors' in result) {
          row.errors.push(...result.errors);
          row.outcome = 'error';
        } else row.outcome = row.contractId ? (result.changed ? 'update' : 'unchanged') : 'create';
      }
      throw new TrialDone();
    });
  } catch (err) {
    if (!(err instanceof TrialDone)) throw err;
  }
}

export async function previewContractImport(
  deps: ImportDeps,
  actor: Actor,
  code: string,
  file: Buffer,
  lang: UiLanguage,
): Promise<ImportJob> {
  const municipality = await findByKindAndCode(deps.db, 'municipality', code);
  if (!municipality) throw notFound();
  if (!writesContractsOf(actor, municipality)) throw forbidden();
  const csv = parseContractCsv(file, lang);
  if (csv.rows.length === 0) throw new AppError(400, 'import_has_no_valid_rows');
  const lookups = await lookUp(deps.db, municipality.id, csv);
  const rows = csv.rows.map((row): ContractStoredRow => {
    const existing = lookups.existing.get(row.externalRef);
    const { input, errors } = inputOf(row, csv, lookups, existing);
    return {
      line: row.line,
      cells: row.text,
      headers: csv.headers,
      contractId: existing?.id ?? null,
      input,
      errors,
      outcome: errors.length ? 'error' : existing ? 'update' : 'create',
    };
  });
  await trialRun(deps.db, actor, municipality.id, rows);
  return savePreview(
    deps.db,
    contractImportKind,
    { organisationId: municipality.id, actor, encoding: csv.encoding, delimiter: csv.delimiter, rows },
    lang,
  );
}
