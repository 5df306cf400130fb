import { z } from 'zod';
import { IsoDateTime, Uuid, WebUrl } from './common.ts';
import { ContentLanguage } from './course-content.ts';
import { PackageFormat } from './imported-course.ts';
import { MdTree } from './markdown-tree.ts';

/**
 * Course authoring. A draft is work in progress: it has the shape of `CourseContent` but may be
 * incomplete (empty texts, too few questions). Publishing checks the full schema and that every text
 * has every language the course declares, then freezes the draft as a new version.
 */

const Key = z.string().regex(/^[a-z0-9-]{1,80}$/, 'key_format');
const Text = z.string().max(100_000);

/** A text in several languages while it is being written; any may still be empty. */
export const DraftLocalised = z.record(ContentLanguage, Text);
export type DraftLocalised = z.infer<typeof DraftLocalised>;

export const DraftOption = z.object({
  key: Key,
  text: DraftLocalised,
  correct: z.boolean(),
  feedback: DraftLocalised,
});
/** Answer options a quiz question may have (the editor offers "add option" up to this many). */
export const MAX_QUIZ_OPTIONS = 8;
export const DraftQuestion = z.object({
  key: Key,
  kind: z.enum(['single', 'multiple', 'true_false']),
  prompt: DraftLocalised,
  options: z.array(DraftOption).max(MAX_QUIZ_OPTIONS),
});
export const DraftLesson = z.object({
  key: Key,
  title: DraftLocalised,
  body: DraftLocalised,
  estimatedMinutes: z.number().int().min(1).max(60),
  resources: z
    .array(z.object({ url: WebUrl, label: DraftLocalised, kind: z.enum(['video', 'file', 'link']) }))
    .max(50)
    .default([]),
});
export const DraftModule = z.object({
  key: Key,
  title: DraftLocalised,
  summary: DraftLocalised,
  lessons: z.array(DraftLesson).max(100),
  quiz: z.object({
    passMark: z.number().min(0).max(1),
    questions: z.array(DraftQuestion).max(100),
  }),
  reflectionQuestions: z.array(DraftLocalised).max(50),
});
export const DraftContent = z.object({
  key: Key,
  track: z.enum(['staff', 'managers', 'coordinators']),
  title: DraftLocalised,
  summary: DraftLocalised,
  languages: z.array(ContentLanguage).min(1).max(30),
  estimatedMinutes: z.number().int().min(5),
  completionRequiresMeetings: z.boolean().default(false),
  modules: z.array(DraftModule).max(50),
});
export type DraftContent = z.infer<typeof DraftContent>;
export type DraftModule = z.infer<typeof DraftModule>;
export type DraftLesson = z.infer<typeof DraftLesson>;
export type DraftQuestion = z.infer<typeof DraftQuestion>;

export const CourseVisibility = z.enum(['national', 'region', 'municipality']);

export const CreateCourse = z.object({
  key: Key,
  track: z.enum(['staff', 'managers', 'coordinators']),
  ownerOrganisationId: Uuid,
  visibility: CourseVisibility,
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(2000),
});
export type CreateCourse = z.infer<typeof CreateCourse>;

export const CourseDraftView = z.object({
  id: Uuid,
  key: z.string(),
  track: z.enum(['staff', 'managers', 'coordinators']),
  ownerOrganisationId: Uuid,
  ownerName: z.string(),
  visibility: CourseVisibility,
  publishedVersion: z.number().int().nullable(),
  /** Send back when saving: a save on top of someone else's newer one is refused (409). */
  updatedAt: IsoDateTime,
  /** The draft written in the editor; null for an imported course, whose content is its package. */
  content: DraftContent.nullable(),
  /**
   * An imported SCORM or cmi5 course (issue 18): its package's format and modules. It is not edited here;
   * a new package replaces it (POST /courses/{id}/package). Null for a course written in the editor.
   */
  imported: z
    .object({
      format: PackageFormat,
      packageId: Uuid,
      /** The course's Swedish title (or the package's only one). */
      title: z.string(),
      /** In the package's order; the Swedish title (or the package's only one). */
      modules: z.array(z.object({ key: z.string(), title: z.string() })),
    })
    .nullable(),
});
export type CourseDraftView = z.infer<typeof CourseDraftView>;

