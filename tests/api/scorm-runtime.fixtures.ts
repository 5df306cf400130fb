import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.ts';
import {
  coursePackageFiles,
  coursePackages,
  courses,
  courseVersions,
} from '../../src/server/db/schema/index.ts';
import {
  ImportedCourseContent,
  type PackagedModuleContent,
  type PackageFormat,
} from '../../src/shared/contracts/imported-course.ts';

/** One SCO (or AU) of an imported course, launched from `<key>/index.html` in the package. */
export const sco = (key: string, extra: Partial<PackagedModuleContent> = {}): PackagedModuleContent => ({
  key,
  title: { sv: `Modul ${key}` },
  summary: { sv: 'Sammanfattning' },
  identifier: `item-${key}`,
  kind: 'sco',
  launch: `${key}/index.html`,
  passingScore: null,
  launchData: null,
  path: [],
  ...extra,
});

/**
 * An imported course as the import leaves it (course, package with one file, published version),
 * written directly so the run-time tests do not depend on the import.
 */
export async function importedCourse(
  db: Db,
  owner: string,
  course: { key: string; format: PackageFormat; modules: PackagedModuleContent[]; manifest?: unknown },
) {
  const { key, format, modules } = course;
  const [row] = await db
    .insert(courses)
    .values({ key, track: 'staff', ownerOrganisationId: owner, visibility: 'national', draft: {} })
    .returning({ id: courses.id });
  const courseId = row!.id;
  const [pkg] = await db
    .insert(coursePackages)
    .values({
      courseId,
      kind: format,
      manifest: course.manifest ?? {},
      sha256: 'a'.repeat(64),
      fileCount: 1,
      unpackedBytes: 4,
    })
    .returning({ id: coursePackages.id });
  const packageId = pkg!.id;
  const body = Buffer.from('<p/>');
  await db.insert(coursePackageFiles).values({
    packageId,
    path: modules[0]!.launch,
    mediaType: 'text/html',
    sizeBytes: body.length,
    etag: `"${createHash('sha256').update(body).digest('hex')}"`,
    content: body,
  });
  const content = ImportedCourseContent.parse({
    format,
    packageId,
    key,
    track: 'staff',
    title: { sv: `Kurs ${key}` },
    summary: { sv: 'Importerad' },
    languages: ['sv'],
    estimatedMinutes: 15,
    navigation: { choice: true, flow: true, forwardOnly: false },
    modules,
  });
  await db.insert(courseVersions).values({ courseId, version: 1, content });
  await db.update(courses).set({ publishedVersion: 1, draft: content }).where(eq(courses.id, courseId));
  return { courseId, packageId };
}
