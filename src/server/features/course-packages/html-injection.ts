/**
 * The scripts every HTML page of a package gets first: the cross-frame SCORM API of scorm-again, then
 * our bridge that seeds it and exposes it as `window.API` / `window.API_1484_11`. They must run before
 * any script of the package, because a SCO looks for the API as soon as it loads.
 */
export const RUNTIME_SCRIPTS =
  '<script src="/content-runtime/cross-frame-api.js"></script><script src="/content-runtime/bridge.js"></script>';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

const WHITESPACE = /[\t\n\f\r ]*/y;
const START_TAG = /<([A-Za-z][^\t\n\f\r />]*)/y;

/** The index just past the `>` closing the start tag at `from` (quoted attribute values may hold `>`). */
function tagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return text.length;
}

/**
 * Where the runtime scripts go: just inside the document's `<head>` when it opens the document, or else
 * before the first content, after what may only come first (a doctype, an XML declaration, comments and
 * the `<html>` tag). Only that prologue is read, so a `<head>` in a comment, or in a script's string
 * further down, is never mistaken for the real one.
 */
export function injectionOffset(text: string, start = 0): number {
  let i = start;
  for (;;) {
    WHITESPACE.lastIndex = i;
    WHITESPACE.test(text);
    i = WHITESPACE.lastIndex;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return i;
      i = end + 3;
      continue;
    }
    if (text.startsWith('<!', i) || text.startsWith('<?', i)) {
      const end = text.indexOf('>', i);
      if (end < 0) return i;
      i = end + 1;
      continue;
    }
    START_TAG.lastIndex = i;
    const tag = START_TAG.exec(text)?.[1]?.toLowerCase();
    if (tag === 'html') {
      i = tagEnd(text, i);
      continue;
    }
    return tag === 'head' ? tagEnd(text, i) : i;
  }
}

/**
 * The HTML file with `snippet` inserted where `injectionOffset` says. Works on the bytes: the markup
 * looked for is ASCII, which UTF-8 and the legacy single-byte charsets of old packages (ISO-8859-1,
 * windows-1252) encode alike, so the rest of the file is kept byte for byte whatever its charset.
 * A UTF-16 file (it starts with its byte-order mark) is decoded and encoded back instead.
 */
export function injectRuntime(html: Buffer, snippet: string = RUNTIME_SCRIPTS): Buffer {
  if (html.subarray(0, 2).equals(UTF16LE_BOM)) {
    const text = html.toString('utf16le');
    const at = injectionOffset(text, 1);
    return Buffer.from(text.slice(0, at) + snippet + text.slice(at), 'utf16le');
  }
  if (html.subarray(0, 2).equals(UTF16BE_BOM)) {
    const swapped = Buffer.from(html.subarray(0, html.length - (html.length % 2))).swap16();
    return injectRuntime(swapped, snippet).swap16();
  }
  const start = html.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0;
  // latin1 maps every byte to one character, so character offsets are byte offsets.
  const at = injectionOffset(html.toString('latin1'), start);
  return Buffer.concat([html.subarray(0, at), Buffer.from(snippet, 'utf8'), html.subarray(at)]);
}

/** The ETag of an injected page: it differs from the stored file's, and changes with the snippet. */
export const injectedEtag = (etag: string) =>
  etag.endsWith('"') ? `${etag.slice(0, -1)}-r1"` : `"${etag}-r1"`;
