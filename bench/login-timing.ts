/**
 * `node --import tsx bench/login-timing.ts [runs]` — does a failed login take as long for an address with
 * an account as for one without? Wrong-password logins alternate between a demo account and unknown
 * addresses on a fresh embedded database with the demo data (through app.inject, so no network noise),
 * and the medians are printed; then the same for password-reset requests (mail work only for the account). The lockout threshold is raised so every try takes the full path.
 * With DATABASE_URL set the measurement runs on that PostgreSQL database instead (it must be empty or
 * a throwaway: the demo data is loaded into it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { bootstrapDatabase } from '../src/server/db/bootstrap.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { DEMO_DOMAIN } from '../src/server/db/demo/demo-people.ts';

const RUNS = Number(process.argv[2] ?? 20);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'valfardsnavet-login-timing-'));
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  await bootstrapDatabase(database, { demoData: true });
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_MAX_FAILURES: '1000000',
    CLIENT_DIR: '/nonexistent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir }),
  } as NodeJS.ProcessEnv);
  const app = await buildApp({ database, config, logger: false, demo: true });
  await app.ready();
  const csrf = await app.inject({ method: 'GET', url: '/api/v1/auth/csrf' });
  const token = csrf.json<{ token: string }>().token;
  const cookie = csrf.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const timed = async (url: string, payload: object, status: number) => {
    const started = performance.now();
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'x-csrf-token': token },
      payload,
    });
    const ms = performance.now() - started;
    if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode} ${res.body}`);
    return ms;
  };
  const attempt = (email: string) =>
    timed('/api/v1/auth/login', { email, password: 'wrong-password-xyz' }, 401);
  const reset = (email: string) => timed('/api/v1/auth/password-reset', { email }, 202);
  // Warm both paths (the dummy hash is made on first use, the address key on first login).
  await attempt(`lina.persson@${DEMO_DOMAIN}`);
  await attempt('warm-up@example.se');
  const existing: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    existing.push(await attempt(`lina.persson@${DEMO_DOMAIN}`));
    unknown.push(await attempt(`ingen-${i}@example.se`));
  }
  const existingReset: number[] = [];
  const unknownReset: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    existingReset.push(await reset(`lina.persson@${DEMO_DOMAIN}`));
    unknownReset.push(await reset(`ingen-${i}@example.se`));
  }
  const fmt = (xs: number[]) =>
    `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
  console.log(`${database.kind}, ${RUNS} wrong-password logins each, ${os.cpus()[0]?.model ?? 'cpu'}`);
  console.log(`  existing account: ${fmt(existing)}`);
  console.log(`  unknown address:  ${fmt(unknown)}`);
  console.log(`password-reset requests (a token and a mail only for the account), ${RUNS} each`);
  console.log(`  existing account: ${fmt(existingReset)}`);
  console.log(`  unknown address:  ${fmt(unknownReset)}`);
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
