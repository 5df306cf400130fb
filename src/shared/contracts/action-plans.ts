import { z } from 'zod';
import { ParamText } from './common.ts';
import { FundingSource, IndicatorType, InitiativePhase, InitiativeStatus } from './initiatives.ts';

/**
 * Rolling action plans, the shared needs backlog and the plan- and region-level funding and benefit
 * summaries (issue 7).
 */

const IsoDate = z.iso.date();
const OrgRef = z.object({ id: z.uuid(), name: z.string(), kind: z.string() });

export const CreateActionPlan = z
  .object({
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().max(4000).optional(),
    ownerOrganisationId: z.uuid(),
    /** A steering group (a network of kind `steering_group`) owned within the plan owner's scope. */
    steeringGroupId: z.uuid().optional(),
    periodStart: IsoDate,
    periodEnd: IsoDate,
    focusAreas: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
  })
  .refine((p) => p.periodEnd >= p.periodStart, { message: 'ends_before_starts', path: ['periodEnd'] });
export type CreateActionPlan = z.input<typeof CreateActionPlan>;
const planRevision = z.object({
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(4000).nullable(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  focusAreas: z.array(z.string().trim().min(1).max(120)).max(20),
});
export const UpdateActionPlan = planRevision.partial();
export type UpdateActionPlan = z.infer<typeof UpdateActionPlan>;
/** Every detail revised at once (the edit form), the period in order as when a plan is started. */
export const ActionPlanRevision = planRevision.refine((p) => p.periodEnd >= p.periodStart, {
  message: 'ends_before_starts',
  path: ['periodEnd'],
});

export const ActionPlanSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  owner: OrgRef,
  steeringGroup: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  focusAreas: z.array(z.string()),
  initiativeCount: z.number().int(),
  canEdit: z.boolean(),
});
export type ActionPlanSummary = z.infer<typeof ActionPlanSummary>;
export const ActionPlanList = z.object({ items: z.array(ActionPlanSummary) });

/** `?at=YYYY-MM-DD`: the plan as it stood at the end of that day (Swedish time). */
export const ActionPlanQuery = z.object({ at: IsoDate.optional() });

