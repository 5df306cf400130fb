import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { bootstrapDatabase } from '../db/bootstrap.ts';
import { openDatabase } from '../db/client.ts';
import { OperatorError } from '../db/operator-error.ts';
import { backupDataDir } from './backup.ts';
import { createAdmin } from './create-admin.ts';
import { readSecret } from './read-secret.ts';
import { restoreDataDir } from './restore.ts';

const usage = `Usage: npm run cli -- <command> [options]

Commands:
  create-admin --email <e-mail> --name "<name>"
      Creates (or promotes) a national administrator. The password is read from standard input
      when piped (echo … | npm run cli -- create-admin …) or asked for twice at the prompt.
  backup --out <file.tar.gz>
      Embedded database only: writes a consistent copy of DATA_DIR's database to a new file.
      Refuses while the server runs on DATA_DIR (stop it first). For PostgreSQL use pg_dump.
  restore --from <file.tar.gz> [--force]
      Embedded database only: restores a backup into DATA_DIR, which must be empty or absent;
      --force first moves what DATA_DIR holds into DATA_DIR/before-restore-<time>/.
      Refuses while the server runs on DATA_DIR. For PostgreSQL use pg_restore.

Uses the same configuration as the server (DATABASE_URL or DATA_DIR).`;

const commands = ['create-admin', 'backup', 'restore'];

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || !commands.includes(command)) {
    console.log(usage);
    process.exit(command ? 2 : 0);
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      force: { type: 'boolean' },
    },
  });
  const config = loadConfig();
  if (command === 'backup' || command === 'restore') {
    if (config.databaseUrl)
      throw new OperatorError(
        `${command} is for the embedded database; with DATABASE_URL use pg_dump and pg_restore (see the README).`,
      );
    if (command === 'backup') {
      if (!values.out) throw new OperatorError('backup needs --out <file.tar.gz>');
      const { bytes } = await backupDataDir(config.dataDir, values.out);
      console.log(`Wrote ${values.out} (${(bytes / 1024 / 1024).toFixed(1)} MB) from ${config.dataDir}.`);
    } else {
      if (!values.from) throw new OperatorError('restore needs --from <file.tar.gz>');
      const { movedAside } = await restoreDataDir(config.dataDir, values.from, {
        force: values.force ?? false,
      });
      console.log(
        `Restored ${values.from} into ${config.dataDir}.` +
          (movedAside ? ` What was there before is in ${movedAside}.` : ''),
      );
    }
    return;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await bootstrapDatabase(database, { demoData: false });
    if (!values.email || !values.name) throw new OperatorError('create-admin needs --email and --name');
    const password = await readSecret('Password (at least 12 characters): ', true);
    const result = await createAdmin(database.db, { email: values.email, name: values.name, password });
    console.log(`${result.created ? 'Created' : 'Updated'} national administrator ${result.email}.`);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  if (err instanceof OperatorError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error((err as Error).message);
    process.exit(2);
  }
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
