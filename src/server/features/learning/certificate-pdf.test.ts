import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../../tests/support/pdf-text.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';

const input = {
  learnerName: 'Amir Haddad',
  courseTitle: 'Välfärdsteknik i vardagen',
  issuer: 'Välfärdsnavet',
  issuedAt: new Date('2026-11-02T10:00:00Z'),
  code: 'ABCD-EFGH-JK23',
  checkUrl: 'https://navet.example/intyg',
  verifyUrl: 'https://navet.example/intyg/ABCD-EFGH-JK23',
};

describe('the certificate PDF', () => {
  it('names the public check page and the code to type there, in Swedish and English', async () => {
    const sv = await pdfText(await renderCertificatePdf({ ...input, lang: 'sv' }));
    expect(sv).toContain('Verifieringskod: ABCD-EFGH-JK23');
    expect(sv).toContain('Kontrollera intyget på https://navet.example/intyg med verifieringskoden ovan.');
    const en = await pdfText(await renderCertificatePdf({ ...input, lang: 'en' }));
    expect(en).toContain(
      'Verify the certificate at https://navet.example/intyg with the verification code above.',
    );
  });
});
