import { z } from 'zod';
import { IsoDateTime, PageQuery, ParamText, page, Uuid } from './common.ts';

/**
 * A municipality's register of contracts for welfare technology (issue 17). Its own municipal
 * coordinators write it; its region, its associations and national administrators read it. The value
 * and the documents are the municipality's business: only it, its region and its associations see them.
 */

export const procurementForms = ['own', 'joint', 'framework_call_off', 'direct_award'] as const;
export const ProcurementForm = z.enum(procurementForms);
export type ProcurementForm = z.infer<typeof ProcurementForm>;

export const extensionStatuses = ['open', 'exercised', 'declined'] as const;
export const ExtensionStatus = z.enum(extensionStatuses);
export type ExtensionStatus = z.infer<typeof ExtensionStatus>;

export const contractDocumentKinds = ['contract', 'requirement_specification', 'other'] as const;
export const ContractDocumentKind = z.enum(contractDocumentKinds);
export type ContractDocumentKind = z.infer<typeof ContractDocumentKind>;

/** Where a write came from: the form, the Excel import, or a joint procurement's award. */
export type ContractWriteSource = 'form' | 'import' | 'procurement';

export const MAX_CONTRACT_EXTENSIONS = 10;
export const MAX_CONTRACT_TECHNOLOGIES = 20;
export const MAX_CONTRACT_PRODUCTS = 50;

const IsoDate = z.iso.date();
const TechnologyKey = z.string().regex(/^[a-z0-9-]{1,80}$/, 'unknown_technology');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => v || null);

/**
 * `date` plus whole months, as a contract term is counted: the same day of the month, or the month's
 * last day when it has no such day (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

export const ContractExtensionInput = z.object({
  months: z.number().int().min(1).max(120),
  /** The last day the municipality may decide to use the option. */
  decideBy: IsoDate,
  status: ExtensionStatus.default('open'),
});
export type ContractExtensionInput = z.infer<typeof ContractExtensionInput>;

/**
 * The end each option extends, in order: `endsOn` (the end of the current term, which already counts
 * the options used) plus the months of the earlier options still open. Used and declined options
 * extend nothing further, so they get null.
 */
export function extendedEnds(
  endsOn: string,
  extensions: readonly Pick<ContractExtensionInput, 'months' | 'status'>[],
): (string | null)[] {
  let months = 0;
  return extensions.map((e) => {
    if (e.status !== 'open') return null;
    const end = addMonths(endsOn, months);
    months += e.months;
    return end;
  });
}

/** The last possible end: the current end plus every option still open. */
export function finalEnd(
  endsOn: string,
  extensions: readonly Pick<ContractExtensionInput, 'months' | 'status'>[],
): string {
  return addMonths(
    endsOn,
    extensions.reduce((sum, e) => sum + (e.status === 'open' ? e.months : 0), 0),
  );
}

const contractShape = {
  supplierId: Uuid,
  title: z.string().trim().min(1).max(200),
  /** The municipality's own contract number: a re-import of its Excel list updates the same contract. */
  externalRef: optionalText(100),
  procurementForm: ProcurementForm,
  /** The framework agreement called off from (e.g. one of Adda's), when procured that way. */
  frameworkName: optionalText(200),
  startsOn: IsoDate,
  /** The end of the current term; using an extension option moves it. */
  endsOn: IsoDate,
  noticeMonths: z.number().int().min(0).max(60).nullable().optional(),
  annualValueSek: z.number().int().min(0).max(1_000_000_000_000).nullable().optional(),
  /** Catalogue technology keys. */
  technologies: z.array(TechnologyKey).max(MAX_CONTRACT_TECHNOLOGIES).default([]),
  /** Products of the contract's supplier. */
  productIds: z.array(Uuid).max(MAX_CONTRACT_PRODUCTS).default([]),
  /** The options in order: "2 + 1 + 1" is a two-year term and two options of 12 months. */
  extensions: z.array(ContractExtensionInput).max(MAX_CONTRACT_EXTENSIONS).default([]),
  responsibleUserId: Uuid.nullable().optional(),
  notes: optionalText(4000),
};

type ContractFields = z.infer<z.ZodObject<typeof contractShape>>;

/**
 * The rules across fields, each naming the field to correct: the end on or after the start, and each
 * open option decided on or before the end it extends (which is also before the final end).
 */
function checkContract(c: ContractFields, ctx: z.RefinementCtx) {
  if (c.endsOn < c.startsOn) {
    // The end is what to correct: the options are measured from it, so they are not judged yet.
    ctx.addIssue({ code: 'custom', message: 'ends_before_start', path: ['endsOn'], input: c.endsOn });
    return;
  }
  const ends = extendedEnds(c.endsOn, c.extensions);
  c.extensions.forEach((e, i) => {
    const end = ends[i];
    if (end && e.decideBy > end)
      ctx.addIssue({
        code: 'custom',
        message: 'extension_decided_after_end',
        path: ['extensions', i, 'decideBy'],
        input: e.decideBy,
      });
  });
}

