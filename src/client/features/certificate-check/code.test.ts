import { describe, expect, it } from 'vitest';
import { checkPath, normaliseCertificateCode } from './code.ts';

describe('a typed certificate code', () => {
  it('is accepted in any case, with or without spaces and dashes', () => {
    for (const typed of [
      'ABCD-EFGH-JK23',
      'abcd-efgh-jk23',
      'ABCDEFGHJK23',
      ' abcd efgh jk23 ',
      'ABCD – EFGH – JK23',
      'Abcd-Efgh Jk23',
    ])
      expect(normaliseCertificateCode(typed), typed).toBe('ABCD-EFGH-JK23');
  });

  it('is refused when it cannot be a code', () => {
    for (const typed of ['', '   ', 'ABCD-EFGH', 'ABCD-EFGH-JK234', 'ABCD-EFGH-JK2Ö', 'ABCD/EFGH/JK23'])
      expect(normaliseCertificateCode(typed), typed).toBeNull();
  });

  it('leads to the public check page', () => {
    expect(checkPath('ABCD-EFGH-JK23')).toBe('/intyg/ABCD-EFGH-JK23');
  });
});
