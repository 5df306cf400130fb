import { z } from 'zod';
import { ParamText, WebUrl } from './common.ts';

/**
 * Initiatives (insatser) and their benefits (issue 7). An initiative starts as a draft from an
 * assessment gap (issue 6), from a prioritised need, or on its own; it moves through non-linear phases
 * with checklists, and carries milestones, risks, links, funding and benefit indicators.
 */

export const initiativeStatuses = ['idea', 'planned', 'active', 'paused', 'done', 'stopped'] as const;
export const InitiativeStatus = z.enum(initiativeStatuses);
export type InitiativeStatus = z.infer<typeof InitiativeStatus>;

/** Norway's roadmap for service innovation: phases in order, but an initiative may move back. */
export const initiativePhases = ['prepare', 'insight', 'try_out', 'implement', 'realise'] as const;
export const InitiativePhase = z.enum(initiativePhases);
export type InitiativePhase = z.infer<typeof InitiativePhase>;

export const fundingSources = ['own', 'stimulus', 'esf', 'other_grant'] as const;
export const FundingSource = z.enum(fundingSources);
export type FundingSource = z.infer<typeof FundingSource>;

/** The four support needs of the default assessment template, by their option keys. */
export const supportNeedKeys = [
  'befintligt-stod',
  'externa-aktorer',
  'upphandlingsstod',
  'stimulansmedel',
] as const;
export const SupportNeedKey = z.enum(supportNeedKeys);
export type SupportNeedKey = z.infer<typeof SupportNeedKey>;

export const indicatorTypes = ['avoided_cost', 'time_saved', 'quality', 'work_environment'] as const;
export const IndicatorType = z.enum(indicatorTypes);
export type IndicatorType = z.infer<typeof IndicatorType>;
export const IndicatorDirection = z.enum(['increase', 'decrease']);
export const Uncertainty = z.enum(['low', 'medium', 'high']);
export const riskStatuses = ['open', 'mitigated', 'closed'] as const;
export const RiskStatus = z.enum(riskStatuses);

const IsoDate = z.iso.date();
const Sek = z.number().int().min(0).max(1_000_000_000_000);
const Title = z.string().trim().min(3).max(200);
const LongText = z.string().trim().max(4000);
const Code = ParamText.regex(/^\d{4}$/);
const TechnologyKey = ParamText.min(1).max(80);

const OrgRef = z.object({ id: z.uuid(), name: z.string() });
const MunicipalityRef = z.object({ code: z.string(), name: z.string() });
const TechnologyRef = z.object({ key: z.string(), name: z.string() });

// --- Phase checklists --------------------------------------------------------------------------------

export interface ChecklistItemDef {
  key: string;
  sv: string;
  en: string;
}

/**
 * The checklist of each phase. The implement phase's list is the decision basis that should be in
 * place before implementing (current state, benefit estimate, feasibility and risks, information
 * security, DPIA). Items are ticked per initiative; unticked items warn but do not block a move.
 */
export const phaseChecklists: Record<InitiativePhase, readonly ChecklistItemDef[]> = {
  prepare: [
    { key: 'behov-beskrivet', sv: 'Behovet är beskrivet', en: 'The need is described' },
    { key: 'ansvar-utsett', sv: 'Ansvarig och beställare är utsedda', en: 'Owner and sponsor are appointed' },
    {
      key: 'berorda-identifierade',
      sv: 'Berörda brukare, närstående och verksamheter är identifierade',
      en: 'Affected users, relatives and services are identified',
    },
  ],
  insight: [
    { key: 'nulage', sv: 'Nuläget är kartlagt', en: 'The current state is mapped' },
    {
      key: 'brukarinvolvering',
      sv: 'Brukare och personal har beskrivit sina behov',
      en: 'Users and staff have described their needs',
    },
    {
      key: 'omvarld',
      sv: 'Vi vet vad andra kommuner har gjort',
      en: 'We know what other municipalities have done',
    },
  ],
  try_out: [
    { key: 'testplan', sv: 'Testplan med mål och mätpunkter', en: 'Test plan with goals and measures' },
    { key: 'utvardering', sv: 'Testet är utvärderat', en: 'The test is evaluated' },
  ],
  implement: [
    { key: 'nulagesanalys', sv: 'Nulägesanalys', en: 'Current-state analysis' },
    { key: 'nyttokalkyl', sv: 'Nyttokalkyl', en: 'Benefit estimate' },
    { key: 'genomforbarhet', sv: 'Genomförbarhet och risker', en: 'Feasibility and risks' },
    { key: 'informationssakerhet', sv: 'Informationssäkerhetsanalys', en: 'Information security analysis' },
    {
      key: 'konsekvensbedomning',
      sv: 'Konsekvensbedömning avseende dataskydd (DPIA)',
      en: 'Data protection impact assessment (DPIA)',
    },
  ],
  realise: [
    {
      key: 'nytta-foljs-upp',
      sv: 'Nyttan följs upp mot baslinjen',
      en: 'Benefits are followed up against the baseline',
    },
    {
      key: 'overlamnat',
      sv: 'Överlämnat till ordinarie verksamhet',
      en: 'Handed over to regular operations',
    },
    { key: 'erfarenheter-delade', sv: 'Erfarenheterna är delade', en: 'The experience is shared' },
  ],
};

