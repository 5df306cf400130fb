import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.ts';

/**
 * What the browser does with a sandboxed frame and a service worker: the facts ADR 21 ("Offline package
 * files") rests on, kept as a test so that a browser that changes them shows here. A bare server (not
 * the app) serves a page controlled by a worker at scope '/' that writes down every request it sees,
 * and pages under /content/ with the content path's `sandbox` policy, each loading a stylesheet, an
 * image, a script and a fetch.
 */

const SANDBOX = 'allow-scripts allow-forms allow-popups allow-modals allow-downloads';
const CSP = `sandbox ${SANDBOX}`;

const WORKER = `
const seen = [];
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('message', (e) => e.ports[0].postMessage(seen.splice(0)));
self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  seen.push(url.pathname + url.search);
  // A copy of a package page, as an offline copy would be answered: with the sandbox policy.
  if (url.pathname.startsWith('/content/copy-')) {
    e.respondWith(new Response(${JSON.stringify(packagePage('copy'))}, {
      headers: { 'content-type': 'text/html', 'content-security-policy': ${JSON.stringify(CSP)} },
    }));
  }
});`;

/** A package page that writes into its title which of its subresources it got. */
function packagePage(tag: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>loading</title>
<link rel="stylesheet" href="/content/s.css?${tag}"></head><body><h1>${tag}</h1>
<img src="/content/i.svg?${tag}" alt=""><script src="/content/x.js?${tag}"></script>
<script>
addEventListener('load', function () {
  var got = 'img=' + (document.images[0].naturalWidth > 0) + ' css=' + (getComputedStyle(document.querySelector('h1')).color === 'rgb(255, 0, 0)') + ' js=' + (typeof window.__x === 'number');
  fetch('/content/f.txt?${tag}').then(function (r) { return r.text(); }).then(
    function (t) { document.title = got + ' fetch=' + (t === 'ok'); },
    function () { document.title = got + ' fetch=false'; });
});
</script></body></html>`;
}

const FILES: Record<string, [string, string]> = {
  '.css': ['text/css', 'h1 { color: rgb(255, 0, 0) }'],
  '.svg': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>'],
  '.js': ['application/javascript', 'window.__x = 1;'],
  '.txt': ['text/plain', 'ok'],
};

let server: http.Server;
let base = '';
const hits: string[] = [];
let browser: Browser;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.push(url.pathname + url.search);
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>app</title><body></body>');
    } else if (url.pathname === '/sw.js') {
      res.writeHead(200, { 'content-type': 'application/javascript' });
      res.end(WORKER);
    } else if (url.pathname.startsWith('/content/')) {
      const ext = /\.[a-z]+$/.exec(url.pathname)?.[0] ?? '.html';
      const [type, body] = FILES[ext] ?? ['text/html', packagePage(url.pathname.slice(9))];
      res.writeHead(200, {
        'content-type': type,
        'content-security-policy': CSP,
        'cache-control': 'public, max-age=31536000, immutable',
        'cross-origin-resource-policy': 'cross-origin',
        'access-control-allow-origin': '*',
      });
      res.end(body);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** A page of the app, controlled by the worker. */
async function controlledPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await seenByWorker(page);
  return { context, page };
}

/** What the worker has seen since it was last asked. */
const seenByWorker = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(e.data as string[]);
        navigator.serviceWorker.controller?.postMessage(null, [channel.port2]);
      }),
  );

/** Puts a frame on the page (`src` a URL, or markup for srcdoc) and answers the title its page gives. */
async function frame(page: Page, src: string, sandbox: string | null): Promise<string> {
  await page.evaluate(
    (args) => {
      for (const f of document.querySelectorAll('iframe')) f.remove();
      const f = document.createElement('iframe');
      if (args.sandbox !== null) f.setAttribute('sandbox', args.sandbox);
      if (args.src.startsWith('<')) f.srcdoc = args.src;
      else f.src = args.src;
      document.body.append(f);
    },
    { src, sandbox },
  );
  const child = () => page.frames().find((f) => f !== page.mainFrame());
  await expect.poll(async () => (await child()?.title()) ?? '').toMatch(/^img=/);
  return (await child()!.title()) ?? '';
}

describe('a sandboxed frame and the service worker of the page around it (Chromium)', () => {
  it('the worker sees nothing of a frame sandboxed by the attribute: its page and files come from the server', async () => {
    const { page, context } = await controlledPage();
    hits.length = 0;
    expect(await frame(page, '/content/a.html', SANDBOX)).toBe('img=true css=true js=true fetch=true');
    expect(await seenByWorker(page)).toEqual([]);
    expect(hits).toEqual(
      expect.arrayContaining(['/content/a.html', '/content/s.css?a.html', '/content/x.js?a.html']),
    );
    // Even a page the worker would answer itself is fetched from the server.
    hits.length = 0;
    await frame(page, '/content/copy-a.html', SANDBOX);
    expect(await seenByWorker(page)).toEqual([]);
    expect(hits).toContain('/content/copy-a.html');
    await context.close();
  });

  it('without the attribute the worker may answer the page, but not the files of the sandboxed document it makes', async () => {
    const { page, context } = await controlledPage();
    hits.length = 0;
    // The copy from the worker carries the sandbox policy; its document has an opaque origin.
    expect(await frame(page, '/content/copy-b.html', null)).toBe('img=true css=true js=true fetch=true');
    expect(await seenByWorker(page)).toEqual(['/content/copy-b.html']);
    expect(hits).not.toContain('/content/copy-b.html');
    expect(hits).toEqual(expect.arrayContaining(['/content/s.css?copy', '/content/x.js?copy']));
    // Offline, the page still comes from the worker, and none of its files load.
    await context.setOffline(true);
    expect(await frame(page, '/content/copy-c.html', null)).toBe('img=false css=false js=false fetch=false');
    await context.close();
  });

  it('a sandboxed srcdoc frame is not controlled either', async () => {
    const { page, context } = await controlledPage();
    expect(await frame(page, packagePage('srcdoc'), SANDBOX)).toBe('img=true css=true js=true fetch=true');
    expect(await seenByWorker(page)).toEqual([]);
    await context.close();
  });

  it("the browser's cache keeps a sandboxed page visited online, but not its files", async () => {
    const { page, context } = await controlledPage();
    expect(await frame(page, '/content/d.html', SANDBOX)).toBe('img=true css=true js=true fetch=true');
    await context.setOffline(true);
    expect(await frame(page, '/content/d.html', SANDBOX)).toBe('img=false css=false js=false fetch=false');
    await context.close();
  });
});
