import { createHash } from 'node:crypto';
import { AppError, type ProblemExtensions } from '../../lib/errors.ts';
import {
  looksLikeZip,
  PACKAGE_ZIP_LIMITS,
  readZip,
  ZipRefusal,
  type ZipRefusalCode,
} from '../../lib/safe-zip.ts';
import { parseCourseStructure } from '../cmi5/course-structure.ts';
import { parseScormManifest, ScormManifestError } from '../scorm/scorm-manifest.ts';
import type { PackageFileInsert } from './package-files.repo.ts';
import { mediaTypeOf, type ReadPackage } from './package-to-course.ts';

/**
 * An uploaded course package read and checked before anything is written: a SCORM zip (imsmanifest.xml
 * at its root), a cmi5 zip (cmi5.xml at its root) or a bare cmi5.xml. Every refusal is an AppError.
 */

export interface PackageContents {
  read: ReadPackage;
  /** The manifest or course structure as stored beside the package. */
  manifest: unknown;
  files: PackageFileInsert[];
  unpackedBytes: number;
  /** SHA-256 of the uploaded file. */
  sha256: string;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A refused zip: 413 when it is too large, 400 otherwise; the problem names the refusal's code. */
export function unsafePackage(code: ZipRefusalCode, message: string): AppError {
  const extensions: ProblemExtensions & { zipProblem: ZipRefusalCode } = { zipProblem: code };
  return new AppError(code === 'zip_too_large' ? 413 : 400, 'package_unsafe', [], message, extensions);
}

export const tooLargePackage = () =>
  unsafePackage(
    'zip_too_large',
    `The package is larger than ${PACKAGE_ZIP_LIMITS.maxZipBytes / (1024 * 1024)} MiB.`,
  );

const notRecognised = () =>
  new AppError(
    400,
    'package_not_recognised',
    [],
    'Neither a SCORM package (imsmanifest.xml at the root of a zip) nor a cmi5 course (cmi5.xml at the root of a zip, or a bare cmi5.xml).',
  );

function invalid(message: string, violatedRequirement?: string): AppError {
  if (violatedRequirement === undefined) return new AppError(400, 'package_invalid', [], message);
  const extensions: ProblemExtensions & { violatedRequirement: string } = { violatedRequirement };
  return new AppError(400, 'package_invalid', [], message, extensions);
}

const xmlText = (data: Buffer) => data.toString('utf8').replace(/^\uFEFF/, '');

function readScorm(xml: string, packageFiles: ReadonlySet<string>): ReadPackage {
  try {
    const manifest = parseScormManifest(xml, { packageFiles });
    return { kind: manifest.version, manifest };
  } catch (error) {
    if (error instanceof ScormManifestError) throw invalid(error.message);
    throw error;
  }
}

function readCmi5(xml: string, packageFiles?: ReadonlySet<string>): ReadPackage {
  const result = parseCourseStructure(xml, packageFiles ? { packageFiles } : {});
  if (!result.ok) throw invalid(result.message, result.violatedRequirement);
  return { kind: 'cmi5', course: result.course };
}

async function unzip(content: Buffer): Promise<Map<string, Buffer>> {
  try {
    return await readZip(content, PACKAGE_ZIP_LIMITS);
  } catch (error) {
    if (error instanceof ZipRefusal) throw unsafePackage(error.code, error.message);
    throw error;
  }
}

const COURSE_STRUCTURE = /<(?:[A-Za-z_][\w.-]*:)?courseStructure[\s/>]/;

/** Reads and checks an uploaded package; nothing is stored here. */
export async function readPackage(content: Buffer): Promise<PackageContents> {
  let files: Map<string, Buffer>;
  let read: ReadPackage;
  if (looksLikeZip(content)) {
    files = await unzip(content);
    const paths = new Set(files.keys());
    // A package exported for both keeps its cmi5 structure: AUs report through xAPI, which says more.
    const cmi5 = files.get('cmi5.xml');
    const manifest = files.get('imsmanifest.xml');
    if (cmi5) read = readCmi5(xmlText(cmi5), paths);
    else if (manifest) read = readScorm(xmlText(manifest), paths);
    else throw notRecognised();
  } else {
    const xml = xmlText(content);
    if (!xml.trimStart().startsWith('<') || !COURSE_STRUCTURE.test(xml)) throw notRecognised();
    read = readCmi5(xml);
    // The structure is kept as the package's one file: its AUs are hosted by their producer.
    files = new Map([['cmi5.xml', content]]);
  }
  const stored: PackageFileInsert[] = [];
  let unpackedBytes = 0;
  for (const [path, data] of files) {
    unpackedBytes += data.length;
    stored.push({
      path,
      mediaType: mediaTypeOf(path),
      sizeBytes: data.length,
      etag: `"${sha256(data)}"`,
      content: data,
    });
  }
  return {
    read,
    manifest: read.kind === 'cmi5' ? read.course : read.manifest,
    files: stored,
    unpackedBytes,
    sha256: sha256(content),
  };
}
