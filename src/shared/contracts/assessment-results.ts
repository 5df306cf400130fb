import { z } from 'zod';
import { ParamText, UiLanguage } from './common.ts';

/**
 * Results of an assessment round (issue 6): area scores, comparisons, distributions and the support
 * needs ranked across municipalities. Named figures appear only where the caller may see them; the
 * rest is aggregates (DESIGN.md §4).
 */

/** Area key → score 0–100, or null when nothing scored was answered. */
export const AreaScores = z.record(z.string(), z.number().nullable());
export type AreaScores = z.infer<typeof AreaScores>;

/**
 * Sheets not yet submitted (open or reopened) are preliminary: only the round's owner and national
 * admins see them, marked, and they count towards averages, groups and rankings only on request.
 * Anyone else asking is answered as if they had not (the response says what was included).
 */
const IncludePreliminary = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true')
  .describe(
    'Count sheets not yet submitted (marked preliminary) in averages, comparisons and rankings; only for the round’s owner and national admins, ignored for anyone else',
  );

export const ResultsQuery = z.object({
  format: z.enum(['csv', 'xlsx']).optional(),
  lang: UiLanguage.optional(),
  includePreliminary: IncludePreliminary,
});
export type ResultsQuery = z.infer<typeof ResultsQuery>;

export const MunicipalityResultsQuery = z.object({
  /** "Municipalities like mine": SCB codes chosen by the user, comma separated. */
  peers: ParamText.regex(/^\d{4}(,\d{4}){0,49}$/).optional(),
  lang: UiLanguage.optional(),
  includePreliminary: IncludePreliminary,
});
export type MunicipalityResultsQuery = z.infer<typeof MunicipalityResultsQuery>;

export const MunicipalityResultsPdfQuery = MunicipalityResultsQuery.omit({ peers: true });

export const MunicipalityResultsParams = z.object({ id: z.uuid(), code: ParamText.regex(/^\d{4}$/) });

export const LinkedInitiative = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.string(),
  municipalityCode: z.string().nullable(),
  areaKey: z.string().nullable(),
  questionKey: z.string().nullable(),
});
export type LinkedInitiative = z.infer<typeof LinkedInitiative>;

export const NamedScores = z.object({
  code: z.string(),
  name: z.string(),
  /** `submitted`, `open` or `reopened`: a sheet not submitted shows no scores to anyone else. */
  status: z.string(),
  scores: AreaScores,
  /** The scores come from a sheet not yet submitted (shown only to the round's owner). */
  preliminary: z.boolean(),
});

export const DistributionRow = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export const QuestionDistribution = z.object({
  key: z.string(),
  area: z.string(),
  type: z.string(),
  text: z.string(),
  answered: z.number().int(),
  /** Mean score 0–100 of the scored answers, null for unscored questions. */
  meanScore: z.number().nullable(),
  counts: z.array(DistributionRow),
});
export type QuestionDistribution = z.infer<typeof QuestionDistribution>;

export const SupportNeed = z.object({
  key: z.string(),
  label: z.string(),
  /** Mean position in the municipalities' rankings, 1 = most needed. */
  meanRank: z.number().nullable(),
  /** Borda count: n − position points per ranking (n options), summed. */
  points: z.number().int(),
  /** Mean of the importance question (1–5) of this need, when the template has one. */
  meanImportance: z.number().nullable(),
  responses: z.number().int(),
});
export type SupportNeed = z.infer<typeof SupportNeed>;

export const Wish = z.object({
  municipality: z.string().nullable(),
  text: z.string(),
  /** From a sheet not yet submitted (shown only to the round's owner). */
  preliminary: z.boolean(),
});

/** Whether sheets not yet submitted are counted, and whether the caller may ask for that. */
const PreliminaryFlags = {
  /** The caller runs the round and may ask for preliminary sheets to be counted. */
  canIncludePreliminary: z.boolean(),
  /** Averages, groups, distributions and rankings include sheets not yet submitted. */
  includesPreliminary: z.boolean(),
};

export const RoundResults = z.object({
  round: z.object({
    id: z.uuid(),
    name: z.string(),
    owner: z.object({ id: z.uuid(), name: z.string() }),
    opensOn: z.string(),
    closesOn: z.string(),
    shareResults: z.boolean(),
  }),
  /** `all`: the caller sees every municipality by name; `own`: its own and aggregates (or shared). */
  view: z.enum(['all', 'own']),
  /** Aggregates (average, distributions, needs, wishes) withheld: fewer than three others to hide among. */
  aggregatesHidden: z.boolean(),
  areas: z.array(z.object({ key: z.string(), label: z.string() })),
  /**
   * `submitted` sheets are what the aggregates are computed from, plus `preliminary` ones (open sheets,
   * counted only when the round's owner asks for them).
   */
  completion: z.object({
    participants: z.number().int(),
    submitted: z.number().int(),
    preliminary: z.number().int(),
  }),
  /** Heat map rows: the municipalities the caller may see by name. */
  municipalities: z.array(NamedScores),
  average: AreaScores,
  distribution: z.array(QuestionDistribution),
  supportNeeds: z.object({ method: z.string(), items: z.array(SupportNeed) }),
  wishes: z.array(Wish),
  initiatives: z.array(LinkedInitiative),
  scoreMethod: z.string(),
  ...PreliminaryFlags,
});
export type RoundResults = z.infer<typeof RoundResults>;

export const ComparisonGroup = z.object({
  key: z.string(),
  kind: z.enum(['region', 'association', 'model', 'peers']),
  name: z.string(),
  /** Members counted: submitted sheets (and preliminary ones when asked for) with a score. */
  count: z.number().int(),
  /** Null when fewer than three municipalities answered: too few to show without revealing them. */
  scores: AreaScores.nullable(),
  /** Members by name, only when the caller may see them. */
  members: z.array(NamedScores).nullable(),
});
export type ComparisonGroup = z.infer<typeof ComparisonGroup>;

export const QuestionResult = z.object({
  key: z.string(),
  area: z.string(),
  type: z.string(),
  text: z.string(),
  answer: z.string().nullable(),
  score: z.number().nullable(),
  comment: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  /** The answer to the same question (through carries_over) in the previous round, as text. */
  previousAnswer: z.string().nullable(),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const MunicipalityResults = z.object({
  round: RoundResults.shape.round,
  /** `preliminary`: its scores and answers come from a sheet not yet submitted (owner only). */
  municipality: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    status: z.string(),
    preliminary: z.boolean(),
  }),
  areas: RoundResults.shape.areas,
  scores: AreaScores,
  groups: z.array(ComparisonGroup),
  previous: z.array(
    z.object({ roundId: z.uuid(), name: z.string(), opensOn: z.string(), scores: AreaScores }),
  ),
  questions: z.array(QuestionResult),
  initiatives: z.array(LinkedInitiative),
  scoreMethod: z.string(),
  /** The organisations the caller may make an initiative draft for from this page (its own). */
  initiativeOwners: z.array(z.object({ id: z.uuid(), name: z.string() })),
  ...PreliminaryFlags,
});
export type MunicipalityResults = z.infer<typeof MunicipalityResults>;

/** Groups smaller than this are reported as "too few to show". */
export const MIN_GROUP_SIZE = 3;
