import { CertificateCodeParams } from '../../../shared/contracts/learning.ts';

/** The public page where anyone checks a certificate; the PDF and the certificate page name it. */
export const CHECK_PATH = '/intyg';

export const checkPath = (code: string) => `${CHECK_PATH}/${encodeURIComponent(code)}`;

/**
 * The code as it is stored (`ABCD-EFGH-JK23`) from what a person typed or a link held: any case, with
 * or without spaces and dashes. Null when it cannot be a code (the shared contract decides the shape).
 */
export function normaliseCertificateCode(typed: string): string | null {
  const chars = typed.toUpperCase().replace(/[\s\-‐‑‒–—]/g, '');
  const code = chars.length === 12 ? `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}` : chars;
  return CertificateCodeParams.safeParse({ code }).success ? code : null;
}
