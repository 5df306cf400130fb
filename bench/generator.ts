import os from 'node:os';
import { bootstrapDatabase } from '../src/server/db/bootstrap.ts';
import { hashPassword } from '../src/server/lib/passwords.ts';
import { BENCH_PASSWORD } from './lib/accounts.ts';
import { createRandom } from './lib/random.ts';
import { bulkInsert, rawQuery } from './lib/raw.ts';
import { describeTarget, openTarget, resetTarget, type Target } from './lib/target.ts';
import './parts/index.ts';
import {
  type GeneratorContext,
  orderedGeneratorParts,
  type ReferenceOrg,
  scaleSpecs,
} from './parts/registry.ts';

/** Fixed seed: the same scale always yields the same rows (ids, names, e-mails, timestamps). */
export const BENCH_SEED = 'valfardsnavet-bench-v1';
/** The generated world's "now". */
const EPOCH = new Date('2025-06-01T08:00:00Z');

export interface PartReport {
  name: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}
export interface GenerateReport {
  target: string;
  scale: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  parts: PartReport[];
}

/**
 * Drops and recreates the target, migrates it, loads reference data and runs every registered part.
 * With `only`, the target is kept and migrated, and just those parts run — for adding a new
 * capability's data to a generated dataset without the ten minutes of learning statements; the
 * parts must not depend on state handed over by parts that do not run.
 */
export async function generate(
  target: Target,
  log: (line: string) => void = console.log,
  only?: readonly string[],
): Promise<GenerateReport> {
  const scale = scaleSpecs[target.scale];
  log(`Generating ${scale.name} scale into ${describeTarget(target)} (${os.cpus().length} cores)`);
  const started = performance.now();
  if (!only) await resetTarget(target);
  const database = await openTarget(target, 4);
  try {
    const query = rawQuery(database);
    let t = performance.now();
    await bootstrapDatabase(database, { demoData: false });
    log(`  migrations and reference data: ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const orgs = await query<{
      id: string;
      kind: string;
      code: string;
      name: string;
      county_code: string;
      parent_id: string | null;
    }>(
      `select id, kind, code, name, county_code, parent_id from organisations
       where kind in ('nation', 'region', 'municipality') order by code`,
    );
    const toRef = (o: (typeof orgs)[number]): ReferenceOrg => ({
      id: o.id,
      code: o.code,
      name: o.name,
      countyCode: o.county_code,
      parentId: o.parent_id,
    });
    const nation = orgs.find((o) => o.kind === 'nation');
    if (!nation) throw new Error('Reference data is missing the nation');
    let municipalities = orgs
      .filter((o) => o.kind === 'municipality')
      .filter((o) => !scale.countyCodes || scale.countyCodes.includes(o.county_code))
      .map(toRef);
    if (scale.municipalityLimit) municipalities = municipalities.slice(0, scale.municipalityLimit);
    const regionIds = new Set(municipalities.map((m) => m.parentId));
    const regions = orgs.filter((o) => o.kind === 'region' && regionIds.has(o.id)).map(toRef);

    t = performance.now();
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    log(`  one argon2id hash for every account: ${(performance.now() - t).toFixed(0)} ms`);

    let currentPart = '';
    let rows = 0;
    const ctx: GeneratorContext = {
      scale,
      query,
      random: (label) => createRandom(`${BENCH_SEED}/${scale.name}/${currentPart}/${label}`),
      passwordHash,
      epoch: EPOCH,
      reference: { nation: toRef(nation), regions, municipalities },
      state: {},
      insert: async (table, columns, data) => {
        const n = await bulkInsert(query, table, columns, data);
        rows += n;
        return n;
      },
      log,
    };

    const parts: PartReport[] = [];
    const unknown = (only ?? []).filter((name) => !orderedGeneratorParts().some((p) => p.name === name));
    if (unknown.length) throw new Error(`Unknown generator part(s): ${unknown.join(', ')}`);
    for (const part of orderedGeneratorParts().filter((p) => !only || only.includes(p.name))) {
      currentPart = part.name;
      const before = rows;
      t = performance.now();
      await part.run(ctx);
      const seconds = (performance.now() - t) / 1000;
      const n = rows - before;
      parts.push({ name: part.name, rows: n, seconds, rowsPerSecond: Math.round(n / seconds) });
      log(
        `  ${part.name}: ${n.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round(n / seconds).toLocaleString('en')} rows/s)`,
      );
    }
    t = performance.now();
    await query('analyze');
    log(`  analyze: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const seconds = (performance.now() - started) / 1000;
    const insertSeconds = parts.reduce((a, p) => a + p.seconds, 0);
    log(
      `Done: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s in all ` +
        `(${Math.round(rows / insertSeconds).toLocaleString('en')} rows/s while generating)`,
    );
    return {
      target: describeTarget(target),
      scale: scale.name,
      rows,
      seconds,
      rowsPerSecond: Math.round(rows / insertSeconds),
      parts,
    };
  } finally {
    await database.close();
  }
}
