import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/server/db/client.ts';
import { stringArg } from './args.ts';

export const scales = ['national', 'region', 'small'] as const;
export type ScaleName = (typeof scales)[number];

/** Where the bench data lives: a PostgreSQL database or a PGlite data directory. */
export interface Target {
  kind: 'pglite' | 'postgres';
  scale: ScaleName;
  url?: string;
  dataDir?: string;
}

export const DEFAULT_PG_SERVER = 'postgres://postgres@127.0.0.1:5432';

/**
 * `--db` defaults to PostgreSQL for national and region scale and to PGlite for small.
 * `--url` (or BENCH_DATABASE_URL) overrides the database `valfardsnavet_bench_<scale>` on the local server;
 * `--data-dir` overrides the PGlite directory `bench/.data/<scale>`.
 */
export function resolveTarget(args: Map<string, string | true>): Target {
  const scale = (stringArg(args, 'scale') ?? 'small') as ScaleName;
  if (!scales.includes(scale)) throw new Error(`--scale must be one of ${scales.join(', ')}`);
  const db = stringArg(args, 'db') ?? (scale === 'small' ? 'pglite' : 'postgres');
  if (db === 'postgres') {
    const url =
      stringArg(args, 'url') ??
      process.env.BENCH_DATABASE_URL ??
      `${DEFAULT_PG_SERVER}/valfardsnavet_bench_${scale}`;
    return { kind: 'postgres', scale, url };
  }
  if (db !== 'pglite') throw new Error('--db must be pglite or postgres');
  const dataDir = path.resolve(stringArg(args, 'data-dir') ?? path.join('bench', '.data', scale));
  return { kind: 'pglite', scale, dataDir };
}

export function describeTarget(t: Target): string {
  if (t.kind === 'pglite') return `PGlite in ${t.dataDir}`;
  const u = new URL(t.url!);
  return `PostgreSQL ${u.host}${u.pathname}`;
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/**
 * Drops and recreates the target. Only databases and directories whose name says "bench" are touched,
 * so a mistyped --url can never wipe a real database.
 */
export async function resetTarget(t: Target): Promise<void> {
  if (t.kind === 'pglite') {
    const dir = t.dataDir!;
    if (!/bench/i.test(dir)) throw new Error(`Refusing to wipe ${dir}: its path must contain "bench"`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    return;
  }
  const name = databaseName(t.url!);
  if (!/bench/i.test(name))
    throw new Error(`Refusing to drop database "${name}": its name must contain "bench"`);
  const admin = new URL(t.url!);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    await client.query(`drop database if exists ${quoted} with (force)`);
    await client.query(`create database ${quoted}`);
  } finally {
    await client.end();
  }
}

export function openTarget(t: Target, poolSize?: number): Promise<Database> {
  return t.kind === 'postgres'
    ? openDatabase({ databaseUrl: t.url!, ...(poolSize ? { poolSize } : {}) })
    : openDatabase({ dataDir: t.dataDir! });
}
