import { z } from 'zod';
import { IsoDateTime, PageQuery, ParamText, page, Uuid } from './common.ts';
import { SupportNeedKey } from './initiatives.ts';

/**
 * Support from the region (issue 17): offers a region or an association publishes, mapped to the four
 * support needs of the maturity template, and requests a municipality's coordinators send it, answered
 * in a thread both sides read.
 */

export const supportOfferKinds = [
  'advice',
  'procurement_help',
  'training',
  'stimulus_application',
  'evaluation',
] as const;
export const SupportOfferKind = z.enum(supportOfferKinds);
export type SupportOfferKind = z.infer<typeof SupportOfferKind>;

export const supportOfferStatuses = ['active', 'closed'] as const;
export const SupportOfferStatus = z.enum(supportOfferStatuses);

export const supportRequestStatuses = ['new', 'assigned', 'answered', 'waiting', 'closed'] as const;
export const SupportRequestStatus = z.enum(supportRequestStatuses);
export type SupportRequestStatus = z.infer<typeof SupportRequestStatus>;

export const supportUrgencies = ['low', 'normal', 'high'] as const;
export const SupportUrgency = z.enum(supportUrgencies);
export type SupportUrgency = z.infer<typeof SupportUrgency>;

export const SUPPORT_MAX_TECHNOLOGIES = 10;
export const SUPPORT_MAX_ATTACHMENTS = 10;

const MunicipalityCode = ParamText.regex(/^\d{4}$/, 'municipality_code');
const TechnologyKey = ParamText.regex(/^[a-z0-9-]{1,80}$/);
const Named = z.object({ id: Uuid, name: z.string() });

// --- Offers ----------------------------------------------------------------------------------------

const offerFields = {
  title: z.string().trim().min(3, 'min_three_chars').max(200),
  description: z.string().trim().min(10, 'min_ten_chars').max(4000),
  kind: SupportOfferKind,
  need: SupportNeedKey,
  responseDays: z
    .number('response_days_range')
    .int('response_days_range')
    .min(1, 'response_days_range')
    .max(60, 'response_days_range')
    .describe('A first answer within this many working days (Monday–Friday)'),
  status: SupportOfferStatus.default('active'),
};

export const CreateSupportOffer = z.object({
  providerOrganisationId: Uuid.describe('The region or association offering the support'),
  ...offerFields,
});
export type CreateSupportOffer = z.infer<typeof CreateSupportOffer>;
export const UpdateSupportOffer = z.object(offerFields);
export type UpdateSupportOffer = z.infer<typeof UpdateSupportOffer>;

export const SupportOffer = z.object({
  id: Uuid,
  provider: Named.extend({ kind: z.string() }),
  title: z.string(),
  description: z.string(),
  kind: SupportOfferKind,
  need: SupportNeedKey,
  responseDays: z.number().int(),
  status: SupportOfferStatus,
  /** The caller publishes for the provider and may change the offer. */
  canEdit: z.boolean(),
});
export type SupportOffer = z.infer<typeof SupportOffer>;

export const SupportOfferListQuery = z.object({
  municipality: MunicipalityCode.optional().describe(
    'Only offers of the regions and associations this municipality may ask',
  ),
  provider: Uuid.optional(),
  need: SupportNeedKey.optional(),
  status: SupportOfferStatus.optional(),
});
export const SupportOfferList = z.object({
  items: z.array(SupportOffer),
  /** The regions and associations the caller publishes for (empty for municipalities). */
  providers: z.array(Named),
  /** With `municipality`: the region and associations it may ask, offers or not. */
  askable: z.array(Named),
});
export type SupportOfferList = z.infer<typeof SupportOfferList>;

// --- Requests --------------------------------------------------------------------------------------

export const CreateSupportRequest = z
  .object({
    municipalityCode: MunicipalityCode.describe('The municipality asking: the caller coordinates it'),
    providerOrganisationId: Uuid.describe("The municipality's region or one of its associations"),
    offerId: Uuid.nullable().optional(),
    need: SupportNeedKey.nullable().optional().describe("The offer's need when an offer is chosen"),
    subject: z.string().trim().min(3, 'min_three_chars').max(200),
    body: z.string().trim().min(10, 'min_ten_chars').max(8000),
    technologyKeys: z.array(TechnologyKey).max(SUPPORT_MAX_TECHNOLOGIES).default([]),
    urgency: SupportUrgency.default('normal'),
  })
  .refine((r) => Boolean(r.offerId || r.need), { message: 'need_or_offer', path: ['need'] });
export type CreateSupportRequest = z.infer<typeof CreateSupportRequest>;

export const SupportRequestListQuery = PageQuery.extend({
  status: SupportRequestStatus.optional(),
  municipality: MunicipalityCode.optional(),
  provider: Uuid.optional(),
  offer: Uuid.optional(),
  need: SupportNeedKey.optional(),
  /** Requests assigned to the caller (the provider's own queue). */
  mine: z.enum(['true', 'false']).optional(),
});
export type SupportRequestListQuery = z.infer<typeof SupportRequestListQuery>;

