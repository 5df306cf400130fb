import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { prepareDataDir } from '../db/data-dir.ts';
import { acquireDataDirLock, LOCK_FILE } from '../db/data-dir-lock.ts';
import { OperatorError } from '../db/operator-error.ts';

const ASIDE_PREFIX = 'before-restore-';

/**
 * Restores a backup made by `backup` into DATA_DIR. The directory must be empty or absent; with
 * `force`, what it holds is first moved into DATA_DIR/before-restore-<time>/ (inside, so this works
 * when DATA_DIR is a mounted volume), never deleted. The backup is unpacked and opened beside it first,
 * so a damaged file changes nothing. Holds the data-directory lock throughout: refuses while a server runs.
 */
export async function restoreDataDir(
  dataDir: string,
  from: string,
  opts: { force?: boolean } = {},
): Promise<{ movedAside: string | null }> {
  const source = path.resolve(from);
  if (!fs.statSync(source, { throwIfNoEntry: false })?.isFile())
    throw new OperatorError(`${source} is not a file: name the backup with --from <file.tar.gz>.`);
  prepareDataDir(dataDir);
  const release = await acquireDataDirLock(dataDir);
  const staging = path.join(dataDir, `.restoring-${process.pid}`);
  try {
    const present = fs
      .readdirSync(dataDir)
      .filter(
        (name) => name !== LOCK_FILE && !name.startsWith(ASIDE_PREFIX) && !name.startsWith('.restoring-'),
      );
    if (present.length && !opts.force)
      throw new OperatorError(
        `DATA_DIR ${dataDir} is not empty (${present.join(', ')}): restore into an empty or absent directory, ` +
          'or add --force to move what is there aside first.',
      );
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging);
    let pglite: PGlite | undefined;
    try {
      pglite = await PGlite.create(path.join(staging, 'pgdata'), {
        loadDataDir: new Blob([fs.readFileSync(source)]),
      });
      await pglite.query('select count(*) from drizzle.__drizzle_migrations');
    } catch {
      throw new OperatorError(
        `${source} is not a backup of Välfärdsnavet's embedded database: nothing was changed.`,
      );
    } finally {
      await pglite?.close().catch(() => undefined);
    }
    let movedAside: string | null = null;
    if (present.length) {
      movedAside = path.join(dataDir, `${ASIDE_PREFIX}${new Date().toISOString().replace(/[:.]/g, '-')}`);
      fs.mkdirSync(movedAside);
      for (const name of present) fs.renameSync(path.join(dataDir, name), path.join(movedAside, name));
    }
    fs.renameSync(path.join(staging, 'pgdata'), path.join(dataDir, 'pgdata'));
    return { movedAside };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    await release();
  }
}
