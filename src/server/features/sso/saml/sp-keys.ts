import { and, eq, isNull } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { identityProviders } from '../../../db/schema/index.ts';
import { secretBox } from '../../../lib/secrets.ts';

export interface SpKeyPair {
  privateKey: string;
  certificate: string;
}

interface IdpKeyColumns {
  id: string;
  name: string;
  spPrivateKeyEnc: string | null;
  spCertificate: string | null;
}

const TEN_YEARS_MS = 10 * 365.25 * 24 * 3600_000;

/**
 * Our signing key pair for one SAML IdP: generated on first need (RSA 2048, SHA-256, self-signed for
 * ten years — federations trust the certificate in our metadata, not a CA) and kept with the private
 * key sealed under SECRETS_KEY. Two instances generating at once: the first write wins and both use it.
 */
export async function ensureSpKeyPair(db: Db, config: Config, idp: IdpKeyColumns): Promise<SpKeyPair> {
  const box = secretBox(config.secretsKey);
  if (idp.spPrivateKeyEnc && idp.spCertificate)
    return { privateKey: box.open(idp.spPrivateKeyEnc), certificate: idp.spCertificate };

  const now = new Date();
  const { generate } = await import('selfsigned'); // only the first SAML sign-in of an IdP needs it
  const pems = await generate([{ name: 'commonName', value: `Välfärdsnavet SAML SP ${idp.id}` }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + TEN_YEARS_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    ],
  });
  const [stored] = await db
    .update(identityProviders)
    .set({ spPrivateKeyEnc: box.seal(pems.private), spCertificate: pems.cert })
    .where(and(eq(identityProviders.id, idp.id), isNull(identityProviders.spCertificate)))
    .returning({ id: identityProviders.id });
  if (stored) return { privateKey: pems.private, certificate: pems.cert };

  const [row] = await db
    .select({ enc: identityProviders.spPrivateKeyEnc, cert: identityProviders.spCertificate })
    .from(identityProviders)
    .where(eq(identityProviders.id, idp.id));
  if (!row?.enc || !row.cert) throw new Error(`identity provider ${idp.id} has no SP key pair`);
  return { privateKey: box.open(row.enc), certificate: row.cert };
}

/** The certificate's base64 body, as metadata and node-saml's `publicCert` want it. */
export function certificateBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}
