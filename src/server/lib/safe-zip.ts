import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';

export interface ZipLimits {
  maxZipBytes: number;
  maxEntries: number;
  maxUnpackedBytes: number;
  maxFileBytes: number;
  maxRatio: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;

/** The limits for course packages: zip ≤ 100 MiB, ≤ 5,000 entries, unpacked ≤ 250 MiB in all, one file ≤ 100 MiB, compression ratio ≤ 100:1 for any entry over 1 MiB unpacked. */
export const PACKAGE_ZIP_LIMITS: ZipLimits = Object.freeze({
  maxZipBytes: 100 * MiB,
  maxEntries: 5000,
  maxUnpackedBytes: 250 * MiB,
  maxFileBytes: 100 * MiB,
  maxRatio: 100,
});

// Small files cost little to inflate whatever their ratio, and real packages hold text (manifests,
// minified JavaScript, padded JSON) that compresses far past 100:1; only big entries are bomb-shaped.
const RATIO_APPLIES_ABOVE = MiB;

export type ZipRefusalCode =
  | 'zip_too_large'
  | 'zip_unreadable'
  | 'zip_encrypted'
  | 'zip_unsafe_path'
  | 'zip_symlink'
  | 'zip_too_many_entries'
  | 'zip_unpacked_too_large'
  | 'zip_bomb'
  | 'zip_duplicate_path';

/** Why an uploaded zip was refused; the message is plain English, the UI translates by code. */
export class ZipRefusal extends Error {
  constructor(
    readonly code: ZipRefusalCode,
    message: string,
    /** The entry's name as stored in the zip, when one entry is to blame. */
    readonly entry?: string,
  ) {
    super(message);
    this.name = 'ZipRefusal';
  }
}

const LOCAL_FILE_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ARCHIVE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** Whether a buffer starts like a zip (local file header or empty-archive signature), to tell a zip from a bare XML upload. */
export function looksLikeZip(content: Buffer): boolean {
  const head = content.subarray(0, 4);
  return head.equals(LOCAL_FILE_HEADER) || head.equals(EMPTY_ARCHIVE);
}

function bytes(count: number): string {
  if (count >= MiB) return `${Number((count / MiB).toFixed(1))} MiB`;
  if (count >= KiB) return `${Number((count / KiB).toFixed(1))} KiB`;
  return `${count} bytes`;
}

// JSON quoting shows control characters as escapes instead of printing them into a message.
const quoted = (name: string) => JSON.stringify(name);

function refuse(code: ZipRefusalCode, message: string, entry?: string): never {
  throw new ZipRefusal(code, message, entry);
}

const UNREADABLE = 'The file is not a zip archive, or it is damaged or incomplete.';
const unsafePath = (entry: string) =>
  new ZipRefusal(
    'zip_unsafe_path',
    `The package contains a file with an unsafe path: ${quoted(entry)}.`,
    entry,
  );
const overDeclared = (entry: string) =>
  new ZipRefusal('zip_bomb', `The file ${quoted(entry)} unpacks to more than the zip declares.`, entry);
const encrypted = (entry?: string) =>
  new ZipRefusal(
    'zip_encrypted',
    'The package contains encrypted files; zip it again without a password.',
    entry,
  );

/**
 * yauzl reports some refusals as plain errors: with decodeStrings it checks names itself (after
 * turning backslashes into '/'), and validateEntrySizes fails an entry that inflates past its size.
 */
function refusalFrom(error: unknown, entry?: string): ZipRefusal {
  if (error instanceof ZipRefusal) return error;
  const message = error instanceof Error ? error.message : '';
  const badName = /^(?:absolute path|invalid relative path): (.*)$/s.exec(message);
  if (badName) return unsafePath(badName[1] ?? '');
  if (message.startsWith('too many bytes in the stream') && entry !== undefined) return overDeclared(entry);
  if (message === 'strong encryption is not supported') return encrypted(entry);
  return new ZipRefusal('zip_unreadable', UNREADABLE, entry);
}

const CONTROL = /\p{Cc}/u;
const UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** The path a file is kept under, or null for an entry to skip (a directory or macOS Finder junk). */
function normalisedPath(entry: yauzl.Entry): string | null {
  const name = entry.fileName.replaceAll('\\', '/');
  // The raw bytes too: yauzl decodes non-UTF-8 names as CP437, where bytes 1–31 become symbols.
  const rawControl = entry.fileNameRaw.some((byte) => byte < 0x20 || byte === 0x7f);
  if (rawControl || CONTROL.test(name) || /^(?:\/|[A-Za-z]:)/.test(name) || name.split('/').includes('..')) {
    throw unsafePath(entry.fileName);
  }
  if (name.endsWith('/')) return null;
  const segments = name.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0) throw unsafePath(entry.fileName);
  if (segments[0] === '__MACOSX' || segments.at(-1) === '.DS_Store') return null;
  return segments.join('/');
}

