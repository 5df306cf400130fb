import { z } from 'zod';
import { IsoDateTime, PageQuery, ParamText, page, Uuid } from './common.ts';
import { HighlightPart } from './documents.ts';
import { IndicatorType, InitiativePhase } from './initiatives.ts';
import { AdoptionStatus } from './mapping.ts';

/**
 * Cases in the knowledge bank (kunskapsbank) and "who has done this?" (issue 8). A case is written by a
 * municipality's coordinators, reviewed and published by a regional or national editor.
 */

export const caseStatuses = ['draft', 'submitted', 'published', 'returned', 'withdrawn'] as const;
export const CaseStatus = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** Socialstyrelsen's municipality size bands (inhabitants). */
export const sizeBands = ['lt10k', '10k_20k', '20k_50k', '50k_100k', 'gt100k'] as const;
export const SizeBand = z.enum(sizeBands);
export type SizeBand = z.infer<typeof SizeBand>;

export const serviceAreas = ['home_care', 'residential', 'both', 'other'] as const;
export const ServiceArea = z.enum(serviceAreas);
export type ServiceArea = z.infer<typeof ServiceArea>;

export const CASE_MAX_ATTACHMENTS = 10;
export const CASE_MAX_TECHNOLOGIES = 10;
export const CASE_MAX_INDICATORS = 20;

/** Attachments: the document types plus photos and screenshots, recognised by content. */
export const caseAttachmentTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
  jpg: 'image/jpeg',
} as const;

const TechnologyKey = ParamText.regex(/^[a-z0-9-]{1,80}$/);
const text = (max: number) => z.string().trim().max(max).nullable().optional();

/** What an author writes; the municipality is chosen when the draft is created and never changes. */
const caseFieldShape = {
  // Own codes, so that the form and the API both say what is wanted, not just "too short".
  title: z.string().trim().min(3, 'min_three_chars').max(200),
  summary: z.string().trim().min(10, 'min_ten_chars').max(2000),
  context: text(4000).describe('The setting: size, organisation, service area'),
  sizeBand: SizeBand.nullable().optional(),
  serviceArea: ServiceArea.nullable().optional(),
  phaseReached: InitiativePhase,
  whatWasDone: text(8000),
  results: text(8000),
  lessons: text(8000),
  costs: text(4000),
  costSek: z
    .number('cost_whole_kronor')
    .int('cost_whole_kronor')
    .min(0, 'cost_whole_kronor')
    .max(1_000_000_000_000)
    .nullable()
    .optional(),
  technologyKeys: z.array(TechnologyKey).min(1, 'choose_technology').max(CASE_MAX_TECHNOLOGIES),
  indicatorIds: z.array(Uuid).max(CASE_MAX_INDICATORS).default([]),
  initiativeId: Uuid.nullable().optional(),
  contactName: text(200),
  contactTitle: text(200),
  contactEmail: z.email().max(254).nullable().optional(),
  contactPhone: text(40),
  contactConsent: z
    .boolean()
    .default(false)
    .describe('The contact person agreed to be shown to every signed-in user and to be contacted'),
};

/** A consenting contact needs a name and an e-mail address to be of use. */
const consentNeedsContact = (c: {
  contactConsent: boolean;
  contactName?: string | null;
  contactEmail?: string | null;
}) => !c.contactConsent || Boolean(c.contactName && c.contactEmail);
const contactRule = { message: 'contact_required', path: ['contactName'] };

export const CaseFields = z.object(caseFieldShape).refine(consentNeedsContact, contactRule);
export type CaseFields = z.input<typeof CaseFields>;
export type CaseFieldsParsed = z.infer<typeof CaseFields>;

export const CreateCase = z
  .object({ municipalityCode: z.string().regex(/^\d{4}$/), ...caseFieldShape })
  .refine(consentNeedsContact, contactRule);
export type CreateCase = z.input<typeof CreateCase>;

export const CaseIdParams = z.object({ id: Uuid });
export const AttachmentParams = z.object({ id: Uuid, attachmentId: Uuid });
export const ReturnCase = z.object({ note: z.string().trim().min(3, 'min_three_chars').max(2000) });
export const ContactCase = z.object({ message: z.string().trim().min(10, 'min_ten_chars').max(4000) });

export const CaseMunicipality = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  countyCode: z.string(),
  /** One of SKR's model municipalities: highlighted. */
  isModel: z.boolean(),
});
export const CaseTechnology = z.object({ key: z.string(), name: z.string() });

