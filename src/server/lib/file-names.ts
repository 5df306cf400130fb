import path from 'node:path';
import contentDisposition from 'content-disposition';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE_IN_FILE_NAME = /[\u0000-\u001F\u007F"/\\]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F]/g;

/**
 * The name to download an uploaded file under: the uploader's base name (any folders from Windows or
 * Unix paths dropped, control characters and quotes removed) with the extension its content proved.
 */
export function uploadedFileName(original: string, ext: string, fallback: string): string {
  const base = path
    .basename(original.replaceAll('\\', '/'))
    .replace(/\.[^.]*$/, '')
    .replace(UNSAFE_IN_FILE_NAME, '')
    .trim()
    .slice(0, 150);
  return `${base || fallback}.${ext}`;
}

/**
 * The Content-Disposition of every file the API sends: RFC 8187 `filename*` carries the real
 * (Swedish) name, `filename` an ASCII fallback for old clients. Control characters go, and path
 * separators become dashes so that a "/" in a title does not cut the name to its last part.
 */
export function attachmentDisposition(fileName: string, fallback: string): string {
  const name = fileName.replace(CONTROL, '').replace(/[/\\]/g, '-').trim() || fallback;
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\p{Pd}/gu, '-')
    .replace(/[^\x20-\x7E]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  // A name in another script keeps at least its extension: "تقرير.pdf" falls back to "dokument.pdf".
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(ascii)?.[0] ?? '';
  const asciiName = ascii.length > ext.length ? ascii : `${fallback}${ext}`;
  return contentDisposition(name, { type: 'attachment', fallback: asciiName });
}
