import { z } from 'zod';
import { ParamText, Problem, WebUrl } from './common.ts';

/**
 * The content of an assessment template version: sections → questions, in Swedish and English. Stored
 * frozen in `assessment_template_versions.content`; the client renders the answer sheet from it, the
 * server validates answers and computes scores with the functions below, so both read one definition.
 */

const Localised = z.object({
  sv: z.string().trim().min(1).max(2000),
  en: z.string().trim().min(1).max(2000),
});
export type Localised = z.infer<typeof Localised>;
const Key = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(80);

/** The four problem areas of the Västra Götaland report, and the support-needs section. */
export const assessmentAreas = ['governance', 'resources', 'competence', 'organisation', 'support'] as const;
export const AssessmentArea = z.enum(assessmentAreas);
export type AssessmentArea = z.infer<typeof AssessmentArea>;

export const questionTypes = ['level', 'status', 'single', 'multiple', 'number', 'text', 'ranking'] as const;
export const QuestionType = z.enum(questionTypes);
export type QuestionType = z.infer<typeof QuestionType>;

/** LIKA-like status scale; `not_relevant` is left out of scores. */
export const statusValues = [
  'achieved',
  'nearly',
  'started',
  'planned',
  'not_planned',
  'not_relevant',
] as const;
export const StatusValue = z.enum(statusValues);
export type StatusValue = z.infer<typeof StatusValue>;

const Option = z.object({ key: Key, label: Localised });

export const Question = z
  .object({
    key: Key,
    type: QuestionType,
    text: Localised,
    help: Localised.optional(),
    /** Level questions: a descriptor for each of the levels 1–5, in order. */
    levels: z.array(Localised).length(5).optional(),
    /** Choice and ranking questions. */
    options: z.array(Option).min(2).max(20).optional(),
    /** Number questions. */
    min: z.number().optional(),
    max: z.number().optional(),
    /** Text questions (and every comment is capped at COMMENT_MAX). */
    maxLength: z.number().int().min(1).max(4000).optional(),
    /** Whether the answer counts towards the area's score (level and status questions only). */
    scored: z.boolean().default(false),
  })
  .superRefine((q, ctx) => {
    if (q.type === 'level' && !q.levels)
      ctx.addIssue({ code: 'custom', message: 'levels_required', path: ['levels'] });
    if (['single', 'multiple', 'ranking'].includes(q.type) && !q.options)
      ctx.addIssue({ code: 'custom', message: 'options_required', path: ['options'] });
    if (q.scored && q.type !== 'level' && q.type !== 'status')
      ctx.addIssue({ code: 'custom', message: 'not_scorable', path: ['scored'] });
  });
export type Question = z.infer<typeof Question>;

export const Section = z.object({
  key: Key,
  area: AssessmentArea,
  title: Localised,
  intro: Localised.optional(),
  questions: z.array(Question).min(1).max(40),
});
export type Section = z.infer<typeof Section>;

export const TemplateContent = z
  .object({
    name: Localised,
    description: Localised,
    sections: z.array(Section).min(1).max(20),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    for (const [i, section] of c.sections.entries()) {
      for (const [j, q] of section.questions.entries()) {
        if (seen.has(q.key))
          ctx.addIssue({
            code: 'custom',
            message: 'duplicate_key',
            path: ['sections', i, 'questions', j, 'key'],
          });
        seen.add(q.key);
      }
    }
  });
export type TemplateContent = z.infer<typeof TemplateContent>;

export const COMMENT_MAX = 4000;
export const TEXT_ANSWER_MAX = 4000;

