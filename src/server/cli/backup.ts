import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/client.ts';
import { OperatorError } from '../db/operator-error.ts';

/**
 * Writes a consistent copy of the embedded database to `out` (a gzipped tar of the data directory, as
 * PGlite's dumpDataDir makes it). Takes the data-directory lock like the server, so it refuses while a
 * server runs on the directory, and dumps through that one PGlite instance.
 */
export async function backupDataDir(dataDir: string, out: string): Promise<{ bytes: number }> {
  const target = path.resolve(out);
  if (fs.existsSync(target))
    throw new OperatorError(`${target} exists already: choose a new file name (a backup never overwrites).`);
  if (!fs.existsSync(path.join(dataDir, 'pgdata')))
    throw new OperatorError(`There is no embedded database in ${dataDir} (no pgdata directory) to back up.`);
  const database = await openDatabase({ dataDir });
  try {
    const dump = await database.pglite!.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    // Written aside and renamed, so a file with the backup's name is always a whole backup.
    const partial = `${target}.partial-${process.pid}`;
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, target);
    return { bytes: bytes.length };
  } finally {
    await database.close();
  }
}
