import { randomBytes } from 'node:crypto';
import { hashToken } from '../../lib/tokens.ts';

/**
 * Crockford's base32: 32 characters without I, L, O and U, so a code read aloud or typed from paper
 * is not misread. 12 characters carry 60 bits; 32 divides 256, so each byte's low 5 bits are uniform.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12;

export const ACTIVATION_DAYS = 14;

/** A new code, grouped for reading: `K7QF-3MZP-9WXD`. */
export function newActivationCode(): string {
  const chars = [...randomBytes(LENGTH)].map((b) => ALPHABET[b & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/**
 * What a person typed, in the form that was hashed: upper case without spaces or hyphens, with the
 * look-alikes read as Crockford does (O as 0, I and L as 1).
 */
export function normaliseActivationCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function hashActivationCode(input: string): string {
  return hashToken(normaliseActivationCode(input));
}
