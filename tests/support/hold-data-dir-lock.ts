// A stand-in for a server that holds DATA_DIR's lock: takes it, says so, and waits to be killed.
import { acquireDataDirLock } from '../../src/server/db/data-dir-lock.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: hold-data-dir-lock.ts <dir>');
await acquireDataDirLock(dir);
console.log('locked');
setInterval(() => undefined, 60_000);
