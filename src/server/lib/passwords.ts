import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MIN_LENGTH } from '../../shared/contracts/auth.ts';
import type { ProblemCode } from '../../shared/i18n/errors.ts';
import { commonPasswords } from './common-passwords.ts';

// argon2id (the library's default algorithm) with OWASP's recommended memory and time cost.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Returns why a new password is refused, or null if it is acceptable. */
export function passwordProblem(password: string, email?: string): ProblemCode | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  const normalised = password.toLowerCase().replace(/\s+/g, '');
  if (commonPasswords.has(normalised)) return 'password_too_common';
  if (new Set(normalised).size <= 2) return 'password_too_common';
  if (email && normalised.includes(email.toLowerCase().split('@')[0] ?? '\u0000') && normalised.length < 20) {
    return 'password_too_common';
  }
  return null;
}

/** A hash to verify against when the user does not exist, so timing does not reveal which e-mails exist. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-ever-used');
  return dummyHash;
}
