#!/usr/bin/env node
/**
 * `npm run check:bundle` — fails (exit 1) when the JavaScript a care worker's phone loads for a lesson
 * is over budget. Reads the build's manifest (dist/client/.vite/manifest.json, `npm run build` first)
 * and sums, gzipped at level 9 like the served .gz files: the entry, everything it imports statically,
 * and the learning pages' lazy chunk with its own static imports. Chunks the app loads later or only
 * for other pages (the management pages' strings, English) are not counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 150_000;
const LESSON_CHUNK = 'features/learning/index.ts';

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

const rows = [...keys]
  .map((k) => manifest[k].file)
  .filter((f) => f.endsWith('.js'))
  .map((file) => ({ file, gzip: gzipSync(fs.readFileSync(path.join(clientDir, file)), { level: 9 }).length }))
  .sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((sum, r) => sum + r.gzip, 0);

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
for (const r of rows) console.log(`  ${kB(r.gzip).padStart(9)}  ${r.file}`);
const ok = total <= BUDGET_BYTES;
console.log(
  `${ok ? '✅' : '❌'} lesson route JavaScript: ${kB(total)} gzipped in ${rows.length} files (budget ≤ ${kB(BUDGET_BYTES)})`,
);
process.exit(ok ? 0 : 1);
