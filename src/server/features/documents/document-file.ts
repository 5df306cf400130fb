import { createHash } from 'node:crypto';
import path from 'node:path';
import { unzipSync } from 'fflate';
import {
  DOCUMENT_MAX_BYTES,
  type DocumentFileExt,
  documentFileTypes,
} from '../../../shared/contracts/documents.ts';
import { AppError } from '../../lib/errors.ts';
import { uploadedFileName } from '../../lib/file-names.ts';

export interface InspectedFile {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
  /** Plain text for search; may be empty (a scanned PDF has no text layer). */
  text: string;
}

/** Types that are programs whatever they are called: refused with their own message. */
const executableExts = new Set(['exe', 'elf', 'macho', 'msi', 'dmg', 'deb', 'rpm', 'apk', 'class', 'wasm']);

/** A DOCX/ODT is a ZIP; its declared unpacked size is checked before anything inflates it (zip bombs). */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

/** PostgreSQL caps a tsvector at 1 MB; text beyond this is kept out of the index (and the row). */
const MAX_TEXT_CHARS = 400_000;

const fail = (status: number, code: ConstructorParameters<typeof AppError>[1]) =>
  new AppError(status, code, [{ path: 'body.file', code }]);

/**
 * Checks an upload by what it contains — never by its name or the browser's content type — and extracts
 * its text. Refuses programs, other types, files whose name claims a type their content is not, and files
 * that cannot be read (damaged or password protected). Throws before anything is written.
 */
export async function inspectDocumentFile(content: Buffer, originalName: string): Promise<InspectedFile> {
  if (content.length > DOCUMENT_MAX_BYTES) throw fail(413, 'document_too_large');
  // The file sniffer and text extractors load on the first upload, not at start-up.
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(content);
  const claimed = path.extname(originalName).slice(1).toLowerCase();
  if (detected && executableExts.has(detected.ext)) throw fail(415, 'document_executable');
  const ext = detected && detected.ext in documentFileTypes ? (detected.ext as DocumentFileExt) : null;
  if (!ext) {
    throw fail(415, claimed in documentFileTypes ? 'document_content_mismatch' : 'document_type_not_allowed');
  }
  const text = cleanText(await extract(ext, content));
  return {
    fileName: uploadedFileName(originalName, ext, 'dokument'),
    mediaType: documentFileTypes[ext],
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
    text,
  };
}

async function extract(ext: DocumentFileExt, content: Buffer): Promise<string> {
  try {
    switch (ext) {
      case 'pdf': {
        // pdf.js takes ownership of the array it is given: pass a copy, keep the Buffer we store.
        const { extractText, getDocumentProxy } = await import('unpdf');
        const pdf = await getDocumentProxy(new Uint8Array(content));
        try {
          return (await extractText(pdf, { mergePages: true })).text;
        } finally {
          await pdf.destroy();
        }
      }
      case 'docx': {
        checkUnpackedSize(content);
        const { default: mammoth } = await import('mammoth');
        return (await mammoth.extractRawText({ buffer: content })).value;
      }
      case 'odt':
        return odtText(content);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fail(400, 'document_unreadable');
  }
}

function checkUnpackedSize(zip: Buffer): Record<string, Uint8Array> {
  let total = 0;
  const files = unzipSync(zip, {
    filter: (f) => {
      total += f.originalSize;
      return f.name === 'content.xml';
    },
  });
  if (total > MAX_UNPACKED_BYTES) throw fail(400, 'document_unreadable');
  return files;
}

/** The text of an ODT: its paragraphs and headings from content.xml, one per line. */
function odtText(zip: Buffer): string {
  const xml = checkUnpackedSize(zip)['content.xml'];
  if (!xml) throw fail(400, 'document_unreadable');
  const body = /<office:body[\s>][\s\S]*<\/office:body>/.exec(Buffer.from(xml).toString('utf8'))?.[0] ?? '';
  return decodeXml(
    body
      .replace(/<text:(?:s|tab)\b[^>]*\/>/g, ' ')
      .replace(/<text:line-break\s*\/>/g, '\n')
      .replace(/<\/text:(?:p|h)>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : ' ';
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()] ?? ' ';
  });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Control characters go (PostgreSQL text cannot hold NUL, and search highlighting uses two of them as
 * markers); runs of blank space shrink; the length is capped for the index.
 */
export function cleanText(s: string): string {
  return s
    .replace(CONTROL_CHARS, ' ')
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim()
    .slice(0, MAX_TEXT_CHARS);
}
