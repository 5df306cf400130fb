import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';

/** Columns of the staff CSV, in the order shown in the UI and README. Header names are matched loosely. */
export const staffImportColumns = [
  { key: 'email', required: true, headers: ['e-post', 'epost', 'email', 'e-mail', 'mejl'] },
  { key: 'name', required: true, headers: ['namn', 'name', 'fullständigt namn'] },
  { key: 'unit', required: false, headers: ['enhet', 'unit', 'arbetsplats'] },
  { key: 'role', required: false, headers: ['roll', 'role'] },
  { key: 'language', required: false, headers: ['språk', 'sprak', 'language'] },
  { key: 'gender', required: false, headers: ['kön', 'kon', 'gender'] },
] as const;
export type StaffImportColumnKey = (typeof staffImportColumns)[number]['key'];

/**
 * What the enumerated columns accept (case-insensitive), by the value stored. The first word of each
 * is the name shown to people (the Swedish name); the others are synonyms and the English keys, which
 * the import accepts too. An empty cell means staff, Swedish and no gender given.
 */
export const staffImportValues = {
  role: {
    staff: ['Medarbetare', 'personal', 'omsorgspersonal', 'staff'],
    manager: ['Enhetschef', 'chef', 'manager'],
  },
  language: {
    sv: ['svenska', 'sv', 'swedish'],
    en: ['engelska', 'en', 'english'],
  },
  gender: {
    woman: ['kvinna', 'k', 'woman', 'female'],
    man: ['man', 'm', 'male'],
    other: ['annat', 'annan', 'other'],
    not_stated: ['vill ej ange', 'vill inte ange', 'ej angivet', 'not stated', 'not_stated'],
  },
} as const;
export type StaffImportEnumColumn = keyof typeof staffImportValues;

/** Preview only (the default), or preview and start importing the valid rows at once. */
export const ImportModeQuery = z.object({ mode: z.enum(['preview', 'commit']).default('preview') });

export const StaffImportQuery = ImportModeQuery.extend({
  organisationId: Uuid.describe('The municipality (or unit) the staff belong to'),
});

/** What an import's rows are: people with their roles, or a municipality's contracts. */
export const importKindNames = ['staff', 'contracts'] as const;
export type ImportKindName = (typeof importKindNames)[number];

export const importRowOutcomes = ['create', 'update', 'unchanged', 'error'] as const;
export const ImportRowResult = z.object({
  line: z.number().int().describe('Line number in the file, header = 1'),
  cells: z
    .record(z.string(), z.string().nullable())
    .describe(
      'The row’s values as read, by column key (staff: email, name, unit, role; contracts: see the import)',
    ),
  email: z.string().nullable().optional().describe('Staff imports: the e-mail address'),
  name: z.string().nullable().optional().describe('Staff imports: the name'),
  unit: z.string().nullable().optional().describe('Staff imports: the unit'),
  role: z.string().nullable().optional().describe('Staff imports: the role as written'),
  outcome: z.enum(importRowOutcomes),
  errors: z.array(
    z.object({
      column: z
        .string()
        .describe('The column’s key, e.g. email or role; for contracts e.g. supplier or endsOn'),
      header: z.string().describe('The column’s header as written in the file'),
      code: z.string(),
      message: z.string().describe('Names the column by its header and, for choices, the accepted values'),
      accepted: z
        .array(z.string())
        .optional()
        .describe('For choices: every value the column accepts (case-insensitive), the shown names first'),
    }),
  ),
});
export type ImportRowResult = z.infer<typeof ImportRowResult>;

export const ImportJob = z.object({
  id: Uuid,
  kind: z.enum(importKindNames),
  organisationId: Uuid,
  status: z.enum(['preview', 'running', 'done', 'failed']),
  encoding: z.string(),
  delimiter: z.string(),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  rows: z.array(ImportRowResult).describe('Per-row results; in a finished job, only rows with errors'),
  createdAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;
export const ImportIdParams = z.object({ id: Uuid });