export const SupportRequestSummary = z.object({
  id: Uuid,
  subject: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  provider: Named,
  offer: z.object({ id: Uuid, title: z.string(), responseDays: z.number().int() }).nullable(),
  need: SupportNeedKey,
  urgency: SupportUrgency,
  status: SupportRequestStatus,
  assignee: Named.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  firstAnswerAt: IsoDateTime.nullable(),
  /** The municipality has an answer it has not opened yet. */
  unread: z.boolean(),
});
export type SupportRequestSummary = z.infer<typeof SupportRequestSummary>;
export const SupportRequestList = page(SupportRequestSummary);

export const SupportEventKind = z.enum(['message', 'assigned', 'status']);
export const SupportSideSchema = z.enum(['municipality', 'provider']);

export const SupportRequestEvent = z.object({
  id: Uuid,
  kind: SupportEventKind,
  side: SupportSideSchema,
  body: z.string().nullable(),
  status: SupportRequestStatus.nullable(),
  assignee: Named.nullable(),
  author: z.string().nullable(),
  at: IsoDateTime,
});
export type SupportRequestEvent = z.infer<typeof SupportRequestEvent>;

export const SupportAttachment = z.object({
  id: Uuid,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
});

export const SupportRequestView = SupportRequestSummary.extend({
  body: z.string(),
  technologies: z.array(z.object({ key: z.string(), name: z.string() })),
  attachments: z.array(SupportAttachment),
  events: z.array(SupportRequestEvent),
  side: SupportSideSchema,
  /** The caller may write in the thread (either side, until it is closed). */
  canWrite: z.boolean(),
  /** The caller handles it for the provider: assign, change status, close. */
  canManage: z.boolean(),
  /** The provider's coordinators it may be assigned to (only for those who manage it). */
  assignees: z.array(Named),
});
export type SupportRequestView = z.infer<typeof SupportRequestView>;

export const UpdateSupportRequest = z
  .object({
    assigneeId: Uuid.nullable().optional().describe("One of the provider's coordinators, or null"),
    status: SupportRequestStatus.optional(),
  })
  .refine((u) => u.assigneeId !== undefined || u.status !== undefined, {
    message: 'nothing_to_change',
    path: ['status'],
  });
export type UpdateSupportRequest = z.infer<typeof UpdateSupportRequest>;

export const PostSupportMessage = z.object({
  body: z.string().trim().min(1).max(8000),
});

export const SupportIdParams = z.object({ id: Uuid });
export const SupportAttachmentParams = SupportIdParams.extend({ attachmentId: Uuid });

// --- Report ----------------------------------------------------------------------------------------

export const SupportReportQuery = z.object({
  region: ParamText.regex(/^\d{2}$/)
    .optional()
    .describe('County code of the region, e.g. 20 for Dalarna'),
  association: Uuid.optional().describe('An association of municipalities'),
  lang: z.enum(['sv', 'en']).optional(),
});
export const SupportReportExportQuery = SupportReportQuery.extend({ format: z.enum(['csv', 'xlsx']) });

export const SupportReport = z.object({
  provider: Named.extend({ kind: z.string() }),
  /** Requests per municipality, need and month (YYYY-MM of the request). */
  rows: z.array(
    z.object({
      municipality: z.object({ code: z.string(), name: z.string() }),
      need: SupportNeedKey,
      month: z.string(),
      requests: z.number().int(),
    }),
  ),
  /** Per offer (and requests without one): median working days to the first answer against the target. */
  offers: z.array(
    z.object({
      offer: z.object({ id: Uuid, title: z.string(), responseDays: z.number().int() }).nullable(),
      requests: z.number().int(),
      answered: z.number().int(),
      medianDays: z.number().nullable(),
      withinTarget: z.number().int(),
    }),
  ),
});
export type SupportReport = z.infer<typeof SupportReport>;

/**
 * For the maturity results: each support need with the offers open to the municipality and its requests,
 * in the order of the municipality's ranking on its submitted sheet (of `round`, else its latest).
 */
export const SupportNeedLinksQuery = z.object({ municipality: MunicipalityCode, round: Uuid.optional() });
export const SupportNeedLinks = z.object({
  items: z.array(
    z.object({
      need: SupportNeedKey,
      /** The municipality's place for it, 1 = most needed; null without a submitted ranking. */
      rank: z.number().int().nullable(),
      offers: z.array(z.object({ id: Uuid, title: z.string(), provider: z.string() })),
      requests: z.array(z.object({ id: Uuid, subject: z.string(), status: SupportRequestStatus })),
    }),
  ),
});
export type SupportNeedLinks = z.infer<typeof SupportNeedLinks>;