export const SaveDraft = z.object({ updatedAt: IsoDateTime, content: DraftContent });
export type SaveDraft = z.infer<typeof SaveDraft>;

export const PublishCourse = z.object({ updatedAt: IsoDateTime.optional() });
export const PublishResult = z.object({ version: z.number().int(), publishedAt: IsoDateTime });

export const AuthoringCourse = z.object({
  id: Uuid,
  key: z.string(),
  track: z.enum(['staff', 'managers', 'coordinators']),
  title: z.string(),
  ownerOrganisationId: Uuid,
  ownerName: z.string(),
  visibility: CourseVisibility,
  publishedVersion: z.number().int().nullable(),
  /** True when the draft differs from the published version (or nothing is published yet). */
  hasUnpublishedChanges: z.boolean(),
  updatedAt: IsoDateTime,
});
export type AuthoringCourse = z.infer<typeof AuthoringCourse>;
export const AuthoringCourseList = z.object({ items: z.array(AuthoringCourse) });

/** Organisations where I may create courses, with the visibility that fits each. */
export const AuthoringOwner = z.object({
  id: Uuid,
  name: z.string(),
  kind: z.string(),
  visibility: CourseVisibility,
});
export const AuthoringOwnerList = z.object({ items: z.array(AuthoringOwner) });

export const CourseIdParams = z.object({ id: Uuid });

/**
 * Lesson texts to preview: parsed on the server exactly as a published version's are. Parsing takes a
 * few milliseconds per 1 000 characters, so one request is kept to about a course in one language.
 */
export const MarkdownPreview = z.object({
  texts: z
    .array(Text)
    .min(1)
    .max(200)
    .refine((texts) => texts.reduce((sum, t) => sum + t.length, 0) <= 300_000, {
      message: 'At most 300 000 characters in all',
    }),
});
export const MarkdownPreviewResult = z.object({ trees: z.array(MdTree) });

/** Every localised text of a draft with its path, e.g. `modules.0.lessons.1.body`. */
export function localisedTexts(c: DraftContent): { path: string; text: DraftLocalised }[] {
  const out: { path: string; text: DraftLocalised }[] = [
    { path: 'title', text: c.title },
    { path: 'summary', text: c.summary },
  ];
  c.modules.forEach((m, mi) => {
    const mp = `modules.${mi}`;
    out.push({ path: `${mp}.title`, text: m.title }, { path: `${mp}.summary`, text: m.summary });
    m.lessons.forEach((l, li) => {
      const lp = `${mp}.lessons.${li}`;
      out.push({ path: `${lp}.title`, text: l.title }, { path: `${lp}.body`, text: l.body });
      l.resources.forEach((r, ri) => {
        out.push({ path: `${lp}.resources.${ri}.label`, text: r.label });
      });
    });
    m.quiz.questions.forEach((q, qi) => {
      const qp = `${mp}.quiz.questions.${qi}`;
      out.push({ path: `${qp}.prompt`, text: q.prompt });
      q.options.forEach((o, oi) => {
        out.push(
          { path: `${qp}.options.${oi}.text`, text: o.text },
          { path: `${qp}.options.${oi}.feedback`, text: o.feedback },
        );
      });
    });
    m.reflectionQuestions.forEach((r, ri) => {
      out.push({ path: `${mp}.reflectionQuestions.${ri}`, text: r });
    });
  });
  return out;
}

/** Paths of texts missing in a language (`<path>.<lang>`), for the editor and for publishing. */
export function missingTranslations(c: DraftContent, languages: readonly string[] = c.languages): string[] {
  const missing: string[] = [];
  for (const { path, text } of localisedTexts(c)) {
    for (const lang of languages) if (!text[lang]?.trim()) missing.push(`${path}.${lang}`);
  }
  return missing;
}
