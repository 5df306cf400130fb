import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFileInDataDir, newSecretsKey, parseSecretsKey, secretBox } from './secrets.ts';

describe('secret box', () => {
  const key = parseSecretsKey(newSecretsKey()) as Buffer;

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const box = secretBox(key);
    const sealed = box.seal('client-secret-ÅÄÖ');
    expect(sealed).not.toContain('client-secret');
    expect(box.open(sealed)).toBe('client-secret-ÅÄÖ');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a tampered secret and one sealed under another key', () => {
    const sealed = secretBox(key).seal('x');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] as string, 'base64url');
    body[0] = (body[0] as number) ^ 1; // one flipped bit of the ciphertext
    parts[3] = body.toString('base64url');
    expect(() => secretBox(key).open(parts.join('.'))).toThrow();
    expect(() => secretBox(parseSecretsKey(newSecretsKey()) as Buffer).open(sealed)).toThrow();
  });

  it('answers 503 secrets_key_missing when no key is configured', () => {
    expect(() => secretBox(undefined).seal('x')).toThrow(
      expect.objectContaining({ status: 503, code: 'secrets_key_missing' }),
    );
  });

  it('takes base64 or hex keys of 32 bytes only', () => {
    expect(parseSecretsKey('a'.repeat(64))?.length).toBe(32);
    expect(parseSecretsKey('c2hvcnQ=')).toBeNull();
  });

  it('generates the demo key once in the data directory and reads the same key back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-secrets-'));
    const first = keyFileInDataDir(dir);
    expect(keyFileInDataDir(dir).equals(first)).toBe(true);
    expect(fs.statSync(path.join(dir, 'secrets.key')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });
});
