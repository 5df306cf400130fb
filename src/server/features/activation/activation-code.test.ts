import { describe, expect, it } from 'vitest';
import { hashActivationCode, newActivationCode, normaliseActivationCode } from './activation-code.ts';

describe('activation codes', () => {
  it('are 12 unambiguous characters in groups of four, and differ', () => {
    const codes = Array.from({ length: 200 }, newActivationCode);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('accept what a person types: lower case, spaces, look-alike letters', () => {
    expect(normaliseActivationCode(' k7qf 3mzp-9wxd ')).toBe('K7QF3MZP9WXD');
    expect(hashActivationCode('O1IL-AAAA-BBBB')).toBe(hashActivationCode('0111AAAABBBB'));
  });
});
