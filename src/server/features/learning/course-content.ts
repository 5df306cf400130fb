import type { CourseContent, Localised } from '../../../shared/contracts/course-content.ts';
import {
  isImported,
  packageLaunchUrl,
  type StoredCourseContent,
} from '../../../shared/contracts/imported-course.ts';
import type { CourseDetail, CourseSummary } from '../../../shared/contracts/learning.ts';

import { ACTIVITY_BASE } from '../../../shared/learning/activity.ts';
import { markdownTree } from '../../lib/markdown-tree.ts';

export { ACTIVITY_BASE };

/** The text in the wanted language, or in Swedish when that translation is missing. */
export function pick(text: Localised, lang: string): { text: string; language: string } {
  const own = text[lang];
  return own ? { text: own, language: lang } : { text: text.sv, language: 'sv' };
}

export interface CourseRow {
  id: string;
  key: string;
  track: CourseSummary['track'];
  visibility: CourseSummary['visibility'];
  ownerOrganisationId: string;
  version: number;
  content: StoredCourseContent;
}

/** A course written in the editor: lessons, quizzes and reflection meetings. */
export type NativeCourseRow = CourseRow & { content: CourseContent };
export const isNativeCourse = (row: CourseRow | null | undefined): row is NativeCourseRow =>
  !!row && !isImported(row.content);

export function toSummary(row: CourseRow, lang: string): CourseSummary {
  const c = row.content;
  const language = c.languages.includes(lang) ? lang : 'sv';
  return {
    id: row.id,
    key: row.key,
    track: row.track,
    title: pick(c.title, language).text,
    summary: pick(c.summary, language).text,
    languages: c.languages,
    language,
    estimatedMinutes: c.estimatedMinutes,
    moduleCount: c.modules.length,
    completionRequiresMeetings: !isImported(c) && (c.completionRequiresMeetings ?? false),
    version: row.version,
    visibility: row.visibility,
    ownerOrganisationId: row.ownerOrganisationId,
    format: isImported(c) ? c.format : 'native',
  };
}

/** The whole course in one language as a learner reads it, per text falling back to Swedish. */
export function toDetail(row: CourseRow, lang: string): CourseDetail {
  const t = (x: Localised) => pick(x, lang).text;
  const c = row.content;
  if (isImported(c)) {
    return {
      ...toSummary(row, lang),
      format: c.format,
      navigation: c.navigation,
      modules: c.modules.map((m) => ({
        key: m.key,
        title: t(m.title),
        summary: t(m.summary),
        kind: m.kind,
        launchUrl: packageLaunchUrl(c.packageId, m.launch),
        path: m.path,
      })),
    };
  }
  return {
    ...toSummary(row, lang),
    format: 'native',
    modules: c.modules.map((m) => ({
      key: m.key,
      title: t(m.title),
      summary: t(m.summary),
      lessons: m.lessons.map((l) => ({
        key: l.key,
        title: t(l.title),
        body: markdownTree(pick(l.body, lang).text),
        language: pick(l.body, lang).language,
        estimatedMinutes: l.estimatedMinutes,
        resources: l.resources.map((r) => ({ url: r.url, label: t(r.label), kind: r.kind })),
      })),
      quiz: {
        passMark: m.quiz.passMark,
        questions: m.quiz.questions.map((q) => ({
          key: q.key,
          kind: q.kind,
          prompt: t(q.prompt),
          // Which options are right, and the feedback that tells, stay on the server until answered (ADR 13).
          options: q.options.map((o) => ({ key: o.key, text: t(o.text) })),
        })),
      },
      reflectionQuestions: m.reflectionQuestions.map(t),
    })),
  };
}

/** The item an imported course's module (one SCO or AU) completes. */
export const unitItem = (moduleKey: string) => `unit:${moduleKey}`;

/**
 * Every item a learner must complete: each lesson and quiz, and each reflection meeting if the course
 * says so; in an imported course, each SCO or AU that counts (a cmi5 AU with moveOn NotApplicable does not).
 */
export function requiredItems(content: StoredCourseContent): string[] {
  if (isImported(content)) {
    return content.modules.filter((m) => m.moveOn !== 'NotApplicable').map((m) => unitItem(m.key));
  }
  return content.modules.flatMap((m) => [
    ...m.lessons.map((l) => `lesson:${m.key}/${l.key}`),
    `quiz:${m.key}`,
    ...(content.completionRequiresMeetings ? [`meeting:${m.key}`] : []),
  ]);
}

/**
 * Maps an activity IRI to the item it completes: `…/courses/<course>/modules/<m>/lessons/<l>` → lesson,
 * `…/modules/<m>/quiz` → quiz, `…/modules/<m>` → module (reflection meeting attendance).
 */
export function parseActivity(
  iri: string,
): { courseKey: string; moduleKey: string; lessonKey?: string; quiz?: true } | null {
  if (!iri.startsWith(`${ACTIVITY_BASE}/`)) return null;
  const parts = iri.slice(ACTIVITY_BASE.length + 1).split('/');
  const [courseKey, modules, moduleKey, kind, lessonKey] = parts;
  if (!courseKey || modules !== 'modules' || !moduleKey) return null;
  if (kind === undefined && parts.length === 3) return { courseKey, moduleKey };
  if (kind === 'quiz' && parts.length === 4) return { courseKey, moduleKey, quiz: true };
  if (kind === 'lessons' && lessonKey && parts.length === 5) return { courseKey, moduleKey, lessonKey };
  return null;
}

/** Seconds in an ISO 8601 duration such as PT4M30S (no days or larger: one activity is short). */
export function durationSeconds(duration: string | undefined): number {
  if (!duration) return 0;
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration);
  if (!m) return 0;
  return Math.round(Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0));
}