/** A contract as its municipality writes it (form, import, procurement): lists replace those held. */
export const ContractInput = z.object(contractShape).superRefine(checkContract);
export type ContractInput = z.infer<typeof ContractInput>;
/** The same, named as the brief calls it (the import and joint procurements use this one). */
export const contractInput = ContractInput;

/** A change carries the version it was made from: a stale one is a 409. */
export const UpdateContract = z
  .object({ ...contractShape, version: z.number().int().min(1) })
  .superRefine(checkContract);
export type UpdateContract = z.infer<typeof UpdateContract>;

export const ContractIdParams = z.object({ id: Uuid });
export const ContractDocumentParams = z.object({ id: Uuid, docId: Uuid });
export const MunicipalityContractsParams = z.object({ code: ParamText.regex(/^\d{4}$/) });

export const ContractListQuery = PageQuery.extend({
  technology: ParamText.regex(/^[a-z0-9-]{1,80}$/, 'unknown_technology').optional(),
  supplier: Uuid.optional(),
  /** Contracts whose current term ends before this day. */
  endingBefore: IsoDate.optional(),
});
export type ContractListQuery = z.infer<typeof ContractListQuery>;

export const ContractDocumentFields = z.object({ kind: ContractDocumentKind });

const Named = z.object({ id: Uuid, name: z.string() });
const TechnologyRef = z.object({ key: z.string(), name: z.string() });

export const ContractExtensionView = z.object({
  position: z.number().int(),
  months: z.number().int(),
  decideBy: z.string(),
  status: ExtensionStatus,
});
export type ContractExtensionView = z.infer<typeof ContractExtensionView>;

export const ContractDocumentView = z.object({
  id: Uuid,
  kind: ContractDocumentKind,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: IsoDateTime,
  uploadedBy: z.string().nullable(),
});
export type ContractDocumentView = z.infer<typeof ContractDocumentView>;

export const ContractSummary = z.object({
  id: Uuid,
  title: z.string(),
  externalRef: z.string().nullable(),
  supplier: Named,
  procurementForm: ProcurementForm,
  technologies: z.array(TechnologyRef),
  startsOn: z.string(),
  endsOn: z.string(),
  /** The earliest decision date of an open extension option, if any. */
  nextDecisionOn: z.string().nullable(),
  /** Null when the reader may not see values (another region, national administration). */
  annualValueSek: z.number().int().nullable(),
});
export type ContractSummary = z.infer<typeof ContractSummary>;

export const ContractView = ContractSummary.extend({
  municipality: z.object({ id: Uuid, code: z.string(), name: z.string() }),
  frameworkName: z.string().nullable(),
  procurementId: Uuid.nullable(),
  noticeMonths: z.number().int().nullable(),
  /** The current end plus every open option. */
  finalEndOn: z.string(),
  products: z.array(Named),
  extensions: z.array(ContractExtensionView),
  responsible: Named.nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Null when the reader may not see the documents. */
  documents: z.array(ContractDocumentView).nullable(),
  canEdit: z.boolean(),
  canSeeValue: z.boolean(),
});
export type ContractView = z.infer<typeof ContractView>;

export const ContractPage = page(ContractSummary).extend({
  municipality: z.object({ id: Uuid, code: z.string(), name: z.string() }),
  canCreate: z.boolean(),
  canSeeValues: z.boolean(),
});

/** Whom the form offers as a contract's responsible person: the municipality's coordinators and managers. */
export const ContractOwnerCandidates = z.object({ items: z.array(Named) });
export type ContractPage = z.infer<typeof ContractPage>;

export const contractHistoryActions = [
  'created',
  'updated',
  'imported',
  'extension_exercised',
  'document_added',
  'document_removed',
] as const;
export const ContractHistoryAction = z.enum(contractHistoryActions);

/** One field's change. Hidden values (the annual value for a reader who may not see it) are null. */
export const FieldChange = z.object({ from: z.unknown(), to: z.unknown() });

export const ContractHistoryEntry = z.object({
  id: Uuid,
  action: ContractHistoryAction,
  changes: z.record(z.string(), FieldChange),
  changedBy: z.string().nullable(),
  changedAt: IsoDateTime,
});
export type ContractHistoryEntry = z.infer<typeof ContractHistoryEntry>;
export const ContractHistory = z.object({ items: z.array(ContractHistoryEntry) });
export type ContractHistory = z.infer<typeof ContractHistory>;
