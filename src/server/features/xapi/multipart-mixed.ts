import { createHash, randomBytes } from 'node:crypto';
import { XapiError } from './xapi-errors.ts';

/** An attachment's raw bytes as sent in (or answered from) a multipart/mixed statement request. */
export interface RawAttachment {
  sha2: string;
  contentType: string;
  content: Buffer;
}

export interface StatementRequest {
  json: unknown;
  attachments: RawAttachment[];
}

// One JSON part plus the attachments: a request with more parts than this is not a sensible batch.
const MAX_PARTS = 100;
// RFC 2046 allows 70 characters; some clients go further, so only absurd lengths are refused.
const MAX_BOUNDARY = 200;

// Hex length → digest: the SHA-2 family members the statement schema accepts as "sha2".
const DIGESTS: Record<number, string> = { 56: 'sha224', 64: 'sha256', 96: 'sha384', 128: 'sha512' };

const bad = (message: string) => new XapiError(400, message);

function mediaType(contentType: string): string {
  return (contentType.split(';', 1)[0] ?? '').trim().toLowerCase();
}

/** The boundary parameter of a Content-Type, quoted (with backslash escapes) or a bare token. */
function boundaryOf(contentType: string): string {
  const param = /;\s*boundary\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/i.exec(contentType);
  const raw = param?.[1]?.trim() ?? '';
  const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
  if (!value) throw bad('A multipart/mixed request needs a boundary parameter in its Content-Type');
  if (value.length > MAX_BOUNDARY) throw bad('The multipart boundary is too long');
  return value;
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09;
}

/**
 * RFC 2046 frames parts with CRLF. A body written with bare LF (a template file checked out without
 * its eol attribute) is read with LF throughout, as the conformance suite's own parser does: the
 * first delimiter line decides.
 */
interface Framing {
  eol: Buffer;
  dashBoundary: Buffer;
}

/**
 * Where the line after a delimiter starts, or -1 when the bytes at `at` only begin like a delimiter
 * (the boundary may be followed by white space before the line break). `close` marks "--boundary--",
 * which may also end the body without a line break.
 */
function afterDelimiter(body: Buffer, at: number, eol: Buffer): { next: number; close: boolean } | -1 {
  let i = at;
  let close = false;
  if (body[i] === 0x2d && body[i + 1] === 0x2d) {
    close = true;
    i += 2;
  }
  while (isSpace(body[i])) i++;
  if (i >= body.length && close) return { next: i, close };
  if (body.subarray(i, i + eol.length).equals(eol)) return { next: i + eol.length, close };
  return -1;
}

/** The next real delimiter at or after `from`: line break + "--boundary", or "--boundary" opening the body. */
function findDelimiter(body: Buffer, { eol, dashBoundary }: Framing, from: number) {
  if (from === 0 && body.subarray(0, dashBoundary.length).equals(dashBoundary)) {
    const after = afterDelimiter(body, dashBoundary.length, eol);
    if (after !== -1) return { start: 0, ...after };
  }
  const marker = Buffer.concat([eol, dashBoundary]);
  let at = body.indexOf(marker, from);
  while (at !== -1) {
    const after = afterDelimiter(body, at + marker.length, eol);
    if (after !== -1) return { start: at, ...after };
    at = body.indexOf(marker, at + 1);
  }
  return null;
}

function firstDelimiter(body: Buffer, boundary: string) {
  const dashBoundary = Buffer.from(`--${boundary}`);
  for (const eol of [Buffer.from('\r\n'), Buffer.from('\n')]) {
    const framing = { eol, dashBoundary };
    const found = findDelimiter(body, framing, 0);
    if (found) return { framing, found };
  }
  throw bad('The multipart body does not contain its boundary');
}

type Headers = Map<string, string>;

