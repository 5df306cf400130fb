import { z } from 'zod';
import { Problem, Uuid } from './common.ts';
import { PackageFormat } from './imported-course.ts';

/**
 * Importing a SCORM 1.2, SCORM 2004 or cmi5 package as a course (issue 18, ADR 21). The request is
 * multipart/form-data: the package in the field `file` (a zip, or a bare cmi5.xml whose AUs are hosted
 * elsewhere) and the fields below. The same package file replaces an imported course's package with a
 * new version.
 */

export const CourseTrack = z.enum(['staff', 'managers', 'coordinators']);
export type CourseTrack = z.infer<typeof CourseTrack>;

/** The form fields sent beside `file`. */
export const CourseImportFields = z.object({
  /**
   * The organisation that owns the new course. An API client's own organisation when left out; a person
   * may leave it out only when they author courses for exactly one organisation.
   */
  ownerOrganisationId: Uuid.optional(),
  /** Who the course is for; `staff` for a new course, the course's own track for a replacement. */
  track: CourseTrack.optional(),
});
export type CourseImportFields = z.infer<typeof CourseImportFields>;

export const ImportedModule = z.object({
  /** Stable across versions for the same SCO or AU identifier: progress carries over. */
  key: z.string(),
  /** The Swedish title (or the package's only title). */
  title: z.string(),
});

export const CourseImportResult = z.object({
  courseId: Uuid,
  kind: PackageFormat,
  /** The published version the package became. */
  version: z.number().int().min(1),
  modules: z.array(ImportedModule),
});
export type CourseImportResult = z.infer<typeof CourseImportResult>;

/** OpenAPI description of the multipart body (validated by hand: the file is streamed, not parsed as JSON). */
export const packageUploadDescription =
  'multipart/form-data: `file` — a SCORM 1.2 or 2004 zip (imsmanifest.xml at its root), a cmi5 zip ' +
  '(cmi5.xml at its root) or a bare cmi5.xml whose AU URLs are absolute; at most 100 MiB zipped, 5,000 ' +
  'files, 250 MiB unpacked. A refused package stores nothing: 400 `package_not_recognised`, ' +
  '`package_unsafe` (with `zipProblem`), `package_invalid` (cmi5: with `violatedRequirement`); 413 ' +
  '`package_unsafe` when the zip is too large';

/** The problem a refused package is answered with: which zip check or cmi5 requirement refused it. */
export const PackageProblem = Problem.extend({
  /** package_unsafe: the zip check that refused it (zip_too_large, zip_unsafe_path, zip_bomb …). */
  zipProblem: z.string().optional(),
  /** package_invalid of a cmi5 course structure: the requirement broken, numbered as in ADL's list. */
  violatedRequirement: z.string().optional(),
}).describe('RFC 9457 problem details');
