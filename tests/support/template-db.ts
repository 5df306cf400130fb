import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { bootstrapDatabase } from '../../src/server/db/bootstrap.ts';
import { type Database, openDatabase } from '../../src/server/db/client.ts';

/**
 * Each test file starts from a migrated template with reference and demo data, built once per run by
 * the global setup: a PGlite data-dir dump, or a PostgreSQL template database when TEST_DATABASE_URL is set.
 */
export const templateDumpPath = path.join(os.tmpdir(), `valfardsnavet-test-template-${process.ppid}.tar.gz`);

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, query: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

export async function buildTemplate(): Promise<{ name: string; teardown: () => Promise<void> }> {
  const url = testDatabaseUrl();
  if (url) {
    const name = `vn_template_${process.pid}`;
    await adminQuery(url, `drop database if exists ${name}`);
    await adminQuery(url, `create database ${name}`);
    const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 2 });
    await bootstrapDatabase(database, { demoData: true });
    await database.close();
    // CREATE DATABASE … TEMPLATE fails while any other backend is connected to the template, and
    // autovacuum would visit this freshly written one: vacuum it now, then close it to connections.
    await adminQuery(withDatabase(url, name), 'vacuum analyze');
    await adminQuery(url, `alter database ${name} with allow_connections false`);
    return { name, teardown: () => adminQuery(url, `drop database if exists ${name} with (force)`) };
  }
  const pglite = await PGlite.create();
  const database = await openDatabase({ pglite });
  await bootstrapDatabase(database, { demoData: true });
  const dump = await pglite.dumpDataDir('gzip');
  fs.writeFileSync(templateDumpPath, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  return { name: templateDumpPath, teardown: async () => fs.rmSync(templateDumpPath, { force: true }) };
}

/** Concurrent copies of one template can still collide briefly ("being accessed by other users"): retry. */
async function createFromTemplate(url: string, name: string, template: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(url, `create database ${name} template ${template}`);
      return;
    } catch (error) {
      const inUse = (error as { code?: string }).code === '55006';
      if (!inUse || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/** A fresh database for one test file, copied from the template. */
export async function openTestDatabase(): Promise<Database> {
  const template = inject('dbTemplate');
  if (!template) throw new Error('No test template: run tests through vitest (global setup builds it)');
  const url = testDatabaseUrl();
  if (url) {
    const name = `vn_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await createFromTemplate(url, name, template);
    const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 5 });
    return {
      ...database,
      close: async () => {
        await database.close();
        await adminQuery(url, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const blob = new Blob([fs.readFileSync(template)]);
  const pglite = await PGlite.create({ loadDataDir: blob });
  return openDatabase({ pglite });
}
