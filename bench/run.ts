import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from './generator.ts';
import { BENCH_DOMAIN, benchEmail } from './lib/accounts.ts';
import { numberArg, parseArgs, stringArg } from './lib/args.ts';
import { loginAll, type Session } from './lib/http.ts';
import { spreadLoadOver } from './lib/load.ts';
import { appendToDocs, markdownTable, runInfo } from './lib/report.ts';
import { type BenchServer, startServer } from './lib/server-process.ts';
import { describeTarget, resolveTarget, type Target } from './lib/target.ts';
import './scenarios/index.ts';
import {
  allScenarios,
  type BenchContext,
  type MunicipalityFixture,
  type RegionFixture,
  type ScenarioResult,
} from './scenarios/registry.ts';

const usage = `Usage: npm run bench -- [--db pglite|postgres] [--scale national|region|small] [--url …] [--data-dir …]
                     [--scenario a,b] [--duration s] [--connections n] [--floor-runs n] [--json] [--no-docs] [--profile dir]
                     [--instances n]   (PostgreSQL: each scenario on one instance, then spread over n)
       npm run bench -- --smoke     (CI: small scale on PGlite in a temporary directory, 1 s per scenario)

Needs the data first: npm run bench:data -- --scale <same scale> [--db …].
Scenarios: ${allScenarios()
  .map((s) => s.name)
  .join(', ')}`;

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.has('help')) {
    log(usage);
    return 0;
  }
  const smoke = args.has('smoke');
  let target: Target;
  let tmpDir: string | null = null;
  if (smoke) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'valfardsnavet-bench-smoke-'));
    target = { kind: 'pglite', scale: 'small', dataDir: path.join(tmpDir, 'db') };
    await generate(target, log);
  } else {
    target = resolveTarget(args);
  }
  const duration = smoke ? 1 : numberArg(args, 'duration', 10);
  const connections = smoke ? 4 : numberArg(args, 'connections', 50);
  const floorRuns = smoke ? 5 : numberArg(args, 'floor-runs', 50);
  const wanted = stringArg(args, 'scenario')?.split(',');
  const scenarios = allScenarios().filter((s) => !wanted || wanted.includes(s.name));
  const unknown = wanted?.filter((w) => !allScenarios().some((s) => s.name === w)) ?? [];
  if (unknown.length) throw new Error(`Unknown scenario(s): ${unknown.join(', ')}`);

  const instances = smoke ? 1 : numberArg(args, 'instances', 1);
  if (instances > 1 && target.kind !== 'postgres')
    throw new Error('--instances needs --db postgres: PGlite is one process');

  log(`Starting the server on ${describeTarget(target)} …`);
  const profile = stringArg(args, 'profile');
  const server = await startServer(target, profile ? path.resolve(profile) : undefined);
  // More instances of the same app on the same database, for the loads spread over them.
  const others: BenchServer[] = [];
  for (let i = 1; i < instances; i++) others.push(await startServer(target));
  if (profile) log(`CPU profile of the server process goes to ${path.resolve(profile)}`);
  const results: ScenarioResult[] = [];
  let failures = 0;
  try {
    const [check] = await server.query<{ n: number }>(
      'select count(*)::int as n from users where email = $1',
      [benchEmail.admin()],
    );
    if (!check?.n) {
      throw new Error(
        `No bench data in ${describeTarget(target)}: run npm run bench:data -- --scale ${target.scale} --db ${target.kind} first`,
      );
    }
    const municipalities = (
      await server.query<{ id: string; code: string; name: string; parent_id: string; staff: number }>(
        `select m.id, m.code, m.name, m.parent_id, count(distinct ms.user_id)::int as staff
         from organisations m
         join organisations u on u.parent_id = m.id and u.kind = 'unit'
         join memberships ms on ms.organisation_id = u.id
         where m.kind = 'municipality'
           and exists (select 1 from users where email = 'bench-coordinator-' || m.code || '@${BENCH_DOMAIN}')
         group by m.id order by staff desc, m.code`,
      )
    ).map(
      (m): MunicipalityFixture => ({
        id: m.id,
        code: m.code,
        name: m.name,
        regionId: m.parent_id,
        staff: m.staff,
      }),
    );
    const regions = await server.query<RegionFixture>(
      `select r.id, r.code, r.name from organisations r
       where r.kind = 'region' and exists (select 1 from users where email = 'bench-regional-' || r.code || '@${BENCH_DOMAIN}')
       order by r.code`,
    );
    const cache = new Map<string, Session>();
    const ctx: BenchContext = {
      server,
      baseUrl: server.baseUrl,
      scale: target.scale,
      connections,
      duration,
      floorRuns,
      municipalities,
      regions,
      sessions: async (emails) => {
        const missing = emails.filter((e) => !cache.has(e));
        for (const s of await loginAll(server.baseUrl, missing)) cache.set(s.email, s);
        return emails.map((e) => cache.get(e)!);
      },
      log,
    };
    log(
      `${municipalities.length} municipalities (largest: ${municipalities[0]?.name}, ${municipalities[0]?.staff} staff), ` +
        `${regions.length} regions; ${connections} connections, ${duration} s per scenario`,
    );

    const rounds = instances > 1 ? [1, instances] : [1];
    for (const scenario of scenarios)
      for (const round of rounds) {
        const name = round > 1 ? `${scenario.name} ×${round}` : scenario.name;
        spreadLoadOver(round > 1 ? [server.baseUrl, ...others.map((o) => o.baseUrl)] : null);
        log(`▶ ${name}: ${scenario.description}`);
        try {
          const ran = await scenario.run(ctx);
          const r =
            round > 1
              ? {
                  ...ran,
                  scenario: name,
                  notes: [...(ran.notes ?? []), `load spread over ${round} instances`],
                }
              : ran;
          results.push(r);
          if ((r.load?.errors ?? 0) > 0 || (r.job && r.job.status !== 'done')) failures++;
          const parts = [
            r.load &&
              `${Math.round(r.load.requestsPerSecond)} req/s, p50 ${r.load.p50.toFixed(1)} ms, p95 ${r.load.p95.toFixed(1)} ms, p99 ${r.load.p99.toFixed(1)} ms, ${r.load.errors} errors`,
            r.job && `${r.job.rows} rows ${r.job.status} in ${r.job.seconds.toFixed(2)} s`,
            r.single && `1 conn p50 ${r.single.p50.toFixed(2)} ms`,
            r.floor && `SQL floor ${r.floor.medianMs.toFixed(2)} ms`,
            r.ratio !== undefined && `API/SQL ${r.ratio.toFixed(1)}`,
            ...r.budgets.map((b) => `${b.ok ? 'OK' : 'MISS'} ${b.name}`),
          ].filter(Boolean);
          log(`  ${parts.join(' · ')}`);
          if (r.load && r.load.errors > 0) log(`  status codes: ${JSON.stringify(r.load.statusCodes)}`);
        } catch (err) {
          failures++;
          log(`  FAILED: ${err instanceof Error ? err.stack : err}`);
          results.push({
            scenario: name,
            description: scenario.description,
            budgets: [],
            notes: [`failed: ${String(err)}`],
          });
        }
      }
    spreadLoadOver(null);

    const info = runInfo({
      database:
        target.kind === 'postgres'
          ? `PostgreSQL ${server.serverVersion}`
          : `PGlite (PostgreSQL ${server.serverVersion})`,
      scale: target.scale,
      connections,
      duration,
      floorRuns,
      instances,
    });
    const table = markdownTable(info, results);
    if (args.has('json')) process.stdout.write(`${JSON.stringify({ ...info, results }, null, 2)}\n`);
    else log(`\n${table}`);
    if (!smoke && !args.has('no-docs')) {
      appendToDocs(path.resolve('docs', 'performance.md'), table);
      log('Appended to docs/performance.md');
    }
  } finally {
    for (const other of others) await other.close();
    await server.close();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  return failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    log(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