export const CaseSummary = z.object({
  id: Uuid,
  title: z.string(),
  summary: z.string(),
  municipality: CaseMunicipality,
  technologies: z.array(CaseTechnology),
  phaseReached: InitiativePhase,
  sizeBand: SizeBand.nullable(),
  serviceArea: ServiceArea.nullable(),
  status: CaseStatus,
  isDemo: z.boolean(),
  /** A consenting contact person can be asked (never the contact's details in lists). */
  hasContact: z.boolean(),
  publishedAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime,
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseContact = z.object({
  name: z.string(),
  title: z.string().nullable(),
  email: z.string(),
  phone: z.string().nullable(),
});
export type CaseContact = z.infer<typeof CaseContact>;

export const CaseIndicatorResult = z.object({
  id: Uuid,
  name: z.string(),
  type: IndicatorType,
  unit: z.string(),
  direction: z.enum(['increase', 'decrease']),
  baselineValue: z.number(),
  baselineOn: z.string(),
  targetValue: z.number().nullable(),
  targetOn: z.string().nullable(),
  latest: z.object({ value: z.number(), measuredOn: z.string() }).nullable(),
});
export type CaseIndicatorResult = z.infer<typeof CaseIndicatorResult>;

export const CaseAttachment = z.object({
  id: Uuid,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: IsoDateTime,
});
export type CaseAttachment = z.infer<typeof CaseAttachment>;

/** The stored contact fields, for the case's authors and reviewers only (they wrote or check them). */
export const CaseEditorFields = z.object({
  contactName: z.string().nullable(),
  contactTitle: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactConsent: z.boolean(),
  reviewNote: z.string().nullable(),
  indicatorIds: z.array(Uuid),
  initiativeId: Uuid.nullable(),
});

export const CaseView = CaseSummary.extend({
  context: z.string().nullable(),
  whatWasDone: z.string().nullable(),
  results: z.string().nullable(),
  lessons: z.string().nullable(),
  costs: z.string().nullable(),
  costSek: z.number().nullable(),
  initiative: z.object({ id: Uuid, title: z.string() }).nullable(),
  indicators: z.array(CaseIndicatorResult),
  attachments: z.array(CaseAttachment),
  /** Only when the contact person consented; null otherwise, for everyone. */
  contact: CaseContact.nullable(),
  /** Null unless the caller authors or reviews the case. */
  editor: CaseEditorFields.nullable(),
  canSubmit: z.boolean(),
  canWithdraw: z.boolean(),
  canContact: z.boolean(),
});
export type CaseView = z.infer<typeof CaseView>;

const filters = {
  technology: TechnologyKey.optional(),
  phase: InitiativePhase.optional(),
  county: ParamText.regex(/^\d{2}$/).optional(),
  municipality: ParamText.regex(/^\d{4}$/).optional(),
  sizeBand: SizeBand.optional(),
  serviceArea: ServiceArea.optional(),
};
export type CaseFilters = {
  [K in keyof typeof filters]?: z.infer<(typeof filters)[K]> | undefined;
};

export const CaseListQuery = PageQuery.extend({
  ...filters,
  status: CaseStatus.optional().describe('`submitted` is the review queue of a regional editor'),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;
export const CaseList = page(CaseSummary);
export type CaseList = z.infer<typeof CaseList>;

export const CaseSearchQuery = z.object({
  q: ParamText.trim().min(2).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  ...filters,
});
export type CaseSearchQuery = z.infer<typeof CaseSearchQuery>;
export const CaseSearchHit = z.object({
  case: CaseSummary,
  rank: z.number(),
  title: z.array(HighlightPart),
  snippet: z.array(HighlightPart),
});
export type CaseSearchHit = z.infer<typeof CaseSearchHit>;
export const CaseSearchResult = z.object({ items: z.array(CaseSearchHit) });
export type CaseSearchResult = z.infer<typeof CaseSearchResult>;

export const WhoParams = z.object({
  key: ParamText.regex(/^[a-z0-9-]{1,80}$/).describe('Technology key or id'),
});
export const WhoQuery = z.object({
  from: ParamText.regex(/^\d{4}$/)
    .optional()
    .describe("Municipality code to measure from; the caller's own municipality by default"),
});

export const WhoMunicipality = z.object({
  municipality: CaseMunicipality,
  status: AdoptionStatus.nullable(),
  since: z.string().nullable(),
  usersServed: z.number().int().nullable(),
  /** Straight-line distance between municipality centres; null without a starting point. */
  distanceKm: z.number().nullable(),
  cases: z.array(z.object({ id: Uuid, title: z.string(), publishedAt: IsoDateTime.nullable() })),
  contacts: z.array(CaseContact.extend({ caseId: Uuid })),
});
export type WhoMunicipality = z.infer<typeof WhoMunicipality>;

export const WhoHasDoneThis = z.object({
  technology: CaseTechnology.extend({ id: Uuid }),
  from: z.object({ code: z.string(), name: z.string() }).nullable(),
  items: z.array(WhoMunicipality),
});
export type WhoHasDoneThis = z.infer<typeof WhoHasDoneThis>;

/** What an author may link a case to: the municipality's own initiatives and their benefit indicators. */
export const LinkChoicesQuery = z.object({ municipality: ParamText.regex(/^\d{4}$/) });
export const CaseLinkChoices = z.object({
  initiatives: z.array(
    z.object({
      id: Uuid,
      title: z.string(),
      indicators: z.array(z.object({ id: Uuid, name: z.string(), unit: z.string() })),
    }),
  ),
});
export type CaseLinkChoices = z.infer<typeof CaseLinkChoices>;
