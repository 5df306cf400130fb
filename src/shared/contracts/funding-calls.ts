import { z } from 'zod';
import { IsoDateTime, ParamText, Uuid } from './common.ts';

/**
 * Stimulus funds (issue 17): a national or regional funding call, its allocation per municipality
 * (computed from a key such as the population aged 80+, or entered), what each municipality has
 * requisitioned, used on its initiatives (their funding rows linked to the call) and reported, and
 * which municipalities risk having to pay money back.
 */

export const fundingCallStatuses = ['draft', 'open', 'closed'] as const;
export const FundingCallStatus = z.enum(fundingCallStatuses);
export type FundingCallStatus = z.infer<typeof FundingCallStatus>;

export const fundingAllocationKeys = ['population_80_plus', 'entered'] as const;
export const FundingAllocationKey = z.enum(fundingAllocationKeys);
export type FundingAllocationKey = z.infer<typeof FundingAllocationKey>;

/** Where a municipality stands: nothing requisitioned yet, requisitioned, or reported. */
export const allocationStatuses = ['not_requisitioned', 'requisitioned', 'reported'] as const;
export const AllocationStatus = z.enum(allocationStatuses);
export type AllocationStatus = z.infer<typeof AllocationStatus>;

/**
 * Why an allocation is at risk (`funding-risk.ts` defines each):
 * - `requisition_missed`: the requisition deadline passed and nothing was requisitioned (the money lapses);
 * - `report_missed`: the reporting deadline passed without a report (all requisitioned money may be reclaimed);
 * - `underspent`: reported, or past the reporting deadline, with less used than requisitioned (the rest may be reclaimed).
 */
export const riskReasons = ['requisition_missed', 'report_missed', 'underspent'] as const;
export const RiskReason = z.enum(riskReasons);
export type RiskReason = z.infer<typeof RiskReason>;

const IsoDate = z.iso.date();
const Sek = z
  .number('number_out_of_range')
  .int('cost_whole_kronor')
  .min(0, 'negative')
  .max(1_000_000_000_000);
const MunicipalityCode = ParamText.regex(/^\d{4}$/, 'municipality_code');
const Named = z.object({ id: Uuid, name: z.string() });
const Org = Named.extend({ kind: z.string() });

// --- Calls -------------------------------------------------------------------------------------------

const callText = {
  title: z.string().trim().min(3, 'min_three_chars').max(200),
  description: z.string().trim().max(4000).nullable().optional(),
};

const deadlinesInOrder = (c: { requisitionDeadline?: string; reportingDeadline?: string }) =>
  !c.requisitionDeadline || !c.reportingDeadline || c.reportingDeadline >= c.requisitionDeadline;
const deadlineOrder = { message: 'reporting_before_requisition', path: ['reportingDeadline'] };

export const CreateFundingCall = z
  .object({
    scopeOrganisationId: Uuid.describe(
      'The nation (a national call covering every municipality) or a region (its municipalities); the call is owned there',
    ),
    ...callText,
    year: z.number().int().min(2000).max(2100),
    totalSek: Sek.describe('The whole sum to distribute, in whole kronor'),
    allocationKey: FundingAllocationKey,
    requisitionDeadline: IsoDate,
    reportingDeadline: IsoDate,
  })
  .refine(deadlinesInOrder, deadlineOrder);
export type CreateFundingCall = z.infer<typeof CreateFundingCall>;

export const UpdateFundingCall = z
  .object({
    ...callText,
    title: callText.title.optional(),
    status: FundingCallStatus.optional().describe('open lets municipalities requisition; closed stops it'),
    requisitionDeadline: IsoDate.optional(),
    reportingDeadline: IsoDate.optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'nothing_to_change' })
  .refine(deadlinesInOrder, deadlineOrder);
export type UpdateFundingCall = z.infer<typeof UpdateFundingCall>;

export const FundingCallSummary = z.object({
  id: Uuid,
  title: z.string(),
  year: z.number().int(),
  totalSek: z.number(),
  allocationKey: FundingAllocationKey,
  status: FundingCallStatus,
  requisitionDeadline: IsoDate,
  reportingDeadline: IsoDate,
  owner: Org,
  scope: Org,
});
export type FundingCallSummary = z.infer<typeof FundingCallSummary>;

export const FundingCallList = z.object({
  items: z.array(FundingCallSummary),
  /** Where the caller may create a call (the nation, her regions). */
  canCreateAt: z.array(Org),
});
export type FundingCallList = z.infer<typeof FundingCallList>;

export const FundingCallView = FundingCallSummary.extend({
  description: z.string().nullable(),
  allocatedSek: z.number(),
  /** The caller owns the call: opens and closes it, sets deadlines and allocations. */
  canManage: z.boolean(),
  createdAt: IsoDateTime,
});
export type FundingCallView = z.infer<typeof FundingCallView>;

