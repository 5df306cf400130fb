import { and, eq, like, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { coursePackageFiles, coursePackages, courses } from '../../db/schema/index.ts';

export interface PackageFileInsert {
  path: string;
  mediaType: string;
  sizeBytes: number;
  /** Quoted SHA-256 of the content. */
  etag: string;
  content: Buffer;
}

export interface PackageInsert {
  id: string;
  courseId: string;
  kind: 'scorm12' | 'scorm2004' | 'cmi5';
  manifest: unknown;
  sha256: string;
  unpackedBytes: number;
  uploadedBy: string;
  files: readonly PackageFileInsert[];
}

// One statement per batch keeps both the parameter count and the size of a single query bounded, whatever
// the package holds (up to 5,000 files and 250 MiB).
const BATCH_FILES = 500;
const BATCH_BYTES = 16 * 1024 * 1024;

function* batches(files: readonly PackageFileInsert[]) {
  let batch: PackageFileInsert[] = [];
  let bytes = 0;
  for (const file of files) {
    if (batch.length && (batch.length >= BATCH_FILES || bytes + file.sizeBytes > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(file);
    bytes += file.sizeBytes;
  }
  if (batch.length) yield batch;
}

/** The package and all its files; the caller's transaction makes them appear together or not at all. */
export async function insertPackage(db: Db, pkg: PackageInsert): Promise<void> {
  await db.insert(coursePackages).values({
    id: pkg.id,
    courseId: pkg.courseId,
    kind: pkg.kind,
    manifest: pkg.manifest,
    sha256: pkg.sha256,
    fileCount: pkg.files.length,
    unpackedBytes: pkg.unpackedBytes,
    uploadedBy: pkg.uploadedBy,
  });
  for (const batch of batches(pkg.files)) {
    await db.insert(coursePackageFiles).values(batch.map((f) => ({ packageId: pkg.id, ...f })));
  }
}

/** One file of a package, as the content route serves it; null when the package has no such path. */
export async function findPackageFile(
  db: Db,
  packageId: string,
  path: string,
): Promise<{ mediaType: string; sizeBytes: number; etag: string; content: Buffer } | null> {
  const [row] = await db
    .select({
      mediaType: coursePackageFiles.mediaType,
      sizeBytes: coursePackageFiles.sizeBytes,
      etag: coursePackageFiles.etag,
      content: coursePackageFiles.content,
    })
    .from(coursePackageFiles)
    .where(and(eq(coursePackageFiles.packageId, packageId), eq(coursePackageFiles.path, path)));
  return row ?? null;
}

/** Course keys that are `base` or start with `base-`: the candidates a new key must avoid. */
export async function keysLike(db: Db, base: string): Promise<Set<string>> {
  const rows = await db
    .select({ key: courses.key })
    .from(courses)
    .where(or(eq(courses.key, base), like(courses.key, `${base}-%`)));
  return new Set(rows.map((r) => r.key));
}

/** The draft of an imported course follows its newest package (there is nothing to edit by hand). */
export async function setImportedDraft(
  db: Db,
  courseId: string,
  draft: unknown,
  track: 'staff' | 'managers' | 'coordinators',
): Promise<void> {
  await db.update(courses).set({ draft, track, updatedAt: new Date() }).where(eq(courses.id, courseId));
}
