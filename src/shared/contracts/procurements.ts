import { z } from 'zod';
import { IsoDateTime, ParamText, page, Uuid } from './common.ts';

/**
 * Joint procurements (issue 17): led by a region, an association or a municipality for one technology;
 * invited municipalities confirm with their decision date and a signed power of attorney; eight phases
 * with dates and a checklist each; a requirement specification from the library; links to initiatives
 * and to needs in the backlog; the resulting contract written into each confirmed participant's register.
 */

export const procurementPhases = [
  'needs_analysis',
  'market_dialogue',
  'requirements',
  'tender_published',
  'evaluation',
  'award',
  'contract_signed',
  'call_offs',
] as const;
export const ProcurementPhase = z.enum(procurementPhases);
export type ProcurementPhase = z.infer<typeof ProcurementPhase>;

export const procurementStatuses = ['active', 'completed', 'cancelled'] as const;
export const ProcurementStatus = z.enum(procurementStatuses);
export type ProcurementStatus = z.infer<typeof ProcurementStatus>;

export const participantStatuses = ['invited', 'confirmed', 'declined', 'withdrawn'] as const;
export const ParticipantStatus = z.enum(participantStatuses);
export type ParticipantStatus = z.infer<typeof ParticipantStatus>;

const IsoDate = z.iso.date();
export const MunicipalityCode = ParamText.regex(/^\d{4}$/, 'municipality_code');
const TechnologyKey = ParamText.regex(/^[a-z0-9-]{1,80}$/);
const Named = z.object({ id: Uuid, name: z.string() });
const Municipality = z.object({ id: Uuid, code: z.string(), name: z.string() });
export const PROCUREMENT_MAX_PARTICIPANTS = 300;

// --- Requests ---------------------------------------------------------------------------------------

const MunicipalityCodes = z
  .array(MunicipalityCode)
  .max(PROCUREMENT_MAX_PARTICIPANTS)
  .describe('SCB codes of the municipalities to invite');

export const CreateProcurement = z.strictObject({
  leadOrganisationId: Uuid.describe(
    'The region, association or municipality leading it: one the caller coordinates',
  ),
  technologyKey: TechnologyKey.describe('A technology of the catalogue'),
  title: z.string().trim().min(3, 'min_three_chars').max(200),
  description: z.string().trim().max(4000).optional(),
  municipalityCodes: MunicipalityCodes,
});
export type CreateProcurement = z.infer<typeof CreateProcurement>;

export const PhaseDates = z.strictObject({
  phase: ProcurementPhase,
  plannedStart: IsoDate.nullable(),
  plannedEnd: IsoDate.nullable(),
});
export type PhaseDates = z.infer<typeof PhaseDates>;

export const UpdateProcurement = z.strictObject({
  version: z.number().int().min(1).describe('The version read: a newer one saved meanwhile gives 409'),
  title: z.string().trim().min(3, 'min_three_chars').max(200).optional(),
  description: z.string().trim().max(4000).nullable().optional(),
  phase: ProcurementPhase.optional().describe(
    'Moving forward records today as the end of every earlier phase not yet ended; moving back needs a reason',
  ),
  reason: z
    .string()
    .trim()
    .min(3, 'min_three_chars')
    .max(1000)
    .optional()
    .describe('Why the phase moves back'),
  status: ProcurementStatus.optional(),
  awardedSupplierId: Uuid.nullable().optional(),
  phases: z.array(PhaseDates).max(8).optional().describe('Planned dates of the phases named'),
});
export type UpdateProcurement = z.infer<typeof UpdateProcurement>;

export const InviteParticipants = z.strictObject({ municipalityCodes: MunicipalityCodes.min(1) });
export type InviteParticipants = z.infer<typeof InviteParticipants>;

/** The fields of the multipart confirm request (the signed power of attorney is its `file`). */
export const RespondToInvitation = z
  .strictObject({
    decision: z.enum(['confirmed', 'declined']),
    decisionOn: IsoDate.optional().describe('The date of the municipality’s decision to take part'),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'confirmed' && !v.decisionOn)
      ctx.addIssue({ code: 'custom', path: ['decisionOn'], message: 'required' });
  });
