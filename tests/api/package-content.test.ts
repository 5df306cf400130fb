import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { coursePackageFiles, coursePackages } from '../../src/server/db/schema/index.ts';
import { RUNTIME_SCRIPTS } from '../../src/server/features/course-packages/html-injection.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** The files of imported packages, served for the sandboxed player frame (issue 18). */
const PUBLIC_URL = 'https://navet.example.se';
const CSP =
  'sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads; ' +
  "default-src 'self' data: blob: 'unsafe-inline' 'unsafe-eval'; connect-src https://navet.example.se/xapi/ https://navet.example.se/api/v1/cmi5/fetch-url/; " +
  "form-action 'none'; frame-ancestors 'self'; base-uri 'self'";

let t: TestApp;
const packageId = randomUUID();
const base = `/content/${packageId}`;
const video = randomBytes(1000);
const etagOf = (content: Buffer) => `"${createHash('sha256').update(content).digest('hex')}"`;

const FILES: Record<string, { mediaType: string; content: Buffer }> = {
  'index.html': {
    mediaType: 'text/html',
    content: Buffer.from(
      '<!DOCTYPE html>\n<!-- <head> -->\n<html lang="sv"><HEAD><title>Kurs</title><script src="sco.js"></script></HEAD><body>Hej</body></html>',
    ),
  },
  'gammal/sida.htm': {
    mediaType: 'text/html',
    content: Buffer.from('<html><head><meta charset="iso-8859-1"><title>Hälsa</title></head>', 'latin1'),
  },
  'css/stil.css': { mediaType: 'text/css', content: Buffer.from('body { color: #222; }') },
  'media/film.mp4': { mediaType: 'video/mp4', content: video },
  'mapp med mellanslag/å.txt': { mediaType: 'text/plain; charset=utf-8', content: Buffer.from('åäö') },
};

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL });
  const [course] = await queryRows<{ id: string }>(t.db, sql`select id from courses limit 1`);
  await t.db.insert(coursePackages).values({
    id: packageId,
    courseId: course!.id,
    kind: 'scorm12',
    manifest: {},
    sha256: randomBytes(32).toString('hex'),
    fileCount: Object.keys(FILES).length,
    unpackedBytes: 0,
  });
  await t.db.insert(coursePackageFiles).values(
    Object.entries(FILES).map(([path, f]) => ({
      packageId,
      path,
      mediaType: f.mediaType,
      sizeBytes: f.content.length,
      etag: etagOf(f.content),
      content: f.content,
    })),
  );
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

/**
 * A request over a real socket with the path exactly as written: injected requests go through WHATWG
 * URL parsing, which resolves `%2e%2e` segments before the server sees them; a raw client does not.
 */
async function rawGet(path: string): Promise<{ statusCode: number; headers: Record<string, unknown> }> {
  if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path }, (res) => {
        res.resume();
        res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers }));
      })
      .on('error', reject);
  });
}

function expectSandboxed(res: { headers: Record<string, unknown> }) {
  expect(res.headers['content-security-policy']).toBe(CSP);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  // Not same-origin: the sandboxed page's opaque origin makes its own files cross-origin loads.
  expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  expect(res.headers['set-cookie']).toBeUndefined();
  expect(res.headers['x-frame-options']).toBeUndefined();
}

