/**
 * `npm run bench:mobile` — how long a care worker's phone takes to show a lesson, measured in Debian's
 * Chromium under Lighthouse's mobile throttling (4× CPU slowdown, 150 ms round trip, 1.6 Mbit/s down,
 * 750 kbit/s up) on the real server with the demo data. Cold = nothing cached and no service worker;
 * warm = the browser's HTTP cache filled by an earlier visit, no service worker; installed app = the
 * PWA (service worker and its caches) opening the lesson again, which it answers from its copy of the
 * lesson (ADR 0018). Budgets (issue 16): cold ≤ 2.5 s,
 * installed app ≤ 1 s, the lesson route's JavaScript ≤ 150 kB gzipped (scripts/check-bundle-budget.mjs).
 * Appends a table to docs/performance.md (`--no-docs` to only print it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { bootstrapDatabase } from '../src/server/db/bootstrap.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../src/server/db/demo/demo-people.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/support/chromium.ts';
import { appendToDocs, runInfo } from './lib/report.ts';

const RUNS = 5;

/** The lesson route's JavaScript as the CI check counts it (same manifest walk, gzip level 9). */
function lessonRouteGzipBytes(clientDir: string): number {
  // Builds before issue 16 wrote no manifest.
  if (!fs.existsSync(path.join(clientDir, '.vite/manifest.json'))) return Number.NaN;
  const manifest = JSON.parse(fs.readFileSync(path.join(clientDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean; imports?: string[] }
  >;
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) walk(dep);
  };
  walk(Object.keys(manifest).find((k) => manifest[k]!.isEntry)!);
  walk('features/learning/index.ts');
  return [...seen]
    .map((k) => manifest[k]!.file)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(clientDir, f)), { level: 9 }).length, 0);
}
const PROFILE = {
  cpuSlowdown: 4,
  latencyMs: 150,
  downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8,
  uploadBytesPerSecond: (750 * 1024) / 8,
  viewport: { width: 412, height: 823 },
};

interface Sample {
  lessonVisibleMs: number;
  /**
   * When the lesson's text was painted (Largest Contentful Paint, from navigation start): the browser's
   * own record, also when the main thread was too busy running scripts for the check above to run.
   */
  textPaintedMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  jsTransferredBytes: number;
  jsDecodedBytes: number;
  requests: number;
  scripts: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function throttle(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latencyMs,
    downloadThroughput: PROFILE.downloadBytesPerSecond,
    uploadThroughput: PROFILE.uploadBytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
  return cdp;
}

/** Opens the lesson and measures until its title and text are on screen. */
async function measure(page: Page, url: string, title: string): Promise<Sample> {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 60_000 });
  await page.locator('article.lesson').waitFor({ timeout: 60_000 });
  const lessonVisibleMs = performance.now() - started;
  await page.waitForLoadState('load');
  const timing = await page.evaluate(async () => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const scripts = resources.filter((r) => r.initiatorType === 'script' || /\.m?js(\?|$)/.test(r.name));
    return {
      domContentLoadedMs: nav.domContentLoadedEventEnd,
      textPaintedMs: await new Promise<number>((resolve) =>
        new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? Number.NaN)).observe(
          {
            type: 'largest-contentful-paint',
            buffered: true,
          },
        ),
      ),
      loadMs: nav.loadEventEnd,
      jsTransferredBytes: scripts.reduce((sum, r) => sum + r.transferSize, 0),
      jsDecodedBytes: scripts.reduce((sum, r) => sum + r.decodedBodySize, 0),
      requests: resources.length + 1,
      scripts: scripts.map((r) => new URL(r.name).pathname),
    };
  });
  return { lessonVisibleMs, ...timing };
}

