import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  constructor(dir: string) {
    super(
      `The data directory ${dir} is in use by another Välfärdsnavet process. ` +
        'The embedded database (PGlite) serves one process only: stop the other process, ' +
        'or start this one with another DATA_DIR, or use DATABASE_URL for PostgreSQL.',
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * Takes an exclusive lock on the PGlite data directory. proper-lockfile refreshes the lock's mtime,
 * so a lock left by a crashed process becomes stale and is taken over after `stale` ms.
 */
export async function acquireDataDirLock(dir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dir, {
      stale: 10_000,
      update: 2_000,
      realpath: true,
      onCompromised: (err) => {
        // Another process took the directory over: continuing would risk corrupting the database.
        console.error(`Lost the lock on ${dir}: ${err.message}. Stopping to protect the data.`);
        process.exit(1);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dir);
    throw err;
  }
}
