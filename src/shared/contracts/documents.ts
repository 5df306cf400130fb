import { z } from 'zod';
import { IsoDateTime, PageQuery, ParamText, page, Uuid, WebUrl } from './common.ts';
import { OrganisationKind } from './organisations.ts';

export const documentKinds = [
  'policy',
  'strategy',
  'action_plan',
  'guideline',
  'routine',
  'mission_statement',
  'report',
  'other',
] as const;
export const DocumentKind = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const documentLevels = ['local', 'regional', 'national'] as const;
export const DocumentLevel = z.enum(documentLevels);
export type DocumentLevel = z.infer<typeof DocumentLevel>;

/** `adopted` means in force; `replaced` and `expired` are kept for history and still searchable. */
export const documentStatuses = ['draft', 'adopted', 'under_revision', 'expired', 'replaced'] as const;
export const DocumentStatus = z.enum(documentStatuses);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

/** The file types a document may have, told apart by their content (never by name). */
export const documentFileTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
} as const;
export type DocumentFileExt = keyof typeof documentFileTypes;

/** Largest file accepted; the UI states it and the server refuses anything larger with a 413. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_MAX_MB = DOCUMENT_MAX_BYTES / (1024 * 1024);

/** Free-text focus areas (e.g. "trygghet", "digital tillsyn"), a few per document. */
export const MAX_FOCUS_AREAS = 12;
const FocusArea = z.string().trim().min(1).max(80);

const IsoDay = z.iso.date();
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Everything a coordinator records about a document; the file is sent beside it (multipart `file`). */
export const DocumentFields = z
  .object({
    title: z.string().trim().min(1).max(300),
    kind: DocumentKind,
    level: DocumentLevel,
    ownerOrganisationId: Uuid,
    status: DocumentStatus,
    adoptedOn: IsoDay.nullable().optional(),
    validUntil: IsoDay.nullable().optional(),
    reviewOn: IsoDay.nullable().optional().describe('When the owner should review it; reminders follow'),
    focusAreas: z.array(FocusArea).max(MAX_FOCUS_AREAS).default([]),
    summary: optionalText(4000),
    url: WebUrl.nullable().optional().describe('Where the document is published, if anywhere'),
  })
  .refine((d) => !d.adoptedOn || !d.validUntil || d.validUntil >= d.adoptedOn, {
    message: 'ends_before_start',
    path: ['validUntil'],
  });
export type DocumentFields = z.infer<typeof DocumentFields>;
export type DocumentFieldName = keyof DocumentFields;
export const documentFieldNames = [
  'title',
  'kind',
  'level',
  'ownerOrganisationId',
  'status',
  'adoptedOn',
  'validUntil',
  'reviewOn',
  'focusAreas',
  'summary',
  'url',
] as const satisfies readonly DocumentFieldName[];

export const DocumentIdParams = z.object({ id: Uuid });

export const DocumentOwner = z.object({
  id: Uuid,
  name: z.string(),
  kind: OrganisationKind,
  code: z.string().nullable(),
});
export type DocumentOwner = z.infer<typeof DocumentOwner>;

export const DocumentFileInfo = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: IsoDateTime,
});

export const GoverningDocument = z.object({
  id: Uuid,
  title: z.string(),
  kind: DocumentKind,
  level: DocumentLevel,
  status: DocumentStatus,
  owner: DocumentOwner,
  adoptedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  reviewOn: z.string().nullable(),
  /** The review date has passed (by the server's date). */
  reviewDue: z.boolean(),
  focusAreas: z.array(z.string()),
  summary: z.string().nullable(),
  url: z.string().nullable(),
  file: DocumentFileInfo.nullable(),
  /** The caller may change it (document.manage on its owner). */
  canEdit: z.boolean(),
  updatedAt: IsoDateTime,
});
export type GoverningDocument = z.infer<typeof GoverningDocument>;

const filters = {
  level: DocumentLevel.optional(),
  kind: DocumentKind.optional(),
  status: DocumentStatus.optional(),
  owner: Uuid.optional().describe('Owner organisation id'),
  county: ParamText.regex(/^\d{2}$/)
    .optional()
    .describe('County code: documents owned by the region or a municipality in it'),
};

export const DocumentListQuery = PageQuery.extend(filters);
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;
export const DocumentList = page(GoverningDocument);

export const DocumentSearchQuery = z.object({
  q: ParamText.trim().min(2).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  ...filters,
});
export type DocumentSearchQuery = z.infer<typeof DocumentSearchQuery>;

/**
 * Highlighted text as plain parts, so that no client ever has to inject HTML: `hit` parts are the words
 * that matched the query.
 */
export const HighlightPart = z.object({ text: z.string(), hit: z.boolean() });
export type HighlightPart = z.infer<typeof HighlightPart>;

export const DocumentSearchHit = z.object({
  document: GoverningDocument,
  rank: z.number(),
  title: z.array(HighlightPart),
  snippet: z.array(HighlightPart).describe('Passages of the summary and file text around the hits'),
});
export type DocumentSearchHit = z.infer<typeof DocumentSearchHit>;
export const DocumentSearchResult = z.object({ items: z.array(DocumentSearchHit) });
export type DocumentSearchResult = z.infer<typeof DocumentSearchResult>;

export const DocumentItems = z.object({ items: z.array(GoverningDocument) });
export const DocumentOwners = z.object({ items: z.array(DocumentOwner) });