function parseHeaders(block: string, eol: string): Headers {
  const headers: Headers = new Map();
  let last = '';
  for (const line of block.split(eol)) {
    if (line === '') continue;
    // A folded header line continues the previous one (RFC 822 long header fields).
    if (isSpace(line.charCodeAt(0)) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw bad(`A multipart part has a malformed header line: ${line.slice(0, 80)}`);
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  return headers;
}

interface Part {
  headers: Headers;
  content: Buffer;
}

function readPart(whole: Buffer, eol: Buffer): Part {
  const headerEnd = Buffer.concat([eol, eol]);
  // A part without headers starts straight with the blank line.
  const end = whole.subarray(0, eol.length).equals(eol) ? 0 : whole.indexOf(headerEnd);
  if (end === -1) throw bad('A multipart part has no blank line after its headers');
  return {
    headers: parseHeaders(whole.subarray(0, end).toString('latin1'), eol.toString('latin1')),
    content: whole.subarray(end === 0 ? eol.length : end + headerEnd.length),
  };
}

function splitParts(body: Buffer, boundary: string): Part[] {
  const { framing, found } = firstDelimiter(body, boundary);
  let delimiter = found;
  const parts: Part[] = [];
  while (!delimiter.close) {
    const next = findDelimiter(body, framing, delimiter.next);
    if (!next) throw bad('The multipart body does not end with a closing boundary (--boundary--)');
    if (parts.length === MAX_PARTS) throw bad(`A multipart request may have at most ${MAX_PARTS} parts`);
    parts.push(readPart(body.subarray(delimiter.next, next.start), framing.eol));
    delimiter = next;
  }
  return parts;
}

function parseJson(content: Buffer, where: string): unknown {
  try {
    return JSON.parse(content.toString('utf8'));
  } catch {
    throw bad(`${where} is not valid JSON`);
  }
}

function attachmentOf(part: Part, index: number): RawAttachment {
  const name = `Multipart part ${index + 1}`;
  const declared = part.headers.get('x-experience-api-hash')?.toLowerCase();
  if (!declared) throw bad(`${name} has no X-Experience-API-Hash header`);
  const encoding = part.headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding !== 'binary')
    throw bad(`${name} must have the header Content-Transfer-Encoding: binary (got ${encoding ?? 'none'})`);
  const digest = /^[0-9a-f]+$/.test(declared) ? DIGESTS[declared.length] : undefined;
  if (!digest)
    throw bad(`${name}: X-Experience-API-Hash is not a hex SHA-2 digest (SHA-224, -256, -384 or -512)`);
  if (createHash(digest).update(part.content).digest('hex') !== declared)
    throw bad(`${name}: the content does not match its X-Experience-API-Hash ${declared}`);
  return {
    sha2: declared,
    // RFC 2046's default for a part that names no type.
    contentType: part.headers.get('content-type') ?? 'text/plain; charset=us-ascii',
    content: part.content,
  };
}

/**
 * The body of PUT/POST /statements (Communication 1.5): plain JSON, or multipart/mixed whose first part
 * is the JSON and whose other parts are attachments named by the SHA-2 of their raw bytes. Any other
 * Content-Type is a 400, not a 415: the conformance suite (XAPI-00127) expects 400 for
 * multipart/form-data, and Communication 1.5 names no other status for statements.
 */
export function parseStatementRequest(
  contentType: string | undefined,
  body: Buffer | undefined,
): StatementRequest {
  if (!body || body.length === 0) throw bad('The request has no body');
  const type = mediaType(contentType ?? '');
  if (type === 'application/json') return { json: parseJson(body, 'The request body'), attachments: [] };
  if (type !== 'multipart/mixed')
    throw bad(
      `Statements are sent as application/json or multipart/mixed, not ${type || 'without a Content-Type'}`,
    );

  const [first, ...rest] = splitParts(body, boundaryOf(contentType ?? ''));
  if (!first) throw bad('The multipart body has no parts');
  if (mediaType(first.headers.get('content-type') ?? '') !== 'application/json')
    throw bad('The first part of a multipart/mixed request must be the statements, as application/json');
  return { json: parseJson(first.content, 'The first multipart part'), attachments: rest.map(attachmentOf) };
}

// Header values come from stored statement metadata; a line break there would forge headers.
const headerValue = (value: string) => value.replace(/[\r\n]+/g, ' ');

function containsAnywhere(needle: Buffer, haystacks: Buffer[]): boolean {
  return haystacks.some((h) => h.includes(needle));
}

/**
 * The answer to GET /statements?attachments=true (Communication 1.5.2): the statement result as the
 * first part, then each attachment's raw bytes once. The boundary is random hex, unquoted (the
 * conformance suite reads it up to the next ";" without unquoting) and checked to occur in no part.
 */
export function multipartMixedResponse(
  json: unknown,
  attachments: RawAttachment[],
): { contentType: string; body: Buffer } {
  const unique = [...new Map(attachments.map((a) => [a.sha2.toLowerCase(), a])).values()];
  const jsonBytes = Buffer.from(JSON.stringify(json), 'utf8');
  const contents = [jsonBytes, ...unique.map((a) => a.content)];
  let boundary = '';
  do boundary = `xapi${randomBytes(24).toString('hex')}`;
  while (containsAnywhere(Buffer.from(boundary), contents));

  const chunks: Buffer[] = [
    Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n`),
    jsonBytes,
  ];
  for (const a of unique) {
    const headers =
      `\r\n--${boundary}\r\nContent-Type: ${headerValue(a.contentType)}\r\n` +
      `Content-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${headerValue(a.sha2.toLowerCase())}\r\n\r\n`;
    chunks.push(Buffer.from(headers), a.content);
  }
  chunks.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
