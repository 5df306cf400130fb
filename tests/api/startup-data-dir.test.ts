import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExitResult, spawnNode } from '../support/server-process.ts';

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-datadir-'));
  fs.chmodSync(root, 0o755);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const NOBODY = 65534;

/** Starts the real server on DATA_DIR; it must give up on its own (a spinning one is killed and fails). */
async function start(dataDir: string, asNobody = false): Promise<ExitResult> {
  const s = spawnNode(
    'src/server/main.ts',
    [],
    { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
    asNobody ? { uid: NOBODY, gid: NOBODY } : {},
  );
  const timer = setTimeout(() => s.proc.kill('SIGKILL'), 60_000);
  const result = await s.exited;
  clearTimeout(timer);
  return result;
}

function expectOneClearLine(result: ExitResult, words: RegExp) {
  expect(result.signal).toBeNull();
  expect(result.code).not.toBe(0);
  const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(words);
  expect(lines[0]).not.toMatch(/\s+at\s/);
}

describe('a DATA_DIR the embedded database cannot use', () => {
  it('that is a file: one line and a non-zero exit', async () => {
    const file = path.join(root, 'a-file');
    fs.writeFileSync(file, 'not a directory');
    const [itself, below] = await Promise.all([start(file), start(path.join(file, 'below'))]);
    expectOneClearLine(itself, /DATA_DIR .*a-file is a file, not a directory/);
    expectOneClearLine(below, /DATA_DIR .*a part of the path is a file/);
  }, 90_000);

  it('under /proc: one line and a non-zero exit', async () => {
    const [absent, self] = await Promise.all([start('/proc/valfardsnavet-data'), start('/proc/self')]);
    expectOneClearLine(absent, /DATA_DIR \/proc\/valfardsnavet-data .*\/proc/);
    expectOneClearLine(self, /virtual file system \/proc/);
  }, 90_000);

  it('that this process may not write: one line and a non-zero exit', async () => {
    const readOnly = path.join(root, 'read-only');
    fs.mkdirSync(readOnly, { mode: 0o555 });
    fs.chmodSync(readOnly, 0o555);
    // root writes anywhere, so as root the server runs as nobody, as it would in a locked-down container.
    const asNobody = process.getuid?.() === 0;
    const [itself, below] = await Promise.all([
      start(readOnly, asNobody),
      start(path.join(readOnly, 'data'), asNobody),
    ]);
    expectOneClearLine(itself, /DATA_DIR .*read-only is not writable.*EACCES/);
    expectOneClearLine(below, /cannot be created.*EACCES/);
  }, 90_000);
});