// --- Initiatives -------------------------------------------------------------------------------------

/** An assessment gap the initiative answers (issue 6's "make an initiative of this"). */
export const GapSource = z.object({
  roundId: z.uuid(),
  municipalityCode: Code.optional(),
  areaKey: z.string().max(40).optional(),
  questionKey: z.string().max(80).optional(),
});

export const CreateInitiative = z
  .object({
    title: Title,
    purpose: LongText.optional(),
    ownerOrganisationId: z.uuid(),
    /** Set when the initiative is made from an assessment gap; the caller must be allowed to see it. */
    source: GapSource.optional(),
    status: InitiativeStatus.default('idea'),
    phase: InitiativePhase.default('prepare'),
    municipalityCodes: z.array(Code).max(400).default([]),
    technologyKeys: z.array(TechnologyKey).max(50).default([]),
    supportNeeds: z.array(SupportNeedKey).max(4).default([]),
    startsOn: IsoDate.optional(),
    endsOn: IsoDate.optional(),
    budgetSek: Sek.optional(),
  })
  .refine((i) => !i.startsOn || !i.endsOn || i.endsOn >= i.startsOn, {
    message: 'ends_before_starts',
    path: ['endsOn'],
  });
export type CreateInitiative = z.input<typeof CreateInitiative>;

export const UpdateInitiative = z
  .object({
    title: Title,
    purpose: LongText.nullable(),
    status: InitiativeStatus,
    phase: InitiativePhase,
    responsibleName: z.string().trim().max(200).nullable(),
    responsibleUserId: z.uuid().nullable(),
    startsOn: IsoDate.nullable(),
    endsOn: IsoDate.nullable(),
    budgetSek: Sek.nullable(),
    /** Replace the lists when given. */
    municipalityCodes: z.array(Code).max(400),
    technologyKeys: z.array(TechnologyKey).max(50),
    supportNeeds: z.array(SupportNeedKey).max(4),
  })
  .partial()
  .refine((i) => Object.keys(i).length > 0, { message: 'nothing_to_change' });
export type UpdateInitiative = z.infer<typeof UpdateInitiative>;

export const InitiativeListQuery = z.object({
  plan: z.uuid().optional(),
  owner: z.uuid().optional(),
  status: InitiativeStatus.optional(),
  phase: InitiativePhase.optional(),
  municipality: Code.optional(),
  technology: TechnologyKey.optional(),
  q: ParamText.trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: ParamText.max(500).optional(),
});
export type InitiativeListQuery = z.infer<typeof InitiativeListQuery>;

export const InitiativeSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  status: InitiativeStatus,
  phase: InitiativePhase,
  owner: OrgRef,
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  budgetSek: z.number().nullable(),
  municipalities: z.array(MunicipalityRef),
  technologies: z.array(TechnologyRef),
  /** Next open milestone, for the timeline. */
  nextMilestone: z.object({ title: z.string(), dueOn: IsoDate }).nullable(),
  updatedAt: z.string(),
});
export type InitiativeSummary = z.infer<typeof InitiativeSummary>;
export const InitiativeList = z.object({
  items: z.array(InitiativeSummary),
  nextCursor: z.string().nullable(),
});
export type InitiativeList = z.infer<typeof InitiativeList>;