describe('package files', () => {
  it('are served with the sandbox policy in place of the app-wide headers, cached for good', async () => {
    const res = await get(`${base}/css/stil.css`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('body { color: #222; }');
    expectSandboxed(res);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.etag).toBe(etagOf(FILES['css/stil.css']!.content));
    // Helmet's own headers are not sent as well.
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(res.headers['origin-agent-cluster']).toBeUndefined();
  });

  it('decodes the path and keeps a stored charset', async () => {
    const res = await get(`${base}/mapp%20med%20mellanslag/%C3%A5.txt`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('åäö');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get(`${base}/css/stil.css`);
    const res = await get(`${base}/css/stil.css`, { 'if-none-match': String(first.headers.etag) });
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe('');
    expect(res.headers.etag).toBe(first.headers.etag);
    expectSandboxed(res);
    const other = await get(`${base}/css/stil.css`, { 'if-none-match': '"something-else"' });
    expect(other.statusCode).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: `${base}/css/stil.css` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(res.headers['content-length']).toBe(String(FILES['css/stil.css']!.content.length));
    expect(res.headers.etag).toBe(etagOf(FILES['css/stil.css']!.content));
    expectSandboxed(res);
  });

  it('answers an unknown package, an unknown path or a path out of the package with a plain 404', async () => {
    const urls = [
      `/content/${randomUUID()}/index.html`,
      `${base}/saknas.html`,
      `${base}/`,
      `${base}/%2e%2e/index.html`,
      `${base}/css/%2E%2E/index.html`,
      `${base}/css/%2e%2e%2f%2e%2e%2findex.html`,
      `${base}/./index.html`,
      `${base}/css//stil.css`,
      `${base}/index.html%00`,
      `${base}/css%5cstil.css`,
      '/content/inte-ett-id/index.html',
    ];
    for (const url of urls) {
      const res = await rawGet(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toBe('text/plain; charset=utf-8');
      expectSandboxed(res);
    }
  });
});

describe('package pages', () => {
  it('get the runtime scripts once, first in <head>, with their own ETag', async () => {
    const res = await get(`${base}/index.html`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toBe(
      `<!DOCTYPE html>\n<!-- <head> -->\n<html lang="sv"><HEAD>${RUNTIME_SCRIPTS}<title>Kurs</title><script src="sco.js"></script></HEAD><body>Hej</body></html>`,
    );
    expect(res.body.split('/content-runtime/bridge.js').length).toBe(2);
    const stored = etagOf(FILES['index.html']!.content);
    expect(res.headers.etag).toBe(`${stored.slice(0, -1)}-r1"`);
    expectSandboxed(res);
    const again = await get(`${base}/index.html`, { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect((await get(`${base}/index.html`, { 'if-none-match': stored })).statusCode).toBe(200);
  });

  it('keep the charset an older page declares, and its bytes', async () => {
    const res = await get(`${base}/gammal/sida.htm`);
    expect(res.headers['content-type']).toBe('text/html');
    expect(res.rawPayload.toString('latin1')).toBe(
      `<html><head>${RUNTIME_SCRIPTS}<meta charset="iso-8859-1"><title>Hälsa</title></head>`,
    );
  });
});

describe('audio and video', () => {
  const url = `${base}/media/film.mp4`;
  const etag = etagOf(video);

  it('are sent whole without a Range, and say that ranges are accepted', async () => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.rawPayload.equals(video)).toBe(true);
  });

  it('are streamed by range with 206, and 416 past the end', async () => {
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      ['bytes=990-', 990, 999],
      ['bytes=-5', 995, 999],
      ['bytes=900-5000', 900, 999],
    ];
    for (const [range, start, end] of cases) {
      const res = await get(url, { range });
      expect(res.statusCode, range).toBe(206);
      expect(res.headers['content-range'], range).toBe(`bytes ${start}-${end}/1000`);
      expect(res.headers['content-length'], range).toBe(String(end - start + 1));
      expect(res.rawPayload.equals(video.subarray(start, end + 1)), range).toBe(true);
      expect(res.headers.etag).toBe(etag);
      expectSandboxed(res);
    }
    for (const range of ['bytes=1000-', 'bytes=5000-6000', 'bytes=-0']) {
      const res = await get(url, { range });
      expect(res.statusCode, range).toBe(416);
      expect(res.headers['content-range'], range).toBe('bytes */1000');
    }
    // Several ranges, or a malformed one: the whole file, which RFC 9110 allows.
    for (const range of ['bytes=0-1,5-6', 'lines=1-2', 'bytes=9-3']) {
      const res = await get(url, { range });
      expect(res.statusCode, range).toBe(200);
      expect(res.rawPayload.length, range).toBe(1000);
    }
  });

  it('send the whole file when If-Range names another version, and answer HEAD by range', async () => {
    const stale = await get(url, { range: 'bytes=0-9', 'if-range': '"old"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.length).toBe(1000);
    const current = await get(url, { range: 'bytes=0-9', 'if-range': etag });
    expect(current.statusCode).toBe(206);
    const head = await t.app.inject({ method: 'HEAD', url, headers: { range: 'bytes=10-19' } });
    expect(head.statusCode).toBe(206);
    expect(head.headers['content-range']).toBe('bytes 10-19/1000');
    expect(head.body).toBe('');
  });

  it('ignore Range on other files', async () => {
    const res = await get(`${base}/css/stil.css`, { range: 'bytes=0-3' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('body { color: #222; }');
  });
});

describe('the runtime scripts', () => {
  it('serve scorm-again’s cross-frame API and our bridge under the same sandbox policy', async () => {
    const crossFrame = await get('/content-runtime/cross-frame-api.js');
    expect(crossFrame.statusCode).toBe(200);
    expect(crossFrame.body.startsWith('this.CrossFrameAPI=')).toBe(true);
    expect(crossFrame.body).not.toContain('sourceMappingURL');
    const bridge = await get('/content-runtime/bridge.js');
    expect(bridge.statusCode).toBe(200);
    expect(bridge.body).toBe(
      fs.readFileSync(
        new URL('../../src/server/features/course-packages/runtime/bridge.js', import.meta.url),
        'utf8',
      ),
    );
    for (const [name, res] of Object.entries({ 'cross-frame-api.js': crossFrame, 'bridge.js': bridge })) {
      expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=3600');
      expectSandboxed(res);
      const again = await get(`/content-runtime/${name}`, { 'if-none-match': String(res.headers.etag) });
      expect(again.statusCode).toBe(304);
    }
    for (const name of ['saknas.js', 'constructor', '__proto__']) {
      expect((await get(`/content-runtime/${name}`)).statusCode, name).toBe(404);
    }
  });
});

describe('a signed-in learner', () => {
  it('gets the very same answer as anyone: no session is read, no cookie set, nothing personal', async () => {
    const learner = await t.as('personal.falun');
    expect(learner.cookies.size).toBeGreaterThan(0);
    const sessionsBefore = await queryRows<{ seen: string }>(
      t.db,
      sql`select max(last_seen_at)::text as seen from sessions`,
    );
    for (const url of [`${base}/index.html`, `${base}/css/stil.css`, '/content-runtime/bridge.js']) {
      const anonymous = await get(url);
      const signedIn = await learner.get(url);
      expect(signedIn.statusCode, url).toBe(200);
      expect(signedIn.body, url).toBe(anonymous.body);
      const { date: _a, ...anonymousHeaders } = anonymous.headers;
      const { date: _b, ...signedInHeaders } = signedIn.headers;
      expect(signedInHeaders, url).toEqual(anonymousHeaders);
      expect(signedIn.headers['set-cookie'], url).toBeUndefined();
    }
    const sessionsAfter = await queryRows<{ seen: string }>(
      t.db,
      sql`select max(last_seen_at)::text as seen from sessions`,
    );
    expect(sessionsAfter).toEqual(sessionsBefore);
  });
});
