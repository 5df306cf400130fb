import path from 'node:path';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE_IN_FILE_NAME = /[\u0000-\u001F\u007F"/\\]/g;

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

/** `filename*` carries the real (Swedish) name; `filename` an ASCII fallback for old clients. */
export function contentDisposition(fileName: string, fallback: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7E]/g, '')
      .replace(/["\\]/g, '') || fallback;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
