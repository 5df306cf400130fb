import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { bootstrapDatabase } from '../db/bootstrap.ts';
import { openDatabase } from '../db/client.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { createAdmin } from './create-admin.ts';
import { readSecret } from './read-secret.ts';

const usage = `Usage: npm run cli -- <command> [options]

Commands:
  create-admin --email <e-mail> --name "<name>"
      Creates (or promotes) a national administrator. The password is read from standard input
      when piped (echo … | npm run cli -- create-admin …) or asked for twice at the prompt.
  backup --out <file.tar.gz>
      Embedded database only: writes a consistent copy of the PGlite data directory. Stop the server
      first (PGlite serves one process). For PostgreSQL use pg_dump.

Uses the same configuration as the server (DATABASE_URL or DATA_DIR).`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, out: { type: 'string' } },
  });
  const config = loadConfig();
  if (command !== 'create-admin' && command !== 'backup') {
    console.log(usage);
    process.exit(command ? 2 : 0);
  }
  if (command === 'backup' && config.databaseUrl) {
    console.error('backup is for the embedded database; use pg_dump for PostgreSQL.');
    process.exit(2);
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await bootstrapDatabase(database, { demoData: false });
    if (command === 'create-admin') {
      if (!values.email || !values.name) throw new UsageError('create-admin needs --email and --name');
      const password = await readSecret('Password (at least 12 characters): ', true);
      const result = await createAdmin(database.db, { email: values.email, name: values.name, password });
      console.log(`${result.created ? 'Created' : 'Updated'} national administrator ${result.email}.`);
    } else {
      if (!values.out) throw new UsageError('backup needs --out <file.tar.gz>');
      if (database.kind !== 'pglite') throw new UsageError('backup is for the embedded database');
      const { PGlite } = await import('@electric-sql/pglite');
      const client = new PGlite(path.join(config.dataDir, 'pgdata'));
      const dump = await client.dumpDataDir('gzip');
      await client.close();
      fs.writeFileSync(values.out, Buffer.from(await dump.arrayBuffer()));
      console.log(`Wrote ${values.out}`);
    }
  } finally {
    await database.close();
  }
}

class UsageError extends Error {}

main().catch((err) => {
  if (err instanceof UsageError || err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
