import { createHash, generateKeyPairSync, type KeyObject, X509Certificate } from 'node:crypto';
import { CompactSign } from 'jose';
import { generate } from 'selfsigned';
import { beforeAll, describe, expect, it } from 'vitest';
import { multipartMixedResponse, parseStatementRequest, type RawAttachment } from './multipart-mixed.ts';
import { checkSignature, SIGNATURE_USAGE } from './statement-signature.ts';
import { parseStatement } from './statement-validation.ts';
import { XapiError } from './xapi-errors.ts';

type Json = Record<string, unknown>;

const statement: Json = {
  id: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee',
  actor: { objectType: 'Agent', mbox: 'mailto:ada@example.se', name: 'Ada' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-US': 'attended' } },
  object: { objectType: 'Activity', id: 'http://example.com/meetings/34534' },
  timestamp: '2026-05-18T05:32:34.804Z',
};

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
let certificate = '';
let otherCertificate = '';
let ecCertificate = '';

/** A self-signed certificate for a key pair, as an x5c entry (base64 DER). */
async function x5cFor(pair: { privateKey: KeyObject; publicKey: KeyObject }): Promise<string> {
  const pems = await generate([{ name: 'commonName', value: 'Välfärdsnavet signature test' }], {
    algorithm: 'sha256',
    keyPair: {
      privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
  });
  return new X509Certificate(pems.cert).raw.toString('base64');
}

beforeAll(async () => {
  certificate = await x5cFor(keys);
  otherCertificate = await x5cFor(otherKeys);
  const ec = await generate([{ name: 'commonName', value: 'EC test' }], { keyType: 'ec', curve: 'P-256' });
  ecCertificate = new X509Certificate(ec.cert).raw.toString('base64');
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface SignOptions {
  alg?: string;
  x5c?: string[];
  key?: KeyObject | Uint8Array;
  payload?: Buffer;
}

function sign(payload: Json, options: SignOptions = {}): Promise<string> {
  const header = { alg: options.alg ?? 'RS256', ...(options.x5c ? { x5c: options.x5c } : {}) };
  return new CompactSign(options.payload ?? Buffer.from(JSON.stringify(payload)))
    .setProtectedHeader(header)
    .sign(options.key ?? keys.privateKey);
}

/** The statement as sent, with the JWS as its signature attachment, and the request's parts. */
function signedRequest(
  jws: string | Buffer,
  base: Json = statement,
  contentType = 'application/octet-stream',
) {
  const content = Buffer.from(jws);
  const metadata = {
    usageType: SIGNATURE_USAGE,
    display: { 'en-US': 'Signature' },
    contentType,
    length: content.length,
    sha2: sha256(content),
  };
  const sent = { ...base, attachments: [metadata] };
  const parts: RawAttachment[] = [{ sha2: metadata.sha2, contentType: 'application/octet-stream', content }];
  return { sent, parts };
}

function refusal(sent: Json, parts: RawAttachment[]): XapiError {
  try {
    checkSignature(sent, parts);
  } catch (err) {
    if (err instanceof XapiError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('checkSignature: accepted signatures', () => {
  it('accepts RS256 without x5c, as the conformance suite signs (the payload is still compared)', async () => {
    const { sent, parts } = signedRequest(await sign(statement));
    expect(() => checkSignature(sent, parts)).not.toThrow();
  });

  it('accepts RS256, RS384 and RS512 verified with the x5c certificate', async () => {
    for (const alg of ['RS256', 'RS384', 'RS512']) {
      const { sent, parts } = signedRequest(
        await sign(statement, { alg, x5c: [certificate, otherCertificate] }),
      );
      expect(() => checkSignature(sent, parts)).not.toThrow();
    }
  });

  it('accepts a statement validated before the check, and one without signature attachments', async () => {
    const { sent, parts } = signedRequest(await sign(statement, { x5c: [certificate] }));
    const parsed = parseStatement(sent, '2.0.0');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(() => checkSignature(parsed.statement, parts)).not.toThrow();
    expect(() => checkSignature(statement, [])).not.toThrow();
  });

  it('ignores what the LRS may set and the comparison allows: a missing id, the verb display', async () => {
    const { id: _id, ...withoutId } = statement;
    const payload = { ...withoutId, verb: { id: (statement.verb as Json).id } };
    const { sent, parts } = signedRequest(await sign(payload));
    expect(() => checkSignature(sent, parts)).not.toThrow();
  });

  it('tolerates a trailing newline after the JWS', async () => {
    const { sent, parts } = signedRequest(`${await sign(statement)}\r\n`);
    expect(() => checkSignature(sent, parts)).not.toThrow();
  });

  it('works on a signed statement read from a multipart/mixed request', async () => {
    const { sent, parts } = signedRequest(await sign(statement, { alg: 'RS512', x5c: [certificate] }));
    const framed = multipartMixedResponse(sent, parts);
    const request = parseStatementRequest(framed.contentType, framed.body);
    expect(() => checkSignature(request.json as Json, request.attachments)).not.toThrow();
  });
});

describe('checkSignature: malformed signatures are a 400', () => {
  it('refuses a signature attachment whose contentType is not application/octet-stream', async () => {
    const { sent, parts } = signedRequest(await sign(statement), statement, 'text/plain; charset=ascii');
    const err = refusal(sent, parts);
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/application\/octet-stream/);
  });

  it('refuses a signature attachment whose content was not sent', async () => {
    const { sent } = signedRequest(await sign(statement));
    expect(refusal(sent, []).message).toMatch(/must be sent as a part/);
  });

  it('refuses content that is not a JWS compact serialization', async () => {
    const json = JSON.stringify({ payload: 'e30', signatures: [{ protected: 'e30', signature: 'AA' }] });
    for (const content of ['not a signature', json, 'a.b', 'a.b.c.d', '!!.e30.AA']) {
      const { sent, parts } = signedRequest(content);
      expect(refusal(sent, parts).message, content).toMatch(/compact serialization|unreadable/);
    }
  });

  it('refuses an algorithm other than RS256, RS384 or RS512', async () => {
    const hs256 = await sign(statement, { alg: 'HS256', key: new Uint8Array(32).fill(7) });
    const { sent, parts } = signedRequest(hs256);
    expect(refusal(sent, parts).message).toMatch(/RS256, RS384 or RS512, not HS256/);
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const unsigned = `${header}.${Buffer.from(JSON.stringify(statement)).toString('base64url')}.AA`;
    const none = signedRequest(unsigned);
    expect(refusal(none.sent, none.parts).message).toMatch(/not none/);
  });

  it('refuses a payload that is not JSON or not a statement', async () => {
    const broken = Buffer.from(JSON.stringify(statement).replace('"', "'"));
    const bad = signedRequest(await sign(statement, { payload: broken }));
    expect(refusal(bad.sent, bad.parts).message).toMatch(/not a JSON serialization/);
    const notStatement = signedRequest(await sign({ hello: 'world' }));
    expect(refusal(notStatement.sent, notStatement.parts).message).toMatch(/not a valid statement/);
  });

  it('refuses a payload that is another statement', async () => {
    const otherVerb = { ...statement, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } };
    const a = signedRequest(await sign(otherVerb));
    expect(refusal(a.sent, a.parts).message).toMatch(/differs from the statement sent/);
    const otherId = { ...statement, id: 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0' };
    const b = signedRequest(await sign(otherId));
    expect(refusal(b.sent, b.parts).message).toMatch(/differs/);
    const otherTime = { ...statement, timestamp: '2026-05-18T05:32:35.804Z' };
    const c = signedRequest(await sign(otherTime));
    expect(refusal(c.sent, c.parts).message).toMatch(/differs/);
  });

  it('refuses a signature that does not verify with the x5c certificate', async () => {
    const wrongKey = signedRequest(await sign(statement, { x5c: [otherCertificate] }));
    expect(refusal(wrongKey.sent, wrongKey.parts).message).toMatch(/does not verify/);

    const [header, payload, signature = ''] = (await sign(statement, { x5c: [certificate] })).split('.');
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    const tampered = signedRequest(`${header}.${payload}.${flipped}`);
    expect(refusal(tampered.sent, tampered.parts).message).toMatch(/does not verify/);
  });

  it('refuses an unreadable x5c, an empty chain and a certificate without an RSA key', async () => {
    const garbage = signedRequest(await sign(statement, { x5c: ['bm90IGEgY2VydGlmaWNhdGU='] }));
    expect(refusal(garbage.sent, garbage.parts).message).toMatch(/cannot be read/);
    const empty = signedRequest(await sign(statement, { x5c: [] }));
    expect(refusal(empty.sent, empty.parts).message).toMatch(/non-empty array/);
    const ec = signedRequest(await sign(statement, { x5c: [ecCertificate] }));
    expect(refusal(ec.sent, ec.parts).message).toMatch(/RSA key/);
  });

  it('checks every signature attachment of the statement', async () => {
    const good = signedRequest(await sign(statement));
    const bad = signedRequest(await sign({ ...statement, verb: { id: 'http://example.com/other' } }));
    const sent = { ...statement, attachments: [...good.sent.attachments, ...bad.sent.attachments] };
    expect(refusal(sent, [...good.parts, ...bad.parts]).status).toBe(400);
  });
});
