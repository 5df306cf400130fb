import { z } from 'zod';
import { AreaScores } from './assessment-results.ts';
import { ParamText, UiLanguage, Uuid } from './common.ts';
import { FundingSource, InitiativePhase, InitiativeStatus } from './initiatives.ts';
import { AdoptionStatus } from './mapping.ts';

/**
 * Dashboards (lägesbild, issue 8): key figures and trends for a region, an association or the country,
 * and one municipality compared with its peers. Every figure is an aggregate; names appear only where
 * the caller may see them anyway (maturity follows the assessment results' rules).
 */

/** `SE` for the country, a two-digit county code for a region, or an association's id. */
export const DashboardScopeParams = z.object({
  scope: ParamText.regex(
    /^(SE|\d{2}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/,
  ).describe('SE (the country), a county code such as 20, or an association id'),
});
export const DashboardQuery = z.object({ lang: UiLanguage.optional() });

export const MunicipalityDashboardParams = z.object({ code: ParamText.regex(/^\d{4}$/) });
export const MunicipalityDashboardQuery = z.object({
  /** "Municipalities like us", chosen by the user: SCB codes, comma separated. */
  peers: ParamText.regex(/^\d{4}(,\d{4}){0,49}$/).optional(),
  lang: UiLanguage.optional(),
});
export type MunicipalityDashboardQuery = z.infer<typeof MunicipalityDashboardQuery>;

export const DashboardScopeKind = z.enum(['nation', 'region', 'association']);
export type DashboardScopeKind = z.infer<typeof DashboardScopeKind>;
export const DashboardScope = z.object({
  kind: DashboardScopeKind,
  id: Uuid,
  /** What the address uses: SE, the county code or the association id. */
  code: z.string(),
  name: z.string(),
});
export type DashboardScope = z.infer<typeof DashboardScope>;

export const TechnologyFigure = z.object({
  key: z.string(),
  name: z.string(),
  inOperation: z.number().int(),
  piloting: z.number().int(),
  planned: z.number().int(),
  /** Summed over records in operation that give both numbers. */
  usersServed: z.number().int(),
  eligibleUsers: z.number().int(),
});
export type TechnologyFigure = z.infer<typeof TechnologyFigure>;

export const QuarterPoint = z.object({ quarter: z.string().describe('YYYY-Qn'), inOperation: z.number() });
export const MonthPoint = z.object({ month: z.string().describe('YYYY-MM'), completed: z.number() });

export const AdoptionFigures = z.object({
  municipalities: z.number().int(),
  /** Municipalities with at least one adoption record. */
  reporting: z.number().int(),
  inOperation: z.number().int(),
  usersServed: z.number().int(),
  eligibleUsers: z.number().int(),
  byTechnology: z.array(TechnologyFigure),
  /** Municipality × technology pairs in operation at the end of each quarter, as recorded here. */
  trend: z.array(QuarterPoint),
});
export type AdoptionFigures = z.infer<typeof AdoptionFigures>;

export const MaturityRound = z.object({
  roundId: Uuid,
  name: z.string(),
  ownerName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  participants: z.number().int(),
  submitted: z.number().int(),
  /** The round's averages are withheld (1–2 answering participants the caller may not see). */
  aggregatesHidden: z.boolean(),
  average: AreaScores,
});
export type MaturityRound = z.infer<typeof MaturityRound>;
export const MaturityFigures = z.object({
  areas: z.array(z.object({ key: z.string(), label: z.string() })),
  /** The latest rounds with participants in scope that the caller may see, newest first. */
  rounds: z.array(MaturityRound),
  scoreMethod: z.string().nullable(),
});
export type MaturityFigures = z.infer<typeof MaturityFigures>;

export const ProgrammeFigure = z.object({
  id: Uuid,
  name: z.string(),
  enrolled: z.number().int(),
  completed: z.number().int(),
});
export const LearningFigures = z.object({
  /** Programme enrolments (one per person and course; people are in one track of a programme). */
  enrolled: z.number().int(),
  /** Of them completed. */
  completed: z.number().int(),
  programmes: z.array(ProgrammeFigure),
  /** Programme enrolments completed per month, the last 12 months (Swedish time). */
  completionsByMonth: z.array(MonthPoint),
});
export type LearningFigures = z.infer<typeof LearningFigures>;

export const InitiativeFigures = z.object({
  total: z.number().int(),
  byPhaseStatus: z.array(
    z.object({ phase: InitiativePhase, status: InitiativeStatus, count: z.number().int() }),
  ),
});
export type InitiativeFigures = z.infer<typeof InitiativeFigures>;

const Amounts = z.object({ appliedSek: z.number(), grantedSek: z.number(), usedSek: z.number() });
export const FundingFigures = z.object({
  bySource: z.array(Amounts.extend({ source: FundingSource })),
  total: Amounts,
});
export type FundingFigures = z.infer<typeof FundingFigures>;

export const BenefitYear = z.object({
  year: z.number().int(),
  measurements: z.number().int(),
  avoidedCostSekPerYear: z.number(),
  timeSavedHoursPerYear: z.number(),
});
export const BenefitFigures = z.object({
  indicators: z.number().int(),
  measured: z.number().int(),
  avoidedCostSekPerYear: z.number(),
  timeSavedHoursPerYear: z.number(),
  /** Per year: the gain by each indicator's last measurement that year, summed as the summary does. */
  byYear: z.array(BenefitYear),
});
export type BenefitFigures = z.infer<typeof BenefitFigures>;

export const Dashboard = z.object({
  scope: DashboardScope,
  adoption: AdoptionFigures,
  maturity: MaturityFigures,
  learning: LearningFigures,
  initiatives: InitiativeFigures,
  funding: FundingFigures,
  benefits: BenefitFigures,
});
export type Dashboard = z.infer<typeof Dashboard>;

/** Figures that compare across municipalities: a municipality's own, or the mean per municipality of a group. */
export const ComparableFigures = z.object({
  technologiesInOperation: z.number(),
  /** Users served ÷ eligible over records in operation that give both; null when none does. */
  useRate: z.number().nullable(),
  programmeParticipants: z.number(),
  /** Completed ÷ enrolled programme participants; null without participants. */
  completionRate: z.number().nullable(),
  initiatives: z.number(),
  fundingGrantedSek: z.number(),
  avoidedCostSekPerYear: z.number(),
  timeSavedHoursPerYear: z.number(),
});
export type ComparableFigures = z.infer<typeof ComparableFigures>;

export const ComparisonKind = z.enum(['self', 'region', 'model', 'peers', 'nation']);
export type ComparisonKind = z.infer<typeof ComparisonKind>;
export const ComparisonColumn = z.object({
  kind: ComparisonKind,
  name: z.string(),
  /** Municipalities in the group (the municipality itself is not counted in peers or models). */
  municipalities: z.number().int(),
  /** Null when the group is too small to show without revealing its members. */
  figures: ComparableFigures.nullable(),
});
export type ComparisonColumn = z.infer<typeof ComparisonColumn>;

export const MunicipalityTechnology = z.object({
  key: z.string(),
  name: z.string(),
  status: AdoptionStatus.nullable(),
  usersServed: z.number().int().nullable(),
  eligibleUsers: z.number().int().nullable(),
  /** Share of the region's municipalities with it in operation (0–1). */
  regionShareInOperation: z.number(),
});

export const MunicipalityMaturity = z.object({
  roundId: Uuid,
  name: z.string(),
  areas: z.array(z.object({ key: z.string(), label: z.string() })),
  scores: AreaScores,
  groups: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      count: z.number().int(),
      scores: AreaScores.nullable(),
    }),
  ),
});

export const MunicipalityDashboard = z.object({
  municipality: z.object({
    id: Uuid,
    code: z.string(),
    name: z.string(),
    countyCode: z.string(),
    countyName: z.string(),
  }),
  /** The municipality first, then its region, model municipalities, chosen peers and the country. */
  comparison: z.array(ComparisonColumn),
  technologies: z.array(MunicipalityTechnology),
  adoptionTrend: z.array(QuarterPoint),
  learning: LearningFigures,
  initiatives: InitiativeFigures,
  maturity: MunicipalityMaturity.nullable(),
  peers: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type MunicipalityDashboard = z.infer<typeof MunicipalityDashboard>;