export const FundingCallParams = z.object({ id: Uuid });
export const FundingAllocationParams = z.object({ id: Uuid, code: MunicipalityCode });

// --- Allocations -------------------------------------------------------------------------------------

export const LinkedFunding = z.object({
  id: Uuid,
  initiative: Named,
  year: z.number().int(),
  grantedSek: z.number(),
  usedSek: z.number(),
  note: z.string().nullable(),
});
export type LinkedFunding = z.infer<typeof LinkedFunding>;

export const AllocationRow = z.object({
  municipality: Named.extend({ code: z.string() }),
  keyValue: z.number().int().nullable(),
  allocatedSek: z.number(),
  requisitionedSek: z.number(),
  requisitionedAt: IsoDateTime.nullable(),
  usedSek: z
    .number()
    .describe("The sum of used_sek of the municipality's initiative funding rows linked to the call"),
  reportedAt: IsoDateTime.nullable(),
  status: AllocationStatus,
  atRisk: z.boolean(),
  riskReasons: z.array(RiskReason),
  /** Money already paid out that may have to be paid back (report missing: all of it; underspent: the rest). */
  repaymentRiskSek: z.number(),
  /** The caller is the municipality's coordinator and may requisition now. */
  canRequisition: z.boolean(),
  /** The caller may report for the municipality now (something is requisitioned). */
  canReport: z.boolean(),
});
export type AllocationRow = z.infer<typeof AllocationRow>;

export const AllocationTotals = z.object({
  municipalities: z.number().int(),
  allocatedSek: z.number(),
  requisitionedSek: z.number(),
  usedSek: z.number(),
  reported: z.number().int(),
  atRisk: z.number().int(),
  repaymentRiskSek: z.number(),
});

export const AllocationOverview = z.object({
  callId: Uuid,
  /** owner: every municipality of the call; region: those of the caller's regions or associations; own: her municipality's. */
  view: z.enum(['owner', 'region', 'own']),
  today: IsoDate,
  rows: z.array(AllocationRow),
  totals: AllocationTotals,
});
export type AllocationOverview = z.infer<typeof AllocationOverview>;

export const AllocationDetail = AllocationRow.extend({
  reportText: z.string().nullable(),
  linkedFunding: z.array(LinkedFunding),
});
export type AllocationDetail = z.infer<typeof AllocationDetail>;

export const MAX_ALLOCATIONS = 400;

export const SetAllocations = z.object({
  allocations: z
    .array(
      z.object({
        municipalityCode: MunicipalityCode,
        allocatedSek: Sek,
        keyValue: z.number().int().min(0, 'negative').max(100_000_000).nullable().optional(),
      }),
    )
    .max(MAX_ALLOCATIONS, 'too_many'),
});
export type SetAllocations = z.infer<typeof SetAllocations>;

export const KeyUploadQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: compute and list the allocations and errors, write nothing'),
});

/** The columns of a key file, as the errors name them. */
export const keyColumns = ['municipality', 'keyValue'] as const;
export const KeyColumn = z.enum(keyColumns);

export const KeyPreview = z.object({
  totalSek: z.number(),
  keyTotal: z.number(),
  rows: z.array(
    z.object({
      line: z.number().int(),
      municipality: Named.extend({ code: z.string() }),
      keyValue: z.number().int(),
      allocatedSek: z.number(),
    }),
  ),
  errors: z.array(
    z.object({
      line: z.number().int(),
      column: KeyColumn,
      /** The column's header as written in the file. */
      header: z.string().nullable(),
      value: z.string().nullable(),
      code: z.string(),
    }),
  ),
  /** The allocations were written (not a dry run, no errors). */
  saved: z.boolean(),
});
export type KeyPreview = z.infer<typeof KeyPreview>;

export const Requisition = z.object({
  amountSek: Sek.min(1, 'not_positive').describe(
    'What the municipality requisitions, at most its allocation',
  ),
});
export type Requisition = z.infer<typeof Requisition>;

export const FundingReport = z.object({
  text: z.string().trim().min(10, 'min_ten_chars').max(8000),
});
export type FundingReport = z.infer<typeof FundingReport>;

// --- Linking an initiative's funding rows ------------------------------------------------------------

export const LinkableCallsQuery = z.object({
  initiativeId: Uuid.describe('The initiative whose stimulus funding rows are to be linked'),
});

/** A call an initiative's funding row may come from, and which of its municipalities have money in it. */
export const LinkableCall = z.object({
  id: Uuid,
  title: z.string(),
  year: z.number().int(),
  status: FundingCallStatus,
  /** The initiative's municipalities (owner or participants) with an allocation in the call. */
  municipalities: z.array(Named.extend({ code: z.string() })),
});
export type LinkableCall = z.infer<typeof LinkableCall>;
export const LinkableCalls = z.object({ items: z.array(LinkableCall) });
export type LinkableCalls = z.infer<typeof LinkableCalls>;