export const ChecklistEntry = z.object({
  phase: InitiativePhase,
  itemKey: z.string(),
  done: z.boolean(),
  note: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type ChecklistEntry = z.infer<typeof ChecklistEntry>;
export const PutChecklistItem = z.object({
  done: z.boolean(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export const ChecklistParams = z.object({
  id: z.uuid(),
  phase: InitiativePhase,
  itemKey: ParamText.max(80),
});

export const Milestone = z.object({
  id: z.uuid(),
  title: z.string(),
  dueOn: IsoDate,
  doneOn: IsoDate.nullable(),
});
export type Milestone = z.infer<typeof Milestone>;
export const CreateMilestone = z.object({
  title: Title,
  dueOn: IsoDate,
  doneOn: IsoDate.nullable().optional(),
});
/** A partial update must change something (a default must not fill in what was left out). */
const somethingToChange = (i: object) => Object.keys(i).length > 0;
export const UpdateMilestone = CreateMilestone.partial().refine(somethingToChange, {
  message: 'nothing_to_change',
});

export const Risk = z.object({
  id: z.uuid(),
  description: z.string(),
  likelihood: z.number().int(),
  impact: z.number().int(),
  mitigation: z.string().nullable(),
  status: RiskStatus,
});
export type Risk = z.infer<typeof Risk>;
const riskFields = {
  description: z.string().trim().min(3, 'min_three_chars').max(2000),
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  mitigation: z.string().trim().max(2000).nullable().optional(),
  status: RiskStatus,
};
export const CreateRisk = z.object({ ...riskFields, status: RiskStatus.default('open') });
// Not CreateRisk.partial(): zod 4 applies defaults inside optional fields, which would reset them.
export const UpdateRisk = z
  .object(riskFields)
  .partial()
  .refine(somethingToChange, { message: 'nothing_to_change' });

export const InitiativeLink = z.object({
  id: z.uuid(),
  title: z.string(),
  url: z.string().nullable(),
  document: z.object({ id: z.uuid(), title: z.string() }).nullable(),
});
export type InitiativeLink = z.infer<typeof InitiativeLink>;
/** Either a governing document on the platform or a web link. */
export const CreateInitiativeLink = z
  .object({ title: Title, url: WebUrl.optional(), documentId: z.uuid().optional() })
  .refine((l) => (l.url === undefined) !== (l.documentId === undefined), {
    message: 'url_or_document',
    path: ['url'],
  });

export const Funding = z.object({
  id: z.uuid(),
  source: FundingSource,
  year: z.number().int(),
  appliedSek: z.number(),
  grantedSek: z.number(),
  usedSek: z.number(),
  note: z.string().nullable(),
  /** The stimulus-fund call the money comes from, and whose allocation it is taken from (issue 17). */
  fundingCallId: z.uuid().nullable(),
  recipientMunicipalityId: z.uuid().nullable(),
});
export type Funding = z.infer<typeof Funding>;
const fundingFields = {
  source: FundingSource,
  year: z.number().int().min(2000).max(2100),
  appliedSek: Sek,
  grantedSek: Sek,
  usedSek: Sek,
  note: z.string().trim().max(1000).nullable().optional(),
  fundingCallId: z
    .uuid()
    .nullable()
    .optional()
    .describe('A stimulus-fund call (source stimulus only); its overview counts used_sek as used'),
  recipientMunicipalityId: z
    .uuid()
    .nullable()
    .optional()
    .describe(
      'The municipality whose allocation in the call the money comes from (required with fundingCallId)',
    ),
};
export const CreateFunding = z.object({
  ...fundingFields,
  appliedSek: Sek.default(0),
  grantedSek: Sek.default(0),
  usedSek: Sek.default(0),
});
export type CreateFunding = z.input<typeof CreateFunding>;
// Not CreateFunding.partial(): zod 4 applies defaults inside optional fields, which would reset them.
export const UpdateFunding = z
  .object(fundingFields)
  .partial()
  .refine(somethingToChange, { message: 'nothing_to_change' });
export type UpdateFunding = z.infer<typeof UpdateFunding>;

// --- Benefits ----------------------------------------------------------------------------------------

/**
 * The calculation helper for the common case: visits (or tasks) replaced per year × minutes each ×
 * cost per hour, minus one-off hours for installation and training at the same cost. Stored with the
 * indicator so the inputs stay editable; the result is the target value.
 */
export const BenefitCalculation = z.object({
  occurrencesPerYear: z.number().min(0).max(100_000_000),
  minutesEach: z.number().min(0).max(10_000),
  costPerHourSek: z.number().min(0).max(100_000),
  oneOffHours: z.number().min(0).max(1_000_000).default(0),
});
export type BenefitCalculation = z.infer<typeof BenefitCalculation>;

/** Hours and SEK a year the calculation gives (the one-off hours are subtracted from the first year). */
export function calculateBenefit(c: BenefitCalculation) {
  const hours = (c.occurrencesPerYear * c.minutesEach) / 60 - c.oneOffHours;
  return { hoursPerYear: Math.round(hours * 10) / 10, sekPerYear: Math.round(hours * c.costPerHourSek) };
}

/** A platform figure measured automatically. */
export const IndicatorFeed = z.discriminatedUnion('kind', [
  /** Share (%) of enrolled staff in a programme who have completed it. */
  z.object({ kind: z.literal('programme_completion'), programmeId: z.uuid() }),
  /** Users served by a technology in a municipality, from the mapping. */
  z.object({ kind: z.literal('users_served'), municipalityCode: Code, technologyKey: TechnologyKey }),
]);
export type IndicatorFeed = z.infer<typeof IndicatorFeed>;

export const Measurement = z.object({
  id: z.uuid(),
  measuredOn: IsoDate,
  value: z.number(),
  note: z.string().nullable(),
  source: z.string(),
});
export type Measurement = z.infer<typeof Measurement>;

const indicatorFields = {
  name: Title,
  type: IndicatorType,
  unit: z.string().trim().min(1).max(40),
  direction: IndicatorDirection,
  baselineValue: z.number().finite(),
  baselineOn: IsoDate,
  baselineMethod: z.string().trim().max(2000).nullable().optional(),
  targetValue: z.number().finite().nullable().optional(),
  targetOn: IsoDate.nullable().optional(),
  assumptions: z.string().trim().max(4000).nullable().optional(),
  uncertainty: Uncertainty.nullable().optional(),
  calculation: BenefitCalculation.nullable().optional(),
  feed: IndicatorFeed.nullable().optional(),
};
export const CreateIndicator = z
  .object(indicatorFields)
  .refine((i) => !i.targetOn || i.targetOn >= i.baselineOn, {
    message: 'target_before_baseline',
    path: ['targetOn'],
  });
export type CreateIndicator = z.input<typeof CreateIndicator>;
export const UpdateIndicator = z
  .object(indicatorFields)
  .partial()
  .refine(somethingToChange, { message: 'nothing_to_change' });
export type UpdateIndicator = z.infer<typeof UpdateIndicator>;

export const Indicator = z.object({
  id: z.uuid(),
  initiativeId: z.uuid(),
  name: z.string(),
  type: IndicatorType,
  unit: z.string(),
  direction: IndicatorDirection,
  baselineValue: z.number(),
  baselineOn: IsoDate,
  baselineMethod: z.string().nullable(),
  targetValue: z.number().nullable(),
  targetOn: IsoDate.nullable(),
  assumptions: z.string().nullable(),
  uncertainty: Uncertainty.nullable(),
  calculation: BenefitCalculation.nullable(),
  feed: IndicatorFeed.nullable(),
  /** Oldest first. */
  measurements: z.array(Measurement),
});
export type Indicator = z.infer<typeof Indicator>;

/** A measurement may not predate the baseline it is compared with. */
export const CreateMeasurement = z.object({
  measuredOn: IsoDate,
  value: z.number().finite(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type CreateMeasurement = z.infer<typeof CreateMeasurement>;

// --- The whole initiative ----------------------------------------------------------------------------

export const InitiativeView = InitiativeSummary.extend({
  purpose: z.string().nullable(),
  responsible: z.object({ userId: z.uuid().nullable(), name: z.string().nullable() }),
  supportNeeds: z.array(SupportNeedKey),
  createdAt: z.string(),
  /** Assessment gaps it answers (issue 6). */
  links: z.array(
    z.object({
      roundId: z.uuid(),
      roundName: z.string(),
      municipalityCode: z.string().nullable(),
      municipalityName: z.string().nullable(),
      areaKey: z.string().nullable(),
      questionKey: z.string().nullable(),
    }),
  ),
  /** The need from the shared backlog it was prioritised from, if any. */
  need: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  plans: z.array(z.object({ id: z.uuid(), title: z.string(), priority: z.number().int() })),
  checklist: z.array(ChecklistEntry),
  milestones: z.array(Milestone),
  risks: z.array(Risk),
  documents: z.array(InitiativeLink),
  funding: z.array(Funding),
  indicators: z.array(Indicator),
  /** The caller may change it (the owner organisation's coordinators). */
  canEdit: z.boolean(),
});
export type InitiativeView = z.infer<typeof InitiativeView>;

export const InitiativeIdParams = z.object({ id: z.uuid() });
export const InitiativeChildParams = z.object({ id: z.uuid(), childId: z.uuid() });
export const IndicatorIdParams = z.object({ id: z.uuid() });
export const MeasurementParams = z.object({ id: z.uuid(), measurementId: z.uuid() });