/** An initiative in the plan, as it was at the requested time. */
export const PlanItem = z.object({
  initiativeId: z.uuid(),
  priority: z.number().int(),
  title: z.string(),
  status: InitiativeStatus,
  phase: InitiativePhase,
  owner: z.object({ id: z.uuid(), name: z.string() }),
  addedAt: z.string(),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const PlanChange = z.object({
  at: z.string(),
  initiativeId: z.uuid(),
  title: z.string(),
  kind: z.enum(['added', 'reprioritised', 'closed']),
  priority: z.number().int().nullable(),
  reason: z.string().nullable(),
  by: z.string().nullable(),
});
export type PlanChange = z.infer<typeof PlanChange>;

export const ActionPlanView = ActionPlanSummary.extend({
  description: z.string().nullable(),
  /** The date asked for, or null for now. */
  at: IsoDate.nullable(),
  items: z.array(PlanItem),
  /** Every change to the plan's list, newest first (up to 200). */
  changes: z.array(PlanChange),
});
export type ActionPlanView = z.infer<typeof ActionPlanView>;

export const AddPlanItem = z.object({
  initiativeId: z.uuid(),
  /** Where to put it; last when left out. Others move down. */
  priority: z.number().int().min(1).max(10_000).optional(),
  reason: z.string().trim().max(1000).optional(),
});
export const UpdatePlanItem = z.object({
  priority: z.number().int().min(1).max(10_000),
  reason: z.string().trim().max(1000).optional(),
});
export const ClosePlanItem = z.object({ reason: ParamText.trim().max(1000).optional() });
export const PlanIdParams = z.object({ id: z.uuid() });
export const PlanItemParams = z.object({ id: z.uuid(), initiativeId: z.uuid() });

// --- Funding and benefit summaries -------------------------------------------------------------------

/** `?region=20` (county code), `?association=<id>` or `?plan=<id>`; national admins may leave all out. */
export const SummaryScopeQuery = z.object({
  region: ParamText.regex(/^\d{2}$/).optional(),
  association: z.uuid().optional(),
  plan: z.uuid().optional(),
});
export type SummaryScopeQuery = z.infer<typeof SummaryScopeQuery>;

const Amounts = z.object({ appliedSek: z.number(), grantedSek: z.number(), usedSek: z.number() });
export const FundingTotals = z.object({
  scope: z.object({ kind: z.string(), name: z.string() }),
  /** One row per source and year. */
  bySourceYear: z.array(Amounts.extend({ source: FundingSource, year: z.number().int() })),
  /** Per municipality taking part (an initiative with several counts for each), for coordinating funds. */
  byMunicipality: z.array(
    Amounts.extend({ code: z.string(), name: z.string(), stimulusGrantedSek: z.number() }),
  ),
  total: Amounts,
  initiativeCount: z.number().int(),
});
export type FundingTotals = z.infer<typeof FundingTotals>;

export const BenefitsSummary = z.object({
  scope: z.object({ kind: z.string(), name: z.string() }),
  byType: z.array(
    z.object({
      type: IndicatorType,
      indicators: z.number().int(),
      withMeasurement: z.number().int(),
      /** How many have reached their target by their latest measurement. */
      onTarget: z.number().int(),
    }),
  ),
  /** Latest measured change from baseline, summed where the unit is SEK per year or hours per year. */
  avoidedCostSekPerYear: z.number(),
  timeSavedHoursPerYear: z.number(),
  indicators: z.array(
    z.object({
      id: z.uuid(),
      initiativeId: z.uuid(),
      initiativeTitle: z.string(),
      name: z.string(),
      type: IndicatorType,
      unit: z.string(),
      baselineValue: z.number(),
      targetValue: z.number().nullable(),
      latestValue: z.number().nullable(),
      latestOn: IsoDate.nullable(),
    }),
  ),
});
export type BenefitsSummary = z.infer<typeof BenefitsSummary>;

// --- The shared needs backlog ------------------------------------------------------------------------

export const needStatuses = ['proposed', 'prioritised', 'declined'] as const;
export const NeedStatus = z.enum(needStatuses);

export const CreateNeed = z.object({
  title: z.string().trim().min(3).max(200),
  problem: z.string().trim().min(10).max(4000),
  affected: z.string().trim().max(2000).optional(),
  desiredOutcome: z.string().trim().max(2000).optional(),
  technologyKey: z.string().max(80).optional(),
  /** The proposing municipality: the caller must be its coordinator. */
  municipalityCode: z.string().regex(/^\d{4}$/),
});
export type CreateNeed = z.infer<typeof CreateNeed>;

export const NeedListQuery = z.object({
  region: ParamText.regex(/^\d{2}$/).optional(),
  status: NeedStatus.optional(),
});

export const Need = z.object({
  id: z.uuid(),
  title: z.string(),
  problem: z.string(),
  affected: z.string().nullable(),
  desiredOutcome: z.string().nullable(),
  technology: z.object({ key: z.string(), name: z.string() }).nullable(),
  proposedBy: z.object({ code: z.string(), name: z.string() }),
  region: z.object({ code: z.string(), name: z.string() }),
  status: NeedStatus,
  decisionNote: z.string().nullable(),
  initiative: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  createdAt: z.string(),
  endorsements: z.array(
    z.object({ code: z.string(), name: z.string(), comment: z.string().nullable(), at: z.string() }),
  ),
  /** The caller's municipality may endorse it (not its proposer, not already endorsed). */
  canEndorse: z.boolean(),
  /** The caller may prioritise or decline it (the region's coordinators). */
  canDecide: z.boolean(),
});
export type Need = z.infer<typeof Need>;
export const NeedList = z.object({ items: z.array(Need) });

export const EndorseNeed = z.object({
  municipalityCode: z.string().regex(/^\d{4}$/),
  comment: z.string().trim().max(1000).optional(),
});
export const PrioritiseNeed = z.object({
  planId: z.uuid(),
  /** The initiative's title; the need's when left out. */
  title: z.string().trim().min(3, 'min_three_chars').max(200).optional(),
  priority: z
    .number('whole_number_to_ten_thousand')
    .int('whole_number_to_ten_thousand')
    .min(1, 'whole_number_to_ten_thousand')
    .max(10_000, 'whole_number_to_ten_thousand')
    .optional(),
  note: z.string().trim().max(2000).optional(),
});
export const DeclineNeed = z.object({ note: z.string().trim().min(3, 'min_three_chars').max(2000) });
export const NeedIdParams = z.object({ id: z.uuid() });
export const EndorsementParams = NeedIdParams.extend({ code: ParamText.regex(/^\d{4}$/) });
