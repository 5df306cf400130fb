import type {
  AuthenticationResponseJSON,
  AuthenticatorTransport,
  RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { hashToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as mfaRepo from './mfa.repo.ts';
import * as repo from './passkeys.repo.ts';

/** The WebAuthn library loads with the first passkey ceremony, not at start-up (it is heavy to import). */
const webauthn = () => import('@simplewebauthn/server');

/** The relying party follows PUBLIC_URL: its hostname is the RP ID, its origin the only accepted one. */
function relyingParty(config: Config) {
  const url = new URL(config.publicUrl);
  return { rpID: url.hostname, origin: url.origin };
}

/** The options go to the browser as they are (a JSON object, as the contract's loose schema says). */
const asJson = <T extends object>(options: T) => options as T & Record<string, unknown>;

const failed = (status = 400) => new AppError(status, 'passkey_failed');

export function passkeyView(p: Awaited<ReturnType<typeof repo.listPasskeys>>[number]) {
  return {
    id: p.id,
    name: p.name,
    createdAt: p.createdAt.toISOString(),
    lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
    backedUp: p.backedUp,
  };
}

/**
 * Options for adding a passkey: discoverable (so it can log in without a name), user verification
 * required (fingerprint or PIN), the person's existing passkeys excluded. The challenge is kept hashed
 * for five minutes and can be answered once.
 */
export async function registrationOptions(
  db: Db,
  config: Config,
  user: { id: string; name: string; email: string | null; username: string | null },
) {
  const existing = await repo.listPasskeys(db, user.id);
  const options = await (await webauthn()).generateRegistrationOptions({
    rpName: 'Välfärdsnavet',
    rpID: relyingParty(config).rpID,
    userName: user.email ?? user.username ?? user.name,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({
      id: p.credentialId,
      transports: p.transports as AuthenticatorTransport[],
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await mfaRepo.createChallenge(db, {
    tokenHash: hashToken(options.challenge),
    purpose: 'passkey_register',
    userId: user.id,
  });
  return asJson(options);
}

/** Verifies the browser's answer to registrationOptions and stores the passkey (audited). */
export async function register(
  db: Db,
  config: Config,
  userId: string,
  response: RegistrationResponseJSON,
  name: string | undefined,
) {
  const rp = relyingParty(config);
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await (await webauthn()).verifyRegistrationResponse({
      response,
      expectedChallenge: async (challenge) => {
        const row = await mfaRepo.consumeChallenge(db, hashToken(challenge), 'passkey_register');
        return row?.userId === userId;
      },
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
    });
  } catch {
    throw failed();
  }
  if (!verification.verified) throw failed();
  const info = verification.registrationInfo;
  const passkey = await db.transaction(async (tx) => {
    const row = await repo.insertPasskey(tx, {
      userId,
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
      counter: info.credential.counter,
      transports: info.credential.transports ?? [],
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      name: name ?? `Nyckel ${new Date().toISOString().slice(0, 10)}`,
    });
    if (!row) throw failed(409);
    await recordAudit(tx, {
      actorId: userId,
      action: 'user.passkey_added',
      entityType: 'passkey',
      entityId: row.id,
      after: { name: row.name },
    });
    return row;
  });
  return passkeyView(passkey);
}

/**
 * Options for logging in with a passkey. Without a user the browser offers every passkey it has for
 * this site (usernameless); with one (the second factor after a password) only that person's.
 */
export async function authenticationOptions(db: Db, config: Config, userId: string | null) {
  const allow = userId ? await repo.listPasskeys(db, userId) : [];
  const options = await (await webauthn()).generateAuthenticationOptions({
    rpID: relyingParty(config).rpID,
    userVerification: 'required',
    ...(userId
      ? {
          allowCredentials: allow.map((p) => ({
            id: p.credentialId,
            transports: p.transports as AuthenticatorTransport[],
          })),
        }
      : {}),
  });
  await mfaRepo.createChallenge(db, {
    tokenHash: hashToken(options.challenge),
    purpose: 'passkey_login',
    userId,
  });
  return asJson(options);
}

/**
 * Verifies a passkey login and returns whose passkey it was. The challenge is spent whatever the
 * outcome; a challenge made for one person is not accepted for another's passkey. The signature
 * counter is stored (a clone that goes backwards is refused by the library).
 */
export async function verifyAuthentication(
  db: Db,
  config: Config,
  response: AuthenticationResponseJSON,
  expectedUserId: string | null,
): Promise<{ userId: string; passkeyId: string }> {
  const rp = relyingParty(config);
  const passkey = await repo.findByCredentialId(db, response.id);
  if (!passkey || (expectedUserId && passkey.userId !== expectedUserId)) throw failed(401);
  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await (await webauthn()).verifyAuthenticationResponse({
      response,
      expectedChallenge: async (challenge) => {
        const row = await mfaRepo.consumeChallenge(db, hashToken(challenge), 'passkey_login');
        return !!row && (row.userId === null || row.userId === passkey.userId);
      },
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: passkey.counter,
        transports: passkey.transports as AuthenticatorTransport[],
      },
      requireUserVerification: true,
    });
  } catch {
    throw failed(401);
  }
  if (!verification.verified) throw failed(401);
  await repo.recordUse(db, passkey.id, verification.authenticationInfo.newCounter);
  return { userId: passkey.userId, passkeyId: passkey.id };
}

export async function rename(db: Db, userId: string, id: string, name: string) {
  return db.transaction(async (tx) => {
    const row = await repo.renamePasskey(tx, userId, id, name);
    if (!row) throw new AppError(404, 'not_found');
    await recordAudit(tx, {
      actorId: userId,
      action: 'user.passkey_renamed',
      entityType: 'passkey',
      entityId: id,
      after: { name },
    });
    return passkeyView(row);
  });
}

export async function remove(db: Db, userId: string, id: string) {
  await db.transaction(async (tx) => {
    const row = await repo.deletePasskey(tx, userId, id);
    if (!row) throw new AppError(404, 'not_found');
    await recordAudit(tx, {
      actorId: userId,
      action: 'user.passkey_removed',
      entityType: 'passkey',
      entityId: id,
      before: { name: row.name },
    });
  });
}
