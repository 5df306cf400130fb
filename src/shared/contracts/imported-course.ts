import { z } from 'zod';
import { CourseContent, Localised } from './course-content.ts';

/**
 * Courses imported as SCORM 1.2, SCORM 2004 or cmi5 packages (ADR 21). Their content is the package's
 * structure: each module is one SCO or AU, played from the package's files in the content sandbox. They
 * are stored, versioned, enrolled and reported like courses written in the editor.
 */
export const PackageFormat = z.enum(['scorm12', 'scorm2004', 'cmi5']);
export type PackageFormat = z.infer<typeof PackageFormat>;

const Key = z.string().regex(/^[a-z0-9-]{1,80}$/);

export const PackagedModuleContent = z.object({
  key: Key,
  title: Localised,
  summary: Localised,
  /** The SCO's item identifier (SCORM) or the AU's id IRI (cmi5): attempts carry over where it matches. */
  identifier: z.string().min(1).max(2000),
  kind: z.enum(['sco', 'asset', 'au']),
  /** A path inside the package, or an absolute URL (a cmi5 AU hosted by its producer). */
  launch: z.string().min(1).max(2000),
  /** The score that passes, scaled to 0–1 (SCORM 1.2 mastery score / 100, 2004's measure, cmi5's). */
  passingScore: z.number().min(-1).max(1).nullable(),
  /** SCORM: the item's data from the LMS; cmi5: the AU's launch parameters. */
  launchData: z.string().max(64_000).nullable(),
  /** The titles of the clusters (SCORM items without content) the SCO stands in, outermost first. */
  path: z.array(z.string()).default([]),
  /** cmi5: what satisfies the AU. SCORM modules are satisfied by completion (and passing, with a score). */
  moveOn: z
    .enum(['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'])
    .optional(),
  launchMethod: z.enum(['AnyWindow', 'OwnWindow']).optional(),
});
export type PackagedModuleContent = z.infer<typeof PackagedModuleContent>;

export const ImportedCourseContent = z.object({
  format: PackageFormat,
  packageId: z.uuid(),
  key: Key,
  track: z.enum(['staff', 'managers', 'coordinators']),
  title: Localised,
  summary: Localised,
  languages: z.array(z.string()).min(1),
  estimatedMinutes: z.number().int().min(5),
  /** Between modules: free choice, previous/next in manifest order, or forward only (SCORM 2004). */
  navigation: z.object({ choice: z.boolean(), flow: z.boolean(), forwardOnly: z.boolean() }),
  modules: z.array(PackagedModuleContent).min(1),
});
export type ImportedCourseContent = z.infer<typeof ImportedCourseContent>;

/** What a course version holds: a course written in the editor, or an imported package's structure. */
export const StoredCourseContent = z.union([ImportedCourseContent, CourseContent]);
export type StoredCourseContent = z.infer<typeof StoredCourseContent>;

export const isImported = (content: StoredCourseContent): content is ImportedCourseContent =>
  'format' in content;

/**
 * Where a module's first page is served: a path inside the package on the content path (each segment
 * escaped once, its query and fragment kept), or the absolute URL of a cmi5 AU hosted elsewhere.
 */
export function packageLaunchUrl(packageId: string, launch: string): string {
  if (/^https?:\/\//i.test(launch)) return launch;
  const cut = launch.search(/[?#]/);
  const path = cut < 0 ? launch : launch.slice(0, cut);
  const rest = cut < 0 ? '' : launch.slice(cut);
  const once = (segment: string) => {
    try {
      return encodeURIComponent(decodeURIComponent(segment));
    } catch {
      return encodeURIComponent(segment);
    }
  };
  return `/content/${packageId}/${path.split('/').map(once).join('/')}${rest}`;
}
