import { type ImportedCourseContent, isImported } from '../../../shared/contracts/imported-course.ts';
import type {
  ImportedModuleResult,
  ModuleResultSummary,
  WrongInteraction,
} from '../../../shared/contracts/imported-results.ts';
import { type CourseRow, pick } from './course-content.ts';
import type { InteractionRow, ModuleResultRow, ModuleSummaryRow } from './imported-results.repo.ts';

/** A published course that plays an imported package. */
export type ImportedCourseRow = CourseRow & { content: ImportedCourseContent };

export const asImported = (course: CourseRow | null | undefined): ImportedCourseRow | null =>
  course && isImported(course.content) ? (course as ImportedCourseRow) : null;

/**
 * The module of the course's published version a result belongs to: SCORM attempts name the module
 * key, cmi5 progress the AU's id. A result of a module the current version no longer has (replaced by
 * a package whose identifiers differ) has no place to be shown and is left out.
 */
export function moduleOf(course: ImportedCourseRow, row: Pick<ModuleResultRow, 'kind' | 'module_ref'>) {
  return course.content.modules.find((m) =>
    row.kind === 'cmi5' ? m.identifier === row.module_ref : m.key === row.module_ref,
  );
}

/** Scores are stored as `real`: rounded to what a 0–1 share can sensibly show. */
const share = (n: number | null): number | null =>
  n === null || !Number.isFinite(n) ? null : Math.round(n * 10_000) / 10_000;

const numberOrNull = (s: string | null): number | null => {
  if (s === null || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

export function summaryOf(row: ModuleSummaryRow | undefined): ModuleResultSummary {
  return {
    started: row?.started ?? 0,
    completed: row?.completed ?? 0,
    passed: row?.passed ?? 0,
    failed: row?.failed ?? 0,
    waived: row?.waived ?? 0,
    scored: row?.scored ?? 0,
    averageScore: share(row?.average_score ?? null),
    medianScore: share(row?.median_score ?? null),
  };
}

/** Each module's summary by module key (zeros where nobody started it). */
export function summariesByModule(
  course: ImportedCourseRow,
  rows: readonly ModuleSummaryRow[],
): Map<string, ModuleResultSummary> {
  const byKey = new Map<string, ModuleSummaryRow>();
  for (const r of rows) {
    const m = r.course_id === course.id ? moduleOf(course, r) : undefined;
    if (m) byKey.set(m.key, r);
  }
  return new Map(course.content.modules.map((m) => [m.key, summaryOf(byKey.get(m.key))]));
}

/** Each module of the course in package order, with its title and summary. */
export function moduleSummaries(course: ImportedCourseRow, rows: readonly ModuleSummaryRow[], lang: string) {
  const byKey = summariesByModule(course, rows);
  return course.content.modules.map((m) => ({
    key: m.key,
    title: pick(m.title, lang).text,
    ...(byKey.get(m.key) ?? summaryOf(undefined)),
  }));
}

/** One learner's row, or null when its module is not in the course's published version. */
export function learnerResult(
  course: ImportedCourseRow,
  row: ModuleResultRow,
  who: { userId: string; name: string; municipality: string; unit: string | null },
  lang: string,
): ImportedModuleResult | null {
  const m = moduleOf(course, row);
  if (!m) return null;
  const scorm = row.kind === 'scorm';
  return {
    ...who,
    courseId: course.id,
    moduleKey: m.key,
    moduleTitle: pick(m.title, lang).text,
    format: course.content.format,
    completion: row.completion,
    success: row.success,
    scoreScaled: share(row.score_scaled),
    scoreRaw: numberOrNull(row.score_raw),
    scoreMax: numberOrNull(row.score_max),
    secondsTotal: scorm ? (row.seconds ?? 0) : null,
    attempts: scorm ? (row.attempts ?? 0) : null,
    waived: scorm ? null : !!row.waived,
    sessions: scorm ? null : (row.sessions ?? 0),
  };
}

/** How many interactions of a module the feedback page lists: the ones most often answered wrong. */
const MAX_INTERACTIONS = 10;

export function wrongInteractionsOf(rows: readonly InteractionRow[], moduleKey: string): WrongInteraction[] {
  return rows
    .filter((r) => r.module_key === moduleKey)
    .sort(
      (a, b) => b.wrong - a.wrong || b.wrong / b.answers - a.wrong / a.answers || a.id.localeCompare(b.id),
    )
    .slice(0, MAX_INTERACTIONS)
    .map((r) => ({ id: r.id, description: r.description, answers: r.answers, wrong: r.wrong }));
}
