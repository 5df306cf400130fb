import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as jose from 'jose';

/** The demo provider's signing key, cookie key and client secret: made once, no network needed. */
export interface DemoIdpKeys {
  jwk: jose.JWK;
  cookieKey: string;
  clientSecret: string;
}

async function generate(): Promise<DemoIdpKeys> {
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = await jose.exportJWK(privateKey);
  return {
    jwk: { ...jwk, kid: `demo-${randomBytes(6).toString('hex')}`, alg: 'RS256', use: 'sig' },
    cookieKey: randomBytes(32).toString('base64url'),
    clientSecret: randomBytes(32).toString('base64url'),
  };
}

/**
 * Kept in the data directory (mode 0600) so logins and ID tokens survive a restart; without a
 * directory (tests) they live in memory for the process.
 */
export async function demoIdpKeys(dir: string | undefined): Promise<DemoIdpKeys> {
  if (!dir) return generate();
  const file = path.join(dir, 'demo-idp-keys.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoIdpKeys;
  const keys = await generate();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}
