import type { FastifyReply } from 'fastify';
import { CMI5_FETCH_PATH } from '../cmi5/cmi5.routes.ts';

/**
 * The policy of every answer from the content path (issue 18, running untrusted content safely).
 * `sandbox` without `allow-same-origin` gives the document an opaque origin even when someone opens the
 * file directly: it cannot read the platform's cookies or storage, and its requests carry no cookie.
 * Without `allow-top-navigation` it cannot navigate the top window. `connect-src` lets it talk to the
 * learning record store (and a cmi5 AU to fetch its credentials) only, so it cannot call the rest of
 * /api/v1; `form-action 'none'` keeps it from posting forms anywhere. Packages are written for permissive pages (inline handlers, eval in
 * authoring-tool runtimes, data: images), which the sandbox makes harmless.
 */
export function sandboxCsp(publicUrl: string): string {
  const origin = new URL(publicUrl).origin;
  return [
    'sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads',
    "default-src 'self' data: blob: 'unsafe-inline' 'unsafe-eval'",
    // A cmi5 AU fetches its credentials once (the fetch URL), then talks to the LRS.
    `connect-src ${origin}/xapi/ ${origin}${CMI5_FETCH_PATH}`,
    "form-action 'none'",
    "frame-ancestors 'self'",
    "base-uri 'self'",
  ].join('; ');
}

/** Cache-Control of package files: they never change under one package id. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of the runtime scripts, which change with a deployment. */
export const RUNTIME_CACHE = 'public, max-age=3600';

/**
 * Sets the headers every content answer carries. The app-wide helmet headers are switched off for these
 * routes (`helmet: false`), so what is set here is all there is: one CSP, not the app's strict one too.
 * The resource policy is `cross-origin` on purpose: the sandboxed page has an opaque origin, so browsers
 * treat its own images, scripts and media as cross-origin loads and `same-origin` would block every one
 * of them. Nothing is lost by it: these files are served to anyone without a cookie.
 */
export function setSandboxHeaders(reply: FastifyReply, csp: string): FastifyReply {
  return reply.headers({
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'cross-origin',
  });
}

const TEXT_TYPE = /^(text\/|application\/(javascript|ecmascript|json|xml|xhtml\+xml)|image\/svg\+xml)/i;
/** A `<meta charset>` or `http-equiv` declaration in the first bytes, which browsers prescan for. */
const META_CHARSET = /<meta[^>]+charset\s*=/i;

/**
 * The Content-Type for a stored file: text gets `charset=utf-8` when it has none, since packages are
 * written in UTF-8 today. An HTML page that declares its own charset keeps it instead, because the
 * header would override the declaration and garble an older package saved as ISO-8859-1.
 */
export function contentTypeFor(mediaType: string, content: Buffer): string {
  if (!TEXT_TYPE.test(mediaType) || /;\s*charset=/i.test(mediaType)) return mediaType;
  const isHtml = /^text\/html\b/i.test(mediaType);
  if (isHtml && META_CHARSET.test(content.subarray(0, 1024).toString('latin1'))) return mediaType;
  return `${mediaType}; charset=utf-8`;
}

/** Audio and video are streamed by range; phones will not play an mp4 that cannot be sought. */
export const isRangeable = (mediaType: string) => /^(audio|video)\//i.test(mediaType);

export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * One byte range from a `Range` header (RFC 9110 §14.2), inclusive at both ends: null when the header is
 * absent, malformed or asks for several ranges (the whole file is then sent, which the RFC allows),
 * 'unsatisfiable' when it starts past the end.
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? Number.POSITIVE_INFINITY : Number(m[2]);
  if (end < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

/** Whether `If-None-Match` names this ETag (weak comparison, as RFC 9110 §13.1.2 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}
