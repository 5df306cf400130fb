import fs from 'node:fs';
import path from 'node:path';
import { OperatorError } from './operator-error.ts';

/** Kernel file systems: PGlite would fail deep inside (or spin) instead of saying why. */
const VIRTUAL_ROOTS = ['/proc', '/sys', '/dev'];

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    ENOTDIR: 'a part of the path is a file',
    EEXIST: 'a file is in the way',
  };
  return e.code ? `${known[e.code] ?? e.message} (${e.code})` : String(err);
}

/**
 * Makes sure DATA_DIR can hold the embedded database before PGlite opens it: creates it when absent and
 * proves that this process can write a file in it. Throws a OperatorError with one clear line otherwise.
 */
export function prepareDataDir(dir: string): void {
  const absolute = path.resolve(dir);
  const root = VIRTUAL_ROOTS.find((r) => absolute === r || absolute.startsWith(`${r}/`));
  if (root)
    throw new OperatorError(
      `DATA_DIR ${absolute} is on the kernel's virtual file system ${root}: choose a directory on a disk, e.g. ./data.`,
    );
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(absolute, { throwIfNoEntry: false });
  } catch (err) {
    throw new OperatorError(`DATA_DIR ${absolute} cannot be used: ${reason(err)}.`);
  }
  if (stat && !stat.isDirectory())
    throw new OperatorError(`DATA_DIR ${absolute} is a file, not a directory: choose a directory.`);
  try {
    fs.mkdirSync(absolute, { recursive: true });
  } catch (err) {
    throw new OperatorError(`DATA_DIR ${absolute} cannot be created: ${reason(err)}.`);
  }
  const probe = path.join(absolute, `.write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (err) {
    throw new OperatorError(`DATA_DIR ${absolute} is not writable by this process: ${reason(err)}.`);
  }
}
