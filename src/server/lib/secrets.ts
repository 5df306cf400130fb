import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors.ts';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const VERSION = 'v1';

/**
 * Secrets the server must read back (an IdP's client secret, a SAML SP private key, a TOTP seed) are
 * sealed with AES-256-GCM under SECRETS_KEY before they reach the database: a stolen backup or a
 * read-only database role does not give them away. Passwords and tokens are hashed instead, elsewhere.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** SECRETS_KEY as 32 bytes, given in base64 (44 characters) or hex (64 characters). */
export function parseSecretsKey(value: string): Buffer | null {
  const trimmed = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  return key.length === KEY_BYTES ? key : null;
}

/** A new random key in the form SECRETS_KEY takes (base64), e.g. for `npm run cli secrets-key`. */
export function newSecretsKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/**
 * The key of a demo or single-machine installation: generated once into the data directory (mode
 * 0600) and read back on every start, so the sealed secrets survive restarts.
 */
export function keyFileInDataDir(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secrets.key');
  if (fs.existsSync(file)) {
    const key = parseSecretsKey(fs.readFileSync(file, 'utf8'));
    if (!key) throw new Error(`${file} does not hold a 32-byte key; set SECRETS_KEY or remove the file`);
    return key;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const encoded = newSecretsKey();
  fs.writeFileSync(file, `${encoded}\n`, { mode: 0o600, flag: 'wx' });
  return Buffer.from(encoded, 'base64');
}

export function secretBox(key: Buffer | undefined): SecretBox {
  const need = () => {
    // Without a key nothing can be sealed or opened; the operator must set one (README: SECRETS_KEY).
    if (!key) throw new AppError(503, 'secrets_key_missing');
    return key;
  };
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', need(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        VERSION,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', need(), Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