export type RespondToInvitation = z.infer<typeof RespondToInvitation>;

export const AddChecklistItem = z.strictObject({
  phase: ProcurementPhase,
  label: z.string().trim().min(3, 'min_three_chars').max(300),
});
export type AddChecklistItem = z.infer<typeof AddChecklistItem>;

export const TickChecklistItem = z.strictObject({ done: z.boolean() });
export type TickChecklistItem = z.infer<typeof TickChecklistItem>;

export const LinkSpecification = z.strictObject({
  specificationId: Uuid.describe('A specification the lead organisation owns'),
});
export type LinkSpecification = z.infer<typeof LinkSpecification>;

export const ProcurementLinks = z.strictObject({
  initiativeIds: z.array(Uuid).max(50),
  needIds: z.array(Uuid).max(50),
});
export type ProcurementLinks = z.infer<typeof ProcurementLinks>;

export const ProcurementParams = z.object({ id: Uuid });
export const ParticipantParams = z.object({ id: Uuid, code: MunicipalityCode });
export const ChecklistItemParams = z.object({ id: Uuid, itemId: Uuid });
export const ProcurementDocumentParams = z.object({ id: Uuid, documentId: Uuid });

export const ProcurementListQuery = z.object({
  status: ProcurementStatus.optional(),
  phase: ProcurementPhase.optional(),
  technology: TechnologyKey.optional(),
  side: z.enum(['lead', 'participant']).optional().describe('Only those the caller leads, or takes part in'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: ParamText.max(200).optional(),
});
export type ProcurementListQuery = z.infer<typeof ProcurementListQuery>;

// --- Responses --------------------------------------------------------------------------------------

export const ProcurementSummary = z.object({
  id: Uuid,
  title: z.string(),
  lead: Named.extend({ kind: z.string() }),
  technology: z.object({ key: z.string(), name: z.string() }),
  phase: ProcurementPhase,
  status: ProcurementStatus,
  participantCount: z.number().int(),
  confirmedCount: z.number().int(),
  updatedAt: IsoDateTime,
});
export type ProcurementSummary = z.infer<typeof ProcurementSummary>;
export const ProcurementList = page(ProcurementSummary);
export type ProcurementList = z.infer<typeof ProcurementList>;

export const ChecklistItem = z.object({
  id: Uuid,
  label: z.string(),
  done: z.boolean(),
  doneAt: IsoDateTime.nullable(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ProcurementPhaseView = z.object({
  phase: ProcurementPhase,
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  completedOn: z.string().nullable(),
  checklist: z.array(ChecklistItem),
});
export type ProcurementPhaseView = z.infer<typeof ProcurementPhaseView>;

export const Participant = z.object({
  municipality: Municipality,
  status: ParticipantStatus,
  invitedAt: IsoDateTime,
  decisionOn: z.string().nullable(),
  powerOfAttorney: z
    .object({ id: Uuid, fileName: z.string() })
    .nullable()
    .describe('Only for the municipality, its region, its associations and the lead'),
  /** The caller is a coordinator of this municipality and may confirm or decline. */
  canRespond: z.boolean(),
});
export type Participant = z.infer<typeof Participant>;

export const ResultingContract = z.object({
  id: Uuid,
  municipality: z.object({ code: z.string(), name: z.string() }),
  supplier: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});

export const ProcurementView = ProcurementSummary.extend({
  description: z.string().nullable(),
  version: z.number().int(),
  awardedSupplier: Named.nullable(),
  phases: z.array(ProcurementPhaseView).describe('The eight phases in order'),
  participants: z.array(Participant),
  specification: z.object({ id: Uuid, title: z.string(), itemCount: z.number().int() }).nullable(),
  initiatives: z.array(z.object({ id: Uuid, title: z.string() })),
  needs: z.array(z.object({ id: Uuid, title: z.string() })),
  contracts: z.array(ResultingContract),
  /** The caller coordinates the lead organisation and may change it. */
  canLead: z.boolean(),
  /** Municipalities the lead may still invite (only for the lead). */
  invitable: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type ProcurementView = z.infer<typeof ProcurementView>;
