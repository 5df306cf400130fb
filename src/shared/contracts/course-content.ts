import { z } from 'zod';
import { CONTENT_LANGUAGE_TAG, PLAIN_SWEDISH, rtlLanguages } from '../learning/languages.ts';
import { ParamText, WebUrl } from './common.ts';

/**
 * Content languages of courses: Swedish, plain Swedish (lättläst), English, and any added language
 * (BCP 47 tag, right-to-left ones such as Arabic and Persian included). Swedish is required; a learner
 * who picks another language falls back to Swedish where a translation is missing.
 */
export const ContentLanguage = ParamText.regex(CONTENT_LANGUAGE_TAG).describe(
  'BCP 47 tag: sv, sv-x-plain (lättläst), en, ar, fa …',
);
export { PLAIN_SWEDISH, rtlLanguages };

/** A text in several languages; `sv` is required. */
export const Localised = z.object({ sv: z.string().min(1) }).catchall(z.string().min(1));
export type Localised = z.infer<typeof Localised>;

const Key = z.string().regex(/^[a-z0-9-]{1,80}$/);

export const QuizOptionContent = z.object({
  key: Key,
  text: Localised,
  correct: z.boolean(),
  /** Shown after answering: why this option is right or wrong. */
  feedback: Localised,
});

export const QuizQuestionContent = z
  .object({
    key: Key,
    kind: z.enum(['single', 'multiple', 'true_false']),
    prompt: Localised,
    options: z.array(QuizOptionContent).min(2).max(8),
  })
  .refine((q) => q.options.some((o) => o.correct), {
    message: 'A question needs at least one correct option',
  })
  .refine((q) => q.kind === 'multiple' || q.options.filter((o) => o.correct).length === 1, {
    message: 'Single-choice and true/false questions have exactly one correct option',
  })
  .refine((q) => q.kind !== 'true_false' || q.options.length === 2, {
    message: 'True/false has two options',
  });

export const LessonContent = z.object({
  key: Key,
  title: Localised,
  /** Markdown. Images as ![alt](url) with alt text in every language; video as a plain link. */
  body: Localised,
  estimatedMinutes: z.number().int().min(1).max(60),
  /** Links to videos or downloadable files (URL + localised label). */
  resources: z
    .array(z.object({ url: WebUrl, label: Localised, kind: z.enum(['video', 'file', 'link']) }))
    .default([]),
});

export const ModuleContent = z.object({
  key: Key,
  title: Localised,
  summary: Localised,
  lessons: z.array(LessonContent).min(1),
  quiz: z.object({
    /** Share of questions to answer correctly, 0–1. */
    passMark: z.number().min(0).max(1),
    questions: z.array(QuizQuestionContent).min(3),
  }),
  /** Questions for the reflection meeting at the workplace (Norway's model: module + reflection). */
  reflectionQuestions: z.array(Localised).min(2),
});

export const CourseContent = z.object({
  key: Key,
  track: z.enum(['staff', 'managers', 'coordinators']),
  title: Localised,
  summary: Localised,
  /** The languages the course is fully translated into (every text has them). */
  languages: z.array(ContentLanguage).min(1),
  estimatedMinutes: z.number().int().min(5),
  /** When true, attending each module's reflection meeting is part of completing the course. */
  completionRequiresMeetings: z.boolean().default(false),
  modules: z.array(ModuleContent).min(1),
});
export type CourseContent = z.infer<typeof CourseContent>;
