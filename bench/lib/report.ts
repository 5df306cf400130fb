import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScenarioResult } from '../scenarios/registry.ts';

export interface RunInfo {
  date: string;
  commit: string;
  database: string;
  scale: string;
  machine: string;
  connections: number;
  duration: number;
  floorRuns: number;
  instances?: number;
}

export function runInfo(opts: {
  database: string;
  scale: string;
  connections: number;
  duration: number;
  floorRuns: number;
  /** App instances on the database: each scenario ran on one, then (`name ×n`) spread over all. */
  instances?: number;
}): RunInfo {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout.
  }
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
    machine: `${cpus.length} cores (${cpus[0]?.model.trim() ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`,
    ...opts,
  };
}

const ms = (n: number | undefined) =>
  n === undefined || Number.isNaN(n) ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1);

export function markdownTable(info: RunInfo, results: ScenarioResult[]): string {
  const lines = [
    `### ${info.date} · ${info.commit} · ${info.database} · ${info.scale}`,
    '',
    `Machine: ${info.machine}. Load: ${info.connections} connections, ${info.duration} s per scenario; ` +
      `SQL floor: median of ${info.floorRuns} sequential runs on one connection.` +
      ((info.instances ?? 1) > 1
        ? ` Rows marked ×${info.instances}: the same load spread over ${info.instances} app instances on the database.`
        : ''),
    '',
    '| Scenario | req/s | p50 ms | p95 ms | p99 ms | Errors | 1 conn p50 ms | SQL floor ms | API/SQL | Budgets |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    const budgets = r.budgets.map((b) => `${b.ok ? '✅' : '❌'} ${b.name} (${ms(b.measured)})`);
    if (r.job)
      budgets.unshift(
        `${r.job.rows.toLocaleString('en')} rows ${r.job.status} in ${r.job.seconds.toFixed(2)} s`,
      );
    const notes = [...budgets, ...r.notes].join('; ') || '—';
    lines.push(
      `| ${r.scenario} | ${r.load ? Math.round(r.load.requestsPerSecond) : '—'} | ${ms(r.load?.p50)} | ${ms(r.load?.p95)} | ` +
        `${ms(r.load?.p99)} | ${r.load ? r.load.errors : r.job ? 0 : '—'} | ${ms(r.single?.p50)} | ${ms(r.floor?.medianMs)} | ` +
        `${r.ratio === undefined ? '—' : r.ratio.toFixed(1)} | ${notes} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const header = `# Performance

How fast Välfärdsnavet is at national scale, measured by \`npm run bench\` (see [Method](#method)).
New runs are appended to the [results log](#results-log) at the end of this file.
`;

/** Appends the run's table to docs/performance.md (creating the file with a header if needed). */
export function appendToDocs(file: string, table: string): void {
  if (!fs.existsSync(file)) fs.writeFileSync(file, `${header}\n## Results log\n`);
  const current = fs.readFileSync(file, 'utf8');
  const sep = current.endsWith('\n\n') ? '' : current.endsWith('\n') ? '\n' : '\n\n';
  fs.appendFileSync(file, `${sep}${table}`);
  // The repository's formatter pads Markdown tables; keep `biome check .` green after every run.
  try {
    execFileSync(path.resolve('node_modules', '.bin', 'biome'), ['format', '--write', file], {
      stdio: 'ignore',
    });
  } catch {
    process.stderr.write(`Could not format ${file}: run npx biome format --write ${file}\n`);
  }
}
