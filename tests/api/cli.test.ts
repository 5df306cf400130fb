import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAdmin } from '../../src/server/cli/create-admin.ts';
import { restoreDataDir } from '../../src/server/cli/restore.ts';
import { bootstrapDatabase } from '../../src/server/db/bootstrap.ts';
import { openDatabase, queryRows } from '../../src/server/db/client.ts';
import { httpLogin } from '../support/http-agent.ts';
import { runCli, startServer } from '../support/server-process.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('cli create-admin', () => {
  it('creates a national administrator who can log in and read the audit log', async () => {
    const result = await createAdmin(t.db, {
      email: 'Driftchef@Kommun.se',
      name: 'Drift Chef',
      password: 'ett långt adminlösenord',
    });
    expect(result).toEqual({ created: true, email: 'driftchef@kommun.se' });
    const a = t.agent();
    expect((await a.login('driftchef@kommun.se', 'ett långt adminlösenord')).statusCode).toBe(200);
    expect((await a.get('/api/v1/audit')).statusCode).toBe(200);
  });

  it('refuses a weak password and writes nothing', async () => {
    await expect(
      createAdmin(t.db, { email: 'svag@kommun.se', name: 'Svag', password: 'kort' }),
    ).rejects.toThrow(/12 characters/);
    const rows = await queryRows(t.db, sql`select id from users where email = 'svag@kommun.se'`);
    expect(rows).toHaveLength(0);
  });
});

describe('cli backup and restore of the embedded database', () => {
  const marker = {
    email: 'backup.prov@kommun.se',
    name: 'Backup Prov',
    password: 'ett långt återställningsprov',
  };
  let root: string;
  let dataDir: string;
  let backup: string;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-backup-'));
    dataDir = path.join(root, 'data');
    backup = path.join(root, 'backup.tar.gz');
    // The test template is a PGlite dump on PGlite; on PostgreSQL, make an embedded database afresh.
    const template = inject('dbTemplate');
    if (template.endsWith('.tar.gz')) {
      fs.mkdirSync(dataDir);
      const pglite = await PGlite.create(path.join(dataDir, 'pgdata'), {
        loadDataDir: new Blob([fs.readFileSync(template)]),
      });
      await pglite.close();
    }
    const database = await openDatabase({ dataDir });
    try {
      if (!template.endsWith('.tar.gz')) await bootstrapDatabase(database, { demoData: false });
      await createAdmin(database.db, marker);
    } finally {
      await database.close();
    }
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const oneLine = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

  it('refuses while the server runs on DATA_DIR, then backs up the stopped one, never overwriting', async () => {
    const server = await startServer({ DATA_DIR: dataDir });
    try {
      const refused = await runCli(['backup', '--out', backup], { DATA_DIR: dataDir });
      expect(refused.code).toBe(2);
      expect(oneLine(refused.stderr)).toHaveLength(1);
      expect(refused.stderr).toContain('is in use by another Välfärdsnavet process');
      expect(fs.existsSync(backup)).toBe(false);
    } finally {
      await server.stop();
    }
    const done = await runCli(['backup', '--out', backup], { DATA_DIR: dataDir });
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`Wrote ${backup}`);
    expect(fs.statSync(backup).size).toBeGreaterThan(100_000);
    const again = await runCli(['backup', '--out', backup], { DATA_DIR: dataDir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already');
  }, 240_000);

  it('restores into an absent directory, refuses a full one without --force, and the app runs on it', async () => {
    const restored = path.join(root, 'restored');
    const done = await runCli(['restore', '--from', backup], { DATA_DIR: restored });
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`Restored ${backup} into ${restored}`);

    await expect(restoreDataDir(restored, backup)).rejects.toThrow(/is not empty \(pgdata\).*--force/);
    const damaged = path.join(root, 'damaged.tar.gz');
    fs.writeFileSync(damaged, 'not a backup');
    await expect(restoreDataDir(restored, damaged, { force: true })).rejects.toThrow(/is not a backup/);
    expect(fs.readdirSync(restored)).toEqual(['pgdata']);

    const { movedAside } = await restoreDataDir(restored, backup, { force: true });
    expect(movedAside).toMatch(/before-restore-/);
    expect(fs.readdirSync(movedAside!)).toEqual(['pgdata']);

    const server = await startServer({ DATA_DIR: restored });
    try {
      const admin = await httpLogin(server.url, marker.email, marker.password);
      expect((await admin.request('GET', '/api/v1/audit')).status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 240_000);

  it('sends PostgreSQL users to pg_dump and pg_restore', async () => {
    const res = await runCli(['backup', '--out', path.join(root, 'pg.tar.gz')], {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('pg_dump');
  }, 60_000);
});