function isSymlink(entry: yauzl.Entry): boolean {
  return entry.versionMadeBy >> 8 === UNIX && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

interface Planned {
  entry: yauzl.Entry;
  path: string;
}

/** Reads the central directory and refuses the zip on its declarations alone, before inflating anything. */
async function plan(zip: yauzl.ZipFile, limits: ZipLimits): Promise<Planned[]> {
  if (zip.entryCount > limits.maxEntries) {
    throw new ZipRefusal(
      'zip_too_many_entries',
      `The package has more than ${limits.maxEntries.toLocaleString('en')} files and folders.`,
    );
  }
  const planned: Planned[] = [];
  const seen = new Set<string>();
  let declared = 0;
  for await (const entry of zip.eachEntry()) {
    const name = entry.fileName;
    const path = normalisedPath(entry);
    if (path === null) continue;
    if (isSymlink(entry)) {
      refuse('zip_symlink', `The package contains a symbolic link: ${quoted(name)}.`, name);
    }
    if (entry.isEncrypted()) throw encrypted(name);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      const method = `compression method ${entry.compressionMethod}`;
      refuse('zip_unreadable', `The file ${quoted(name)} uses ${method}; zip it again with Deflate.`, name);
    }
    if (seen.has(path)) refuse('zip_duplicate_path', `The package contains ${quoted(path)} twice.`, name);
    seen.add(path);
    const size = entry.uncompressedSize;
    if (size > limits.maxFileBytes) {
      refuse(
        'zip_unpacked_too_large',
        `The file ${quoted(name)} unpacks to more than ${bytes(limits.maxFileBytes)}.`,
        name,
      );
    }
    declared += size;
    if (declared > limits.maxUnpackedBytes) {
      refuse('zip_unpacked_too_large', `The package unpacks to more than ${bytes(limits.maxUnpackedBytes)}.`);
    }
    if (size > RATIO_APPLIES_ABOVE && size > entry.compressedSize * limits.maxRatio) {
      refuse('zip_bomb', `The file ${quoted(name)} is compressed more than ${limits.maxRatio}:1.`, name);
    }
    planned.push({ entry, path });
  }
  return planned;
}

/** Inflates one entry, counting what really comes out instead of trusting the declared sizes. */
async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number, limits: ZipLimits) {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > entry.uncompressedSize) throw overDeclared(entry.fileName);
    if (length > budget) {
      refuse(
        'zip_bomb',
        `The package unpacks to more than ${bytes(limits.maxUnpackedBytes)}.`,
        entry.fileName,
      );
    }
    chunks.push(chunk);
  }
  const data = Buffer.concat(chunks, length);
  // yauzl checks neither short output for stored entries nor the CRC: both mean a damaged file.
  if (length !== entry.uncompressedSize || crc32(data) !== entry.crc32) {
    refuse('zip_unreadable', UNREADABLE, entry.fileName);
  }
  return data;
}

/** Files by normalised path (forward slashes, no leading './'), directories left out. Throws ZipRefusal; never partial. */
export async function readZip(
  content: Buffer,
  limits: ZipLimits = PACKAGE_ZIP_LIMITS,
): Promise<Map<string, Buffer>> {
  if (content.length > limits.maxZipBytes) {
    throw new ZipRefusal('zip_too_large', `The package is larger than ${bytes(limits.maxZipBytes)}.`);
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(content, {
      validateEntrySizes: true,
      strictFileNames: false,
      decodeStrings: true,
      lazyEntries: true,
    });
  } catch (error) {
    throw refusalFrom(error);
  }
  try {
    let planned: Planned[];
    try {
      planned = await plan(zip, limits);
    } catch (error) {
      throw refusalFrom(error);
    }
    const files = new Map<string, Buffer>();
    let unpacked = 0;
    for (const { entry, path } of planned) {
      try {
        const data = await inflate(zip, entry, limits.maxUnpackedBytes - unpacked, limits);
        unpacked += data.length;
        files.set(path, data);
      } catch (error) {
        throw refusalFrom(error, entry.fileName);
      }
    }
    return files;
  } finally {
    zip.close();
  }
}
