#!/usr/bin/env node
// `npm test`: lint, type check, unit and API tests (on PGlite, or on PostgreSQL when TEST_DATABASE_URL is
// set), the benchmark's smoke run, the crash test (on PGlite, and on PostgreSQL too when set), several
// instances on one PostgreSQL (when set), then the browser tests in Debian's Chromium. Prints a summary
// and writes test-results/summary.json.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const resultsDir = path.resolve('test-results');
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const steps = [];
let passed = 0;
let failed = 0;
/** What failed, by name, so the end of CI's output says which tests to look at. */
const failures = [];

function run(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = res.status === 0;
  steps.push({ name, ok, seconds: Math.round((Date.now() - started) / 100) / 10 });
  return ok;
}

const vitestArgs = (project, file, extra = []) => [
  'vitest',
  'run',
  '--project',
  project,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${file}`,
  ...extra,
];

/**
 * Vitest run by npx, or by another Node binary (`node`, e.g. CI's Node 22): its workers are forked from
 * the same binary, so the tests run on that version.
 */
function vitestCommand(project, file, extra, node) {
  const args = vitestArgs(project, file, extra);
  return node ? [node, [path.join('node_modules', 'vitest', 'vitest.mjs'), ...args.slice(1)]] : ['npx', args];
}

/** Vitest's JSON report gives exact counts; a run that crashed before reporting counts as one failure. */
function vitest(name, project, outFile, env = {}) {
  const file = path.join(resultsDir, outFile);
  return countVitest(file, run(name, 'npx', vitestArgs(project, file), env));
}

/**
 * Several commands at once, their output kept apart and printed whole when all are done. A run with an
 * `outFile` is a Vitest run counted from its JSON report; any other counts as one check.
 */
async function together(runs) {
  const started = Date.now();
  const results = await Promise.all(
    runs.map(
      ({ name, project, outFile, cmd, args, env = {}, extra = [], node }) =>
        new Promise((resolve) => {
          const file = outFile ? path.join(resultsDir, outFile) : null;
          const log = path.join(resultsDir, `${(outFile ?? name).replace(/[^\w.-]+/g, '-')}.log`);
          const out = fs.openSync(log, 'w');
          const [bin, binArgs] = file ? vitestCommand(project, file, extra, node) : [cmd, args];
          const child = spawn(bin, binArgs, { stdio: ['ignore', out, out], env: { ...process.env, ...env } });
          child.on('close', (code) => {
            fs.closeSync(out);
            resolve({ name, file, log, ok: code === 0 });
          });
        }),
    ),
  );
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  for (const r of results) {
    console.log(`\n▶ ${r.name} (run alongside the others)`);
    process.stdout.write(fs.readFileSync(r.log, 'utf8'));
    steps.push({ name: r.name, ok: r.ok, seconds });
    if (r.file) countVitest(r.file, r.ok);
    else if (r.ok) passed += 1;
    else {
      failed += 1;
      failures.push(r.name);
    }
  }
  return results.every((r) => r.ok);
}

function countVitest(file, ok) {
  if (!fs.existsSync(file)) {
    failed += 1;
    failures.push(`${path.basename(file)}: no report (the run crashed before reporting)`);
    return ok;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const suite of report.testResults ?? []) {
    const where = path.relative(process.cwd(), suite.name);
    const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failedTests) failures.push(`${where} › ${t.fullName}`);
    if (suite.status === 'failed' && failedTests.length === 0) {
      failures.push(`${where}: ${String(suite.message ?? '').split('\n')[0]}`);
    }
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (!ok && report.numFailedTests === 0) {
    failed += 1; // e.g. an error outside any test
    failures.push(`${path.basename(file)}: the run failed outside any test`);
  }
  return ok;
}

function check(name, cmd, args) {
  if (run(name, cmd, args)) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
}

const lint = { name: 'lint (Biome)', cmd: 'npx', args: ['biome', 'check', '.'] };
const types = { name: 'type check (tsc)', cmd: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'] };
// Every benchmark scenario once, for a second, at small scale on PGlite: that the bench still works.
const benchSmoke = {
  name: 'benchmark smoke test (small scale, PGlite)',
  cmd: 'npm',
  args: ['run', '--silent', 'bench:smoke'],
};
// Without a PostgreSQL the unit and API tests run on PGlite, the product's own database. With one
// (TEST_DATABASE_URL), the API tests run on PostgreSQL, with a worker per core since the database server
// does much of the work, beside the pure unit tests, the lint and the type check; PGlite keeps its turn
// in the crash test and the browser tests, which run the server as `npm start` does. Running the API
// tests on both databases doubled CI's longest step for what the browser tests already cover on PGlite.
//
// CI (.ci/run) also gives a Node 22 binary (NODE22_BIN, from the npm registry's node@22 package): then the
// pure unit tests run on both versions and the API tests on Node 22, while the crash, benchmark and
// browser tests keep running the server on the machine's Node 20. "missing" means CI could not get it.
const node22 = process.env.NODE22_BIN || null;
const unitOn22 = node22 &&
  node22 !== 'missing' && {
    name: 'unit tests on Node 22',
    project: 'src',
    outFile: 'unit-node22.json',
    env: { TEST_DATABASE_URL: '' },
    node: node22,
  };
if (node22 === 'missing') {
  failed += 1;
  failures.push('Node 22 for the tests: CI could not install the node@22 package');
}
if (process.env.TEST_DATABASE_URL) {
  await together([
    lint,
    types,
    benchSmoke,
    { name: 'unit tests', project: 'src', outFile: 'unit.json', env: { TEST_DATABASE_URL: '' } },
    ...(unitOn22 ? [unitOn22] : []),
    {
      name: unitOn22 ? 'API tests on PostgreSQL (Node 22)' : 'API tests on PostgreSQL',
      project: 'api',
      outFile: 'api-postgres.json',
      extra: ['--maxWorkers=2'],
      ...(unitOn22 ? { node: node22 } : {}),
    },
  ]);
} else {
  if (unitOn22) await together([unitOn22]);
  check(lint.name, lint.cmd, lint.args);
  check(types.name, types.cmd, types.args);
  check(benchSmoke.name, benchSmoke.cmd, benchSmoke.args);
  vitest('unit and API tests on PGlite', 'unit', 'unit-pglite.json', { TEST_DATABASE_URL: '' });
  console.log('\n(TEST_DATABASE_URL not set: API tests ran on PGlite only)');
}

// The real server killed with SIGKILL under acknowledged writes and restarted on the same data, on each
// database in turn: run side by side (with each other or with the build) one of them once lost its server
// mid-test, so each has the machine to itself.
vitest('crash test on PGlite', 'durability', 'durability-pglite.json', { TEST_DATABASE_URL: '' });
if (process.env.TEST_DATABASE_URL) {
  vitest('crash test on PostgreSQL', 'durability', 'durability-postgres.json');
  // Three real servers on one PostgreSQL, as behind a load balancer (issue 19): a session works on all,
  // the login limit holds in total. PGlite is one process's database, so it has no such run.
  vitest('several instances on PostgreSQL', 'multi-instance', 'multi-instance.json');
}

const chromiumMissing = !fs.existsSync(chromium);
const built = !chromiumMissing && run('build web app', 'npx', ['vite', 'build', '--logLevel', 'warn']);
if (!chromiumMissing && !built) {
  failed += 1;
  failures.push('build web app');
}

if (chromiumMissing) {
  console.error(`
############################################################################
#  CHROMIUM IS MISSING: the browser tests cannot run.                      #
#  Install Debian's Chromium:   apt-get update && apt-get install -y chromium
#  (or set CHROMIUM_PATH to a Chromium binary). Counted as a failure.      #
############################################################################
`);
  failed += 1;
  steps.push({ name: 'browser tests', ok: false, seconds: 0 });
} else if (built) {
  // The lesson route's JavaScript, from the build just made (scripts/check-bundle-budget.mjs).
  check('lesson route JavaScript within its ceiling', 'node', ['scripts/check-bundle-budget.mjs']);
  vitest('browser tests (Chromium + axe)', 'e2e', 'e2e.json', {
    TEST_DATABASE_URL: '',
    CHROMIUM_PATH: chromium,
  });
}

const summary = { passed, failed, failures, steps };
fs.writeFileSync(path.join(resultsDir, 'summary.json'), JSON.stringify(summary, null, 2));
console.log('\nSummary:');
for (const s of steps) console.log(`  ${s.ok ? '✔' : '✘'} ${s.name} (${s.seconds} s)`);
for (const f of failures) console.log(`  failed: ${f}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
