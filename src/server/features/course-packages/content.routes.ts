import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NO_CONTROL_CHARACTERS } from '../../../shared/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import { findPackageFileInfo, type PackageFileInfo, readPackageFileSlice } from './content.repo.ts';
import {
  contentTypeFor,
  etagMatches,
  IMMUTABLE,
  isRangeable,
  parseByteRange,
  RUNTIME_CACHE,
  sandboxCsp,
  setSandboxHeaders,
} from './content-headers.ts';
import { injectedEtag, injectRuntime } from './html-injection.ts';
import { findPackageFile } from './package-files.repo.ts';

export interface ContentDeps {
  db: Db;
  publicUrl: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A path a package may hold: relative, forward slashes, no empty, `.` or `..` segment, and no control
 * character (PostgreSQL text cannot hold NUL, so one would fail the query instead of finding nothing).
 */
export function isPackagePath(path: string): boolean {
  if (!path || path.length > 1024 || !NO_CONTROL_CHARACTERS.test(path) || path.includes('\\')) return false;
  return path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

const isHtml = (mediaType: string) => /^text\/html\b/i.test(mediaType);

interface RuntimeScript {
  body: Buffer;
  etag: string;
}

function runtimeScript(body: Buffer): RuntimeScript {
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
}

/** The two scripts injected into every package page, read once at start. */
function loadRuntimeScripts(): Record<string, RuntimeScript> {
  const require = createRequire(import.meta.url);
  // The package's exports name the minified browser build (an IIFE that sets `this.CrossFrameAPI`).
  const crossFrame = fs.readFileSync(require.resolve('scorm-again/cross-frame-api/min'), 'utf8');
  // Its source map is not served: the reference would only show as a failed request in devtools.
  const withoutMap = crossFrame.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  return {
    'cross-frame-api.js': runtimeScript(Buffer.from(withoutMap, 'utf8')),
    'bridge.js': runtimeScript(fs.readFileSync(new URL('./runtime/bridge.js', import.meta.url))),
  };
}

const notFound = (reply: FastifyReply) =>
  reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('Not found');

/**
 * The files of imported SCORM and cmi5 packages (issue 18, ADR 21) at `/content/<packageId>/<path>`, to
 * be shown in the player's sandboxed frame, and the runtime scripts their pages load from
 * `/content-runtime/`. Outside /api: no cookie is read or set here and no session is looked up (the
 * session plugin reads cookies for /api/ only), and the answer is the same for everyone, so it can be
 * cached for good. Every answer carries the sandbox policy of `content-headers.ts` in place of the
 * app-wide helmet headers.
 */
export const contentRoutes = (deps: ContentDeps) => async (app: FastifyInstance) => {
  const csp = sandboxCsp(deps.publicUrl);
  const scripts = loadRuntimeScripts();

  app.get<{ Params: { name: string } }>(
    '/content-runtime/:name',
    { schema: { hide: true }, helmet: false },
    async (req, reply) => {
      setSandboxHeaders(reply, csp);
      const script = Object.hasOwn(scripts, req.params.name) ? scripts[req.params.name] : undefined;
      if (!script) return notFound(reply);
      reply
        .header('cache-control', RUNTIME_CACHE)
        .header('etag', script.etag)
        .type('application/javascript; charset=utf-8');
      if (etagMatches(req.headers['if-none-match'], script.etag)) return reply.code(304).send();
      return reply.send(script.body);
    },
  );

  app.get<{ Params: { packageId: string; '*': string } }>(
    '/content/:packageId/*',
    { schema: { hide: true }, helmet: false },
    async (req, reply) => {
      setSandboxHeaders(reply, csp);
      const { packageId, '*': path } = req.params;
      if (!UUID.test(packageId) || !isPackagePath(path)) return notFound(reply);
      // A range is only read for media, and then only its slice: the rest of the file stays in the database.
      if (req.headers.range) {
        const info = await findPackageFileInfo(deps.db, packageId, path);
        if (!info) return notFound(reply);
        if (isRangeable(info.mediaType)) return sendMedia(req, reply, deps.db, { packageId, path, info });
      }
      const file = await findPackageFile(deps.db, packageId, path);
      if (!file) return notFound(reply);
      const html = isHtml(file.mediaType);
      const etag = html ? injectedEtag(file.etag) : file.etag;
      reply
        .header('cache-control', IMMUTABLE)
        .header('etag', etag)
        .type(contentTypeFor(file.mediaType, file.content));
      if (isRangeable(file.mediaType)) reply.header('accept-ranges', 'bytes');
      if (etagMatches(req.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply.send(html ? injectRuntime(file.content) : file.content);
    },
  );
};

/** An audio or video file asked for by range: 206 with its slice, or 416 past the end. */
async function sendMedia(
  req: FastifyRequest,
  reply: FastifyReply,
  db: Db,
  file: { packageId: string; path: string; info: PackageFileInfo },
) {
  const { mediaType, sizeBytes, etag } = file.info;
  reply
    .header('cache-control', IMMUTABLE)
    .header('etag', etag)
    .header('accept-ranges', 'bytes')
    .type(contentTypeFor(mediaType, Buffer.alloc(0)));
  if (etagMatches(req.headers['if-none-match'], etag)) return reply.code(304).send();
  // If-Range names the version the client already holds part of; another one gets the whole file.
  const ifRange = req.headers['if-range'];
  const range = ifRange && ifRange !== etag ? null : parseByteRange(req.headers.range, sizeBytes);
  if (range === 'unsatisfiable') {
    return reply.code(416).header('content-range', `bytes */${sizeBytes}`).send();
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? sizeBytes - 1;
  const bytes = await readPackageFileSlice(db, file.packageId, file.path, start, end - start + 1);
  if (!bytes) return notFound(reply);
  if (range) reply.code(206).header('content-range', `bytes ${start}-${end}/${sizeBytes}`);
  return reply.send(bytes);
}