async function main() {
  const writeDocs = !process.argv.includes('--no-docs');
  // BENCH_CLIENT_DIR: another build to measure, e.g. an older commit's, against the same server and data.
  const clientDir = path.resolve(process.env.BENCH_CLIENT_DIR ?? 'dist/client');
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    throw new Error('dist/client is missing: run `npm run build` first (npm run bench:mobile does)');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'valfardsnavet-mobile-'));
  const database = await openDatabase({ dataDir });
  await bootstrapDatabase(database, { demoData: true });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    CLIENT_DIR: clientDir,
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
  } as NodeJS.ProcessEnv);
  const app = await buildApp({ database, config, logger: false, demo: true });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

  try {
    const newContext = (serviceWorkers: 'allow' | 'block') =>
      browser.newContext({
        baseURL: baseUrl,
        viewport: PROFILE.viewport,
        deviceScaleFactor: 1.75,
        isMobile: true,
        hasTouch: true,
        locale: 'sv-SE',
        serviceWorkers,
      });
    const login = async (context: BrowserContext) => {
      const csrf = await context.request.get('/api/v1/auth/csrf');
      const { token } = (await csrf.json()) as { token: string };
      const res = await context.request.post('/api/v1/auth/login', {
        headers: { 'x-csrf-token': token, origin: baseUrl },
        data: { email: `personal.falun@${DEMO_DOMAIN}`, password: DEMO_PASSWORD },
      });
      if (!res.ok()) throw new Error(`login failed: ${res.status()} ${await res.text()}`);
    };

    // Which lesson: where the demo staff member continues their first course.
    const probe = await newContext('block');
    await login(probe);
    const mine = (await (await probe.request.get('/api/v1/me/learning')).json()) as {
      items: { course: { id: string }; next: { moduleKey: string; lessonKey: string | null } | null }[];
    };
    const enrolment = mine.items[0];
    if (!enrolment) throw new Error('the demo staff member has no enrolment');
    const course = (await (await probe.request.get(`/api/v1/courses/${enrolment.course.id}`)).json()) as {
      modules: { key: string; lessons: { key: string; title: string }[] }[];
    };
    const module = course.modules.find((m) => m.key === enrolment.next?.moduleKey) ?? course.modules[0]!;
    const lesson = module.lessons.find((l) => l.key === enrolment.next?.lessonKey) ?? module.lessons[0]!;
    await probe.close();
    const url = `/utbildning/kurser/${enrolment.course.id}/moduler/${module.key}/lektioner/${lesson.key}`;

    const cold: Sample[] = [];
    const warm: Sample[] = [];
    const installed: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Cold: a new browser profile, logged in, that has never loaded the app.
      const c = await newContext('block');
      await login(c);
      const page = await c.newPage();
      const cdp = await throttle(c, page);
      await cdp.send('Network.clearBrowserCache');
      cold.push(await measure(page, url, lesson.title));
      await c.close();

      // Warm: a second visit in the same browser, its HTTP cache filled, without a service worker.
      const w = await newContext('block');
      await login(w);
      const visit = await w.newPage();
      await visit.goto(url);
      await visit.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
      await visit.waitForLoadState('load');
      await visit.close();
      const second = await w.newPage();
      await throttle(w, second);
      warm.push(await measure(second, url, lesson.title));
      await w.close();

      // Installed app: the service worker active and the lesson saved on the device, opened again.
      const a = await newContext('allow');
      await login(a);
      const first = await a.newPage();
      await first.goto(url);
      await first.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
      await first.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await first.waitForLoadState('load');
      // The lesson's copy in the worker (ADR 0018; builds before it have none, so the wait is capped: 30 s, a loaded machine installs the worker slowly).
      await first
        .waitForFunction((p) => caches.match(p).then((r) => !!r), url, { timeout: 30_000, polling: 100 })
        .catch(() => undefined);
      await first.close();
      const again = await a.newPage();
      await throttle(a, again);
      installed.push(await measure(again, url, lesson.title));
      await a.close();
    }

    const row = (name: string, s: Sample[]) =>
      `| ${name} | ${Math.round(median(s.map((x) => x.lessonVisibleMs)))} | ` +
      `${Math.round(median(s.map((x) => x.textPaintedMs)))} | ` +
      `${Math.round(Math.max(...s.map((x) => x.lessonVisibleMs)))} | ` +
      `${Math.round(median(s.map((x) => x.domContentLoadedMs)))} | ${Math.round(median(s.map((x) => x.loadMs)))} | ` +
      `${(median(s.map((x) => x.jsTransferredBytes)) / 1024).toFixed(1)} | ` +
      `${(median(s.map((x) => x.jsDecodedBytes)) / 1024).toFixed(1)} | ${median(s.map((x) => x.requests))} |`;
    // The budget is for gzip (what every browser accepts), counted from the build's manifest.
    const gzipBytes = lessonRouteGzipBytes(clientDir);
    if (process.env.BENCH_CLIENT_DIR) console.log(`client: ${clientDir}`);
    const info = runInfo({ database: 'PGlite', scale: 'demo', connections: 1, duration: 0, floorRuns: RUNS });
    const table = [
      `### ${info.date} · ${info.commit} · lesson page on a throttled phone`,
      '',
      `Machine: ${info.machine}. Debian Chromium, Lighthouse mobile throttling: ${PROFILE.cpuSlowdown}× CPU slowdown, ` +
        `${PROFILE.latencyMs} ms RTT, 1.6 Mbit/s down, 750 kbit/s up, ${PROFILE.viewport.width}×${PROFILE.viewport.height} viewport. ` +
        `Median of ${RUNS} runs; “visible” = from navigation start until the lesson's title and text are on screen. ` +
        `Lesson: “${lesson.title}”. JavaScript of the lesson route, gzipped: ${(gzipBytes / 1000).toFixed(1)} kB ` +
        `(the lesson route as scripts/check-bundle-budget.mjs counts it: entry, its static imports and the learning chunk; ` +
        `budget ≤ 150 kB: \`npm run check:bundle\`); the table shows what Chromium transferred (brotli). ` +
        `Budgets: cold ≤ 2500 ms ${median(cold.map((x) => x.lessonVisibleMs)) <= 2500 ? '✅' : '❌'}, ` +
        `installed app ≤ 1000 ms ${median(installed.map((x) => x.lessonVisibleMs)) <= 1000 ? '✅' : '❌'}.`,
      '',
      '| Load | visible ms (median) | text painted ms (LCP, median) | visible ms (worst) | DOMContentLoaded ms | load ms | JS transferred KiB | JS decoded KiB | requests |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      row('cold (first visit, nothing cached)', cold),
      row('warm (second visit, HTTP cache)', warm),
      row('installed app (service worker)', installed),
      '',
    ].join('\n');
    console.log(table);
    if (writeDocs) appendToDocs(path.resolve('docs/performance.md'), table);
  } finally {
    await browser.close();
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
