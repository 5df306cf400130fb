import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, runnerImport } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Files of public/ that the installed app needs offline (the rest are fetched when used). */
const PUBLIC_SHELL = [
  '/favicon.svg',
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/maskable-512.png',
];

/**
 * PWA: links the web manifest from index.html and emits /sw.js from src/client/lib/offline/service-worker.js
 * with this build's version and files to precache (the app shell and every built JS and CSS asset).
 */
function serviceWorker(): Plugin {
  return {
    name: 'valfardsnavet-service-worker',
    apply: 'build',
    transformIndexHtml() {
      return [
        { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' }, injectTo: 'head' },
        // Every page asks who is logged in before it renders: ask while the scripts are still loading.
        {
          tag: 'link',
          attrs: { rel: 'preload', href: '/api/v1/me', as: 'fetch', crossorigin: 'anonymous' },
          injectTo: 'head',
        },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#0062ba' }, injectTo: 'head' },
        {
          tag: 'link',
          attrs: { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon.png' },
          injectTo: 'head',
        },
      ];
    },
    // After writing, not at generateBundle: there a chunk may still carry a name it is not written
    // under (rolldown renamed one after it; its precache then failed and the worker never installed).
    writeBundle(options, bundle) {
      const built = Object.keys(bundle)
        .filter((f) => !f.endsWith('.map') && f !== 'index.html' && !f.startsWith('.vite/'))
        .sort()
        .map((f) => `/${f}`);
      const files = [...PUBLIC_SHELL, ...built];
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const template = readFileSync(here('./src/client/lib/offline/service-worker.js'), 'utf8');
      const line = /^const BUILD = .*;$/m;
      if (!line.test(template)) throw new Error('service-worker.js: the BUILD line is missing');
      const missing = files.filter(
        (f) => !existsSync(path.join(options.dir!, f)) && !PUBLIC_SHELL.includes(f),
      );
      if (missing.length)
        throw new Error(`service worker: built files missing on disk: ${missing.join(', ')}`);
      writeFileSync(
        path.join(options.dir!, 'sw.js'),
        template.replace(line, `const BUILD = ${JSON.stringify({ version, files })};`),
      );
    },
  };
}

const COMPRESSIBLE = /\.(js|css|html|svg|webmanifest|json)$/;

/**
 * Writes .br and .gz beside every text asset, compressed once at the highest level, so the server sends
 * them as they are (@fastify/static preCompressed) instead of compressing on every request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'valfardsnavet-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const file = path.join(dir, name);
          return statSync(file).isDirectory() ? walk(file) : [file];
        });
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file) || statSync(file).size < 1024) continue;
        const data = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

/**
 * The interface strings a care worker's lesson needs first, applied in order: a path (`namespace`,
 * `namespace.key`, deeper) adds its strings, a path after `!` takes them out again. The rest of the
 * Swedish catalogue (~38 kB gzipped, the management pages' strings) is a chunk of its own; the learner's
 * pages that need more (the quiz, the module rating, the certificate) await it (page-chunks.ts).
 * Pages outside this list that render before it has arrived re-render when it does (i18n.ts).
 */
export const CORE_STRINGS = [
  'app',
  'nav',
  'learning',
  '!learning.quiz',
  '!learning.rating',
  '!learning.reflection',
  '!learning.certificate',
  // What the course page and my learning show of a module's quiz, its reflection and the certificate.
  'learning.quiz.linkLabel',
  'learning.quiz.questions_one',
  'learning.quiz.questions_other',
  'learning.reflection.title',
  'learning.certificate.get',
  'learning.certificate.getting',
  'learning.certificate.show',
  'learning.certificate.needsNetwork',
  'notFound',
  'languages',
  // The footer's links (Layout).
  'definitions.nav',
  'certificateCheck.footerLink',
  'openData.footerLink',
];

type Strings = { [key: string]: unknown };
const isStrings = (v: unknown): v is Strings => typeof v === 'object' && v !== null;

/** The core strings (CORE_STRINGS) of the catalogue. */
function coreStrings(sv: Strings): Strings {
  const core: Strings = {};
  for (const entry of CORE_STRINGS) {
    const path = entry.replace(/^!/, '').split('.');
    const last = path.pop()!;
    let from: unknown = sv;
    let to = core;
    for (const key of path) {
      from = isStrings(from) ? from[key] : undefined;
      if (!isStrings(to[key])) to[key] = {};
      to = to[key] as Strings;
    }
    if (entry.startsWith('!')) delete to[last];
    else if (isStrings(from) && from[last] !== undefined) to[last] = structuredClone(from[last]);
    else throw new Error(`CORE_STRINGS: sv.ts has no ${entry}`);
  }
  return core;
}

/** The catalogue without the strings in `taken` (what is left for the rest chunk). */
function without(all: Strings, taken: Strings): Strings {
  const left: Strings = {};
  for (const [key, value] of Object.entries(all)) {
    const t = taken[key];
    if (t === undefined) left[key] = value;
    else if (isStrings(value) && isStrings(t)) {
      const inner = without(value, t);
      if (Object.keys(inner).length) left[key] = inner;
    }
  }
  return left;
}

const STRINGS = 'virtual:vn-strings/';

/**
 * Splits src/shared/i18n/sv.ts at build time into `virtual:vn-strings/sv/core` (CORE_STRINGS) and
 * `virtual:vn-strings/sv/rest`, so the catalogue stays one file for the server, the tests and everyone
 * editing it, while the browser loads only what a page needs. Emitted as JSON.parse of a string, which
 * V8 parses faster than an object literal of the same size.
 */
function splitStrings(): Plugin {
  const catalogue = here('./src/shared/i18n/sv.ts');
  return {
    name: 'valfardsnavet-split-strings',
    resolveId(id) {
      return id.startsWith(STRINGS) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith(`\0${STRINGS}`)) return undefined;
      const part = id.slice(STRINGS.length + 1);
      if (part !== 'sv/core' && part !== 'sv/rest') throw new Error(`unknown strings module ${id}`);
      this.addWatchFile(catalogue);
      const { module } = await runnerImport<{ sv: Record<string, unknown> }>(catalogue);
      const core = coreStrings(module.sv);
      const picked = part === 'sv/core' ? core : without(module.sv, core);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(picked))});`;
    },
  };
}

/** Modules every learner's page uses (the pages themselves are chunks of their own: page-chunks.ts). */
const LEARNER_SHARED =
  /\/src\/(client\/features\/learning\/(components|data|progress|statements|Markdown|useCourseContext)\.tsx?|shared\/learning\/[\w-]+\.ts)$/;

/** The web app lives in src/client; the server serves the build from dist/client (see registerClient). */
export default defineConfig({
  root: here('./src/client'),
  publicDir: here('./public'),
  plugins: [react(), splitStrings(), serviceWorker(), precompress()],
  build: {
    outDir: here('./dist/client'),
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each entry and lazy page loads (scripts/check-bundle-budget.mjs).
    manifest: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    // Every browser the platform supports (Chromium, Firefox 115+, Safari 17+) preloads modules itself:
    // the polyfill would only add bytes to the JavaScript every page, the lesson too, must load first.
    modulePreload: {
      polyfill: false,
      // The learner's pages preload every chunk they import, so a lesson never waits on a chain. Other
      // pages preload their stylesheets only: their scripts follow one round trip later, and the list of
      // every management page's chunks stays out of the entry the lesson loads first (its budget,
      // scripts/check-bundle-budget.mjs).
      resolveDependencies: (file, deps) =>
        /\/(learner|learning|CoursePage|QuizPage|LessonPage)[-.]/.test(`/${file}`)
          ? deps
          : deps.filter((d) => d.endsWith('.css')),
    },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // What the learner's pages share is one chunk, not eight small ones that each the lesson
              // waits for (and that compress worse apart: ~1.6 kB gzipped on the lesson route).
              name: 'learner',
              test: LEARNER_SHARED,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
