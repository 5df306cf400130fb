import { verify, X509Certificate } from 'node:crypto';
import { decodeProtectedHeader, type ProtectedHeaderParameters } from 'jose';
import type { RawAttachment } from './multipart-mixed.ts';
import { sameStatement } from './statement-equivalence.ts';
import { parseStatement, type XapiStatement } from './statement-validation.ts';
import { XapiError } from './xapi-errors.ts';

/** The usageType that makes an attachment the statement's JWS signature (Data 2.6). */
export const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature';

// Data 2.6.s4.b4 allows only the RSASSA-PKCS1-v1_5 family.
const DIGEST_OF_ALG: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };
const COMPACT_JWS = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]+)$/;

const bad = (message: string) => new XapiError(400, message);

interface SignatureMetadata {
  contentType?: unknown;
  sha2?: unknown;
}

function signatureAttachments(statement: Record<string, unknown>): SignatureMetadata[] {
  const list = statement.attachments;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (a): a is SignatureMetadata =>
      typeof a === 'object' && a !== null && (a as { usageType?: unknown }).usageType === SIGNATURE_USAGE,
  );
}

function protectedHeader(jws: string): ProtectedHeaderParameters {
  try {
    return decodeProtectedHeader(jws);
  } catch {
    throw bad('The statement signature has an unreadable JWS header');
  }
}

/** The signed statement: Data 2.6.s4.b3 wants a valid JSON serialization of a complete statement. */
function signedStatement(encodedPayload: string): XapiStatement {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(encodedPayload, 'base64url').toString('utf8'));
  } catch {
    throw bad('The payload of the statement signature is not a JSON serialization of a statement');
  }
  // The signer followed some xAPI version's rules; which one the request declared is not known here.
  for (const version of ['2.0.0', '1.0.3'] as const) {
    const parsed = parseStatement(payload, version);
    if (parsed.ok) return parsed.statement;
  }
  throw bad('The payload of the statement signature is not a valid statement');
}

/**
 * Data 2.6.s5.b3.b3: with an X.509 chain in the header, the signature must verify with the first
 * certificate's key. The chain itself is not checked against any trust anchor: the specification
 * means this as a guard against mistakes, not as authentication.
 */
function verifyWithCertificate(header: ProtectedHeaderParameters, jws: RegExpExecArray, digest: string) {
  const chain = header.x5c;
  if (!Array.isArray(chain) || chain.length === 0 || typeof chain[0] !== 'string')
    throw bad('The x5c header of the statement signature must be a non-empty array of certificates');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(chain[0], 'base64'));
  } catch {
    throw bad('The first x5c certificate of the statement signature cannot be read');
  }
  const key = certificate.publicKey;
  if (key.asymmetricKeyType !== 'rsa')
    throw bad('The x5c certificate of the statement signature does not hold an RSA key');
  const [, encodedHeader = '', encodedPayload = '', encodedSignature = ''] = jws;
  const signingInput = Buffer.from(`${encodedHeader}.${encodedPayload}`, 'ascii');
  if (!verify(digest, signingInput, key, Buffer.from(encodedSignature, 'base64url')))
    throw bad('The statement signature does not verify with the key of its x5c certificate');
}

function sameId(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a.toLowerCase() === b.toLowerCase();
}

function checkOne(statement: XapiStatement, metadata: SignatureMetadata, parts: RawAttachment[]) {
  const type = typeof metadata.contentType === 'string' ? metadata.contentType : '';
  if ((type.split(';', 1)[0] ?? '').trim().toLowerCase() !== 'application/octet-stream')
    throw bad(`A signature attachment must have the contentType application/octet-stream, not "${type}"`);
  const sha2 = typeof metadata.sha2 === 'string' ? metadata.sha2.toLowerCase() : '';
  const part = parts.find((p) => p.sha2.toLowerCase() === sha2);
  if (!part)
    throw bad(`The signature attachment ${sha2} must be sent as a part of a multipart/mixed request`);

  // Surrounding white space (a trailing newline from a file) is not part of the JWS; the stored bytes
  // stay as sent.
  const jws = COMPACT_JWS.exec(part.content.toString('latin1').trim());
  if (!jws) throw bad('The statement signature is not a JWS in compact serialization');
  const header = protectedHeader(jws[0]);
  const digest = typeof header.alg === 'string' ? DIGEST_OF_ALG[header.alg] : undefined;
  if (!digest) throw bad(`The statement signature must use RS256, RS384 or RS512, not ${String(header.alg)}`);
  // RFC 7797's unencoded payload could not carry the statement as the compact payload segment.
  if (header.b64 === false) throw bad('The statement signature must have a base64url-encoded payload');

  const signed = signedStatement(jws[2] ?? '');
  if (header.x5c !== undefined) verifyWithCertificate(header, jws, digest);

  // Data 2.6.s5.b3.b2: logically equivalent by the Statement Comparison Requirements. The id is left
  // out there because an LRS may set a missing one; two given ids must still agree.
  if (!sameId(signed.id, statement.id) || !sameStatement(signed, statement))
    throw bad('The signed payload of the statement signature differs from the statement sent');
}

/**
 * Signed Statements (Data 2.6; 1.0.3's "Signed Statements"): every attachment with the signature
 * usageType must be a JWS (RS256/384/512) sent in the request whose payload is the statement itself,
 * verified with its x5c certificate when it names one. Anything else is a malformed signature: 400.
 * Without x5c there is no key to verify with, so only the payload is compared (as the conformance
 * suite, which signs without x5c, expects).
 */
export function checkSignature(statement: Record<string, unknown>, attachments: RawAttachment[]): void {
  const received = statement as unknown as XapiStatement;
  for (const metadata of signatureAttachments(statement)) checkOne(received, metadata, attachments);
}
