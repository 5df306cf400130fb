import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * A software WebAuthn authenticator for API tests (the e2e tests use Chromium's virtual one): ES256
 * key pairs, "none" attestation, user presence and verification always given. It signs exactly what a
 * real authenticator signs, so the server's checks run unchanged.
 */
export function softAuthenticator(origin: string) {
  const rpIdHash = createHash('sha256').update(new URL(origin).hostname).digest();
  const creds = new Map<string, { key: KeyObject; counter: number; userHandle: string }>();
  const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');
  const clientData = (type: string, challenge: string, originOverride?: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin: originOverride ?? origin, crossOrigin: false }));
  const counterBytes = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };

  return {
    /** Answers registration options; `origin` lets a test pretend to be another site. */
    register(options: { challenge: string; user: { id: string } }, opts: { origin?: string } = {}) {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const jwk = publicKey.export({ format: 'jwk' });
      const cose = isoCBOR.encode(
        new Map<number, number | Uint8Array>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
          [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
        ]),
      );
      const credId = randomBytes(16);
      const credIdLen = Buffer.alloc(2);
      credIdLen.writeUInt16BE(credId.length);
      const authData = Buffer.concat([
        rpIdHash,
        Buffer.from([0x45]), // UP | UV | AT
        counterBytes(0),
        Buffer.alloc(16), // AAGUID
        credIdLen,
        credId,
        Buffer.from(cose),
      ]);
      const attestationObject = isoCBOR.encode(
        new Map<string, string | Uint8Array | Map<string, never>>([
          ['fmt', 'none'],
          ['attStmt', new Map<string, never>()],
          ['authData', new Uint8Array(authData)],
        ]),
      );
      const id = b64(credId);
      creds.set(id, { key: privateKey, counter: 0, userHandle: options.user.id });
      return {
        id,
        rawId: id,
        type: 'public-key' as const,
        response: {
          clientDataJSON: b64(clientData('webauthn.create', options.challenge, opts.origin)),
          attestationObject: b64(attestationObject),
          transports: ['internal'],
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      };
    },
    /** Signs authentication options with the given (or the only) credential. */
    authenticate(options: { challenge: string }, credentialId?: string) {
      const id = credentialId ?? [...creds.keys()][0]!;
      const cred = creds.get(id)!;
      cred.counter += 1;
      const authData = Buffer.concat([rpIdHash, Buffer.from([0x05]), counterBytes(cred.counter)]);
      const cdj = clientData('webauthn.get', options.challenge);
      const signature = sign(
        'sha256',
        Buffer.concat([authData, createHash('sha256').update(cdj).digest()]),
        cred.key,
      );
      return {
        id,
        rawId: id,
        type: 'public-key' as const,
        response: {
          clientDataJSON: b64(cdj),
          authenticatorData: b64(authData),
          signature: b64(signature),
          userHandle: cred.userHandle,
        },
        clientExtensionResults: {},
      };
    },
    credentialIds: () => [...creds.keys()],
  };
}