/** What an answer holds, by question type. */
export const AnswerValue = z.union([
  z.object({ level: z.number().int() }),
  z.object({ status: z.string() }),
  z.object({ option: z.string() }),
  z.object({ options: z.array(z.string()).max(20) }),
  z.object({ number: z.number() }),
  z.object({ text: z.string() }),
  z.object({ order: z.array(z.string()).max(20) }),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/**
 * Why a value does not fit its question, or null when it does: level 7, a choice not offered, a text
 * too long. The same check runs in the browser (before saving) and on the server (before writing).
 */
export function answerProblem(q: Question, value: AnswerValue): string | null {
  const optionKeys = new Set(q.options?.map((o) => o.key) ?? []);
  switch (q.type) {
    case 'level':
      return 'level' in value && value.level >= 1 && value.level <= 5 ? null : 'level_out_of_range';
    case 'status':
      return 'status' in value && (statusValues as readonly string[]).includes(value.status)
        ? null
        : 'unknown_status';
    case 'single':
      return 'option' in value && optionKeys.has(value.option) ? null : 'option_not_offered';
    case 'multiple':
      return 'options' in value &&
        value.options.every((o) => optionKeys.has(o)) &&
        new Set(value.options).size === value.options.length
        ? null
        : 'option_not_offered';
    case 'ranking':
      return 'order' in value &&
        value.order.length === optionKeys.size &&
        value.order.every((o) => optionKeys.has(o)) &&
        new Set(value.order).size === value.order.length
        ? null
        : 'ranking_incomplete';
    case 'number':
      return 'number' in value &&
        Number.isFinite(value.number) &&
        (q.min === undefined || value.number >= q.min) &&
        (q.max === undefined || value.number <= q.max)
        ? null
        : 'number_out_of_range';
    case 'text':
      return 'text' in value && value.text.length <= (q.maxLength ?? TEXT_ANSWER_MAX)
        ? null
        : 'text_too_long';
  }
}

const statusScore: Record<StatusValue, number | null> = {
  achieved: 100,
  nearly: 75,
  started: 50,
  planned: 25,
  not_planned: 0,
  not_relevant: null,
};

/**
 * A scored answer on 0–100: level 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100; status achieved 100, nearly
 * there 75, started 50, planned 25, not planned 0; not relevant and unanswered count for nothing.
 */
export function answerScore(q: Question, value: AnswerValue | null | undefined): number | null {
  if (!q.scored || !value) return null;
  if (q.type === 'level' && 'level' in value) return ((value.level - 1) / 4) * 100;
  if (q.type === 'status' && 'status' in value) return statusScore[value.status as StatusValue] ?? null;
  return null;
}

/** An area's score: the mean of its scored, answered questions, rounded; null when none is answered. */
export function areaScores(
  content: TemplateContent,
  answers: ReadonlyMap<string, AnswerValue | null>,
): Partial<Record<AssessmentArea, number | null>> {
  const out: Partial<Record<AssessmentArea, number | null>> = {};
  for (const area of assessmentAreas) {
    const scores = content.sections
      .filter((s) => s.area === area)
      .flatMap((s) => s.questions)
      .map((q) => answerScore(q, answers.get(q.key)))
      .filter((n): n is number => n !== null);
    if (content.sections.some((s) => s.area === area && s.questions.some((q) => q.scored)))
      out[area] = scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// API contracts (issue 6: templates, rounds, answer sheets).

const IsoDate = z.iso.date();
const OrgRef = z.object({ id: z.uuid(), name: z.string() });

export const TemplateVersionSummary = z.object({
  id: z.uuid(),
  version: z.number().int(),
  publishedAt: z.string(),
  /** Questions of this version that carry over from the previous one: new key → old key. */
  carriesOver: z.record(z.string(), z.string()),
});
export type TemplateVersionSummary = z.infer<typeof TemplateVersionSummary>;

export const TemplateSummary = z.object({
  id: z.uuid(),
  key: z.string(),
  owner: OrgRef.extend({ kind: z.string() }),
  name: Localised,
  versions: z.array(TemplateVersionSummary),
  hasDraft: z.boolean(),
  /** The caller may publish versions of this template. */
  canEdit: z.boolean(),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;
export const TemplateList = z.object({ items: z.array(TemplateSummary) });
export type TemplateList = z.infer<typeof TemplateList>;

export const TemplateDetails = TemplateSummary.extend({
  draft: TemplateContent.nullable(),
  /** The content of the latest published version, or null before the first. */
  latest: TemplateContent.nullable(),
});
export type TemplateDetails = z.infer<typeof TemplateDetails>;

export const TemplateIdParams = z.object({ id: z.uuid() });

export const CreateTemplate = z.object({
  key: Key,
  ownerOrganisationId: z.uuid(),
  content: TemplateContent,
});
export type CreateTemplate = z.infer<typeof CreateTemplate>;

/** The next version's content, saved as the template's draft until it is published. */
export const SaveTemplateDraft = z.object({ content: TemplateContent });
export type SaveTemplateDraft = z.infer<typeof SaveTemplateDraft>;

export const PublishTemplateVersion = z.object({
  /** The content to publish; without it the template's draft is published. */
  content: TemplateContent.optional(),
  carriesOver: z.record(Key, Key).default({}),
});
export type PublishTemplateVersion = z.infer<typeof PublishTemplateVersion>;

export const CreateRound = z
  .object({
    name: z.string().trim().min(1).max(200),
    templateVersionId: z.uuid(),
    ownerOrganisationId: z.uuid(),
    municipalityCodes: z
      .array(z.string().regex(/^\d{4}$/))
      .min(1, 'choose_municipality')
      .max(400),
    opensOn: IsoDate,
    closesOn: IsoDate,
    shareResults: z.boolean().default(false),
  })
  .refine((r) => r.closesOn >= r.opensOn, { message: 'closes_before_opens', path: ['closesOn'] });
export type CreateRound = z.input<typeof CreateRound>;

export const sheetStatuses = ['open', 'submitted', 'reopened'] as const;
export const SheetStatus = z.enum(sheetStatuses);
export type SheetStatus = z.infer<typeof SheetStatus>;

export const RoundSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  owner: OrgRef,
  template: z.object({
    id: z.uuid(),
    key: z.string(),
    name: Localised,
    versionId: z.uuid(),
    version: z.number(),
  }),
  opensOn: IsoDate,
  closesOn: IsoDate,
  /** Closed: the close date has passed or the round was closed; no answers are taken. */
  closed: z.boolean(),
  shareResults: z.boolean(),
  /** The caller runs this round (sees every municipality, reopens, reminds). */
  canRun: z.boolean(),
  municipalityCount: z.number().int(),
  submittedCount: z.number().int(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;
export const RoundList = z.object({ items: z.array(RoundSummary) });
export type RoundList = z.infer<typeof RoundList>;

export const SheetProgress = z.object({
  code: z.string(),
  name: z.string(),
  status: SheetStatus,
  answered: z.number().int(),
  total: z.number().int(),
  submittedAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
});
export type SheetProgress = z.infer<typeof SheetProgress>;

export const RoundView = RoundSummary.extend({
  /** Every municipality for the round's owner; only the caller's own for a participant. */
  sheets: z.array(SheetProgress),
});
export type RoundView = z.infer<typeof RoundView>;

export const RoundIdParams = z.object({ id: z.uuid() });
export const SheetParams = z.object({ id: z.uuid(), code: ParamText.regex(/^\d{4}$/) });

export const SheetAnswer = z.object({
  questionKey: z.string(),
  value: AnswerValue.nullable(),
  comment: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  revision: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type SheetAnswer = z.infer<typeof SheetAnswer>;

export const SheetView = z.object({
  round: z.object({ id: z.uuid(), name: z.string(), closesOn: IsoDate, closed: z.boolean() }),
  municipality: z.object({ code: z.string(), name: z.string() }),
  status: SheetStatus,
  submittedAt: z.string().nullable(),
  canEdit: z.boolean(),
  canReopen: z.boolean(),
  content: TemplateContent,
  answers: z.array(SheetAnswer),
  answered: z.number().int(),
  total: z.number().int(),
});
export type SheetView = z.infer<typeof SheetView>;

export const PutAnswer = z.object({
  questionKey: z.string().max(80),
  value: AnswerValue.nullable(),
  comment: z.string().max(COMMENT_MAX).nullable().optional(),
  evidenceUrl: WebUrl.nullable().optional(),
  /** The revision the client last saw; a different stored revision means someone else changed it. */
  baseRevision: z.number().int().min(0).optional(),
});
export type PutAnswer = z.infer<typeof PutAnswer>;
export const PutSheet = z.object({ answers: z.array(PutAnswer).min(1).max(200) });
export type PutSheet = z.infer<typeof PutSheet>;

/** 409 answer_conflict: the problem plus the answers as they are now stored. */
export const AnswerConflictProblem = Problem.extend({ current: z.array(SheetAnswer).optional() });

/** Questions that must be answered before a sheet is submitted: the scored ones and rankings. */
export function requiredQuestions(content: TemplateContent): Question[] {
  return content.sections.flatMap((s) => s.questions).filter((q) => q.scored || q.type === 'ranking');
}

/** Answered / all questions on a sheet, for progress and completion. */
export function sheetProgress(content: TemplateContent, answeredKeys: ReadonlySet<string>) {
  const all = content.sections.flatMap((s) => s.questions);
  return { answered: all.filter((q) => answeredKeys.has(q.key)).length, total: all.length };
}
