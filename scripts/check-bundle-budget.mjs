#!/usr/bin/env node
/**
 * `npm run check:bundle` — measures the JavaScript a care worker's phone loads for a lesson against its
 * budget and fails (exit 1) above it, so CI fails when a build exceeds the budget. Reads the build's
 * manifest (dist/client/.vite/manifest.json, `npm run build` first) and sums, gzipped at level 9 like
 * the served .gz files: the entry, everything it imports statically, and the learning chunk (the lesson
 * page) with its own static imports. Chunks the app loads later or only for other pages (the other
 * learner pages, the management pages' strings, English) are not counted.
 *
 * It also fails when a library the lesson must do without is on that path (read from the chunks'
 * source maps): zod and react-hook-form (27 + 10 kB gzipped) come only with the pages that parse
 * responses or have forms; the learner's pages take the server's answers unparsed (api.ts,
 * checkedByServer). A new runtime import of a contract on that path shows here by name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget (issue 16). */
export const BUDGET_BYTES = 150_000;
const LESSON_CHUNK = 'features/learning/index.ts';
const KEPT_OFF = ['zod', 'react-hook-form', '@hookform/resolvers'];

const clientDir = path.resolve(process.argv[2] ?? 'dist/client');
const manifestFile = path.join(clientDir, '.vite', 'manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.error(`check:bundle: ${manifestFile} is missing; run \`npm run build\` first`);
  process.exit(2);
}
/** @type {Record<string, {file: string, isEntry?: boolean, imports?: string[]}>} */
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entry || !manifest[LESSON_CHUNK]) {
  console.error(`check:bundle: the manifest has no entry or no ${LESSON_CHUNK}`);
  process.exit(2);
}

/** The chunk and its static imports, depth first, each once. */
function withStaticImports(key, seen) {
  if (seen.has(key)) return;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) withStaticImports(dep, seen);
}
const keys = new Set();
withStaticImports(entry, keys);
withStaticImports(LESSON_CHUNK, keys);

const files = [...keys].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
const rows = files
  .map((file) => ({ file, gzip: gzipSync(fs.readFileSync(path.join(clientDir, file)), { level: 9 }).length }))
  .sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((sum, r) => sum + r.gzip, 0);

/** Packages of KEPT_OFF found in the chunks' source maps (a chunk without a map is skipped). */
const packageOf = (source) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
const keptOffFound = new Set();
for (const file of files) {
  const map = path.join(clientDir, `${file}.map`);
  if (!fs.existsSync(map)) continue;
  for (const source of JSON.parse(fs.readFileSync(map, 'utf8')).sources ?? []) {
    const pkg = packageOf(source);
    if (pkg && KEPT_OFF.includes(pkg)) keptOffFound.add(`${pkg} (in ${file})`);
  }
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
for (const r of rows) console.log(`  ${kB(r.gzip).padStart(9)}  ${r.file}`);
const withinBudget = total <= BUDGET_BYTES;
console.log(
  `${withinBudget ? '✅' : '❌'} lesson route JavaScript: ${kB(total)} gzipped in ${rows.length} files (budget ≤ ${kB(BUDGET_BYTES)})`,
);
if (!withinBudget)
  console.log(
    `   ${kB(total - BUDGET_BYTES)} over the budget: see docs/performance.md, "Lesson load (issue 16)"`,
  );
if (keptOffFound.size)
  console.log(
    `❌ on the lesson route but kept off it: ${[...keptOffFound].join(', ')}. Import the contract with ` +
      '`import type` and read the answer with checkedByServer (src/client/lib/api.ts), or load the page lazily.',
  );
process.exit(withinBudget && keptOffFound.size === 0 ? 0 : 1);
