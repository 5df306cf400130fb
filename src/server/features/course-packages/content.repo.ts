import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { coursePackageFiles } from '../../db/schema/index.ts';

export interface PackageFileInfo {
  mediaType: string;
  sizeBytes: number;
  etag: string;
}

const fileIs = (packageId: string, path: string) =>
  and(eq(coursePackageFiles.packageId, packageId), eq(coursePackageFiles.path, path));

/** A file's type, size and ETag without its bytes: enough to answer a range request's headers. */
export async function findPackageFileInfo(
  db: Db,
  packageId: string,
  path: string,
): Promise<PackageFileInfo | null> {
  const [row] = await db
    .select({
      mediaType: coursePackageFiles.mediaType,
      sizeBytes: coursePackageFiles.sizeBytes,
      etag: coursePackageFiles.etag,
    })
    .from(coursePackageFiles)
    .where(fileIs(packageId, path));
  return row ?? null;
}

/**
 * `length` bytes of a file from `start` (0-based). A phone seeking in a long video asks for many small
 * ranges; PostgreSQL reads only the slice of a large stored value, so each costs its own size, not the
 * whole file's.
 */
export async function readPackageFileSlice(
  db: Db,
  packageId: string,
  path: string,
  start: number,
  length: number,
): Promise<Buffer | null> {
  const [row] = await db
    .select({
      bytes: sql<
        Buffer | Uint8Array
      >`substring(${coursePackageFiles.content} from ${start + 1}::int for ${length}::int)`,
    })
    .from(coursePackageFiles)
    .where(fileIs(packageId, path));
  if (!row) return null;
  return Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes);
}
