import type { MfaChallenge } from '../../../shared/contracts/mfa.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from '../../lib/passwords.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import type { RequestActor } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import type { Mailer } from '../mail/mailer.ts';
import { passwordResetMail } from '../mail/templates.ts';
import * as repo from './auth.repo.ts';
import { MAIL_REQUEST_MS, takingAtLeast } from './even-timing.ts';
import * as throttle from './login-throttle.repo.ts';
import * as mfaRepo from './mfa.repo.ts';
import { needsSecondFactor, startMfa } from './mfa.service.ts';
import * as sessions from './session.repo.ts';
import { canLogIn, sendUnlockLink } from './unlock.service.ts';

export interface AuthDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
}

const RESET_MINUTES = 60;

/**
 * Failures are counted per submitted address whether or not an account has it, and an unknown address
 * costs the same argon2 verification, so status codes, bodies and timing do not tell which addresses exist.
 */
export async function login(
  deps: AuthDeps,
  input: {
    email?: string | undefined;
    username?: string | undefined;
    password: string;
    userAgent: string | null;
  },
): Promise<LoginOutcome> {
  // A username is counted and locked exactly like an address (they never contain '@', so never collide).
  const identifier = input.email ?? input.username ?? '';
  const addressHash = await throttle.addressHash(deps.db, identifier);
  if (await throttle.findLock(deps.db, addressHash)) throw new AppError(423, 'account_locked');
  const user = input.email
    ? await repo.findUserByEmail(deps.db, input.email)
    : await repo.findUserByUsername(deps.db, identifier);
  const usable = canLogIn(user);
  const matches = await verifyPassword(
    usable ? user.passwordHash : await dummyPasswordHash(),
    input.password,
  );
  if (!usable || !matches) {
    const after = await throttle.recordFailure(
      deps.db,
      addressHash,
      deps.config.loginMaxFailures,
      deps.config.loginLockMs,
    );
    await throttle.deleteStaleThrottles(deps.db);
    // Decided by the count, not by comparing the database's clock with this process's.
    const lockedUntil = after.lockedUntil;
    if (after.failures >= deps.config.loginMaxFailures && lockedUntil) {
      await takingAtLeast(MAIL_REQUEST_MS, async () => {
        if (usable) {
          await recordAudit(deps.db, {
            actorId: null,
            action: 'user.locked',
            entityType: 'user',
            entityId: user.id,
            after: { failedLogins: after.failures, lockedUntil: lockedUntil.toISOString() },
          });
        }
        await sendUnlockLink(deps, user, addressHash);
      });
      throw new AppError(423, 'account_locked');
    }
    throw new AppError(401, 'invalid_credentials');
  }
  await throttle.clearFailures(deps.db, addressHash);
  // Only now, with the password proven, may the answer say how this person must sign in.
  const rules = await mfaRepo.signInRules(deps.db, user.id);
  if (rules.sso) {
    throw new AppError(403, 'sso_required', [], undefined, {
      loginUrl: `/auth/sso/${rules.sso.id}/login`,
      identityProviderName: rules.sso.name,
    });
  }
  if (needsSecondFactor(deps.config, rules)) {
    return { kind: 'mfa', challenge: await startMfa(deps, user.id, addressHash) };
  }
  return { kind: 'session', ...(await startSession(deps, user.id, input.userAgent, 'password')) };
}

export type LoginOutcome =
  | { kind: 'session'; token: string; expiresAt: Date; userId: string }
  | { kind: 'mfa'; challenge: MfaChallenge };

/** A new session cookie value for a person who has proven who they are. */
export async function startSession(
  deps: AuthDeps,
  userId: string,
  userAgent: string | null,
  authMethod: 'password' | 'password_mfa' | 'passkey',
) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + deps.config.sessionTtlMs);
  await sessions.createSession(deps.db, {
    userId,
    tokenHash: hashToken(token),
    userAgent: userAgent?.slice(0, 300) ?? null,
    expiresAt,
    authMethod,
  });
  return { token, expiresAt, userId };
}

export async function logout(deps: AuthDeps, actor: RequestActor) {
  await sessions.revokeSession(deps.db, { id: actor.sessionId, userId: actor.userId });
}

export async function listSessions(deps: AuthDeps, actor: RequestActor) {
  const rows = await sessions.listActiveSessions(deps.db, actor.userId);
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    userAgent: s.userAgent,
    current: s.id === actor.sessionId,
  }));
}

export async function revokeSession(deps: AuthDeps, actor: RequestActor, sessionId: string) {
  if (!(await sessions.revokeSession(deps.db, { id: sessionId, userId: actor.userId }))) {
    throw new AppError(404, 'not_found');
  }
}

/** Answers the same way and after the same time whether or not the e-mail exists, so accounts cannot be discovered. */
export function requestPasswordReset(deps: AuthDeps, email: string) {
  return takingAtLeast(MAIL_REQUEST_MS, () => sendPasswordReset(deps, email));
}

async function sendPasswordReset(deps: AuthDeps, email: string) {
  const user = await repo.findUserByEmail(deps.db, email);
  if (user?.status !== 'active' || !user.email) return;
  const token = newToken();
  await repo.createPasswordReset(
    deps.db,
    user.id,
    hashToken(token),
    new Date(Date.now() + RESET_MINUTES * 60_000),
  );
  await deps.mailer.send(
    passwordResetMail({
      to: user.email,
      name: user.name,
      link: `${deps.config.publicUrl}/aterstall-losenord?token=${encodeURIComponent(token)}`,
      lang: user.preferredLanguage,
      minutes: RESET_MINUTES,
    }),
  );
}

/**
 * One link sets the password once; every other open link dies with it, every session ends (the old
 * password may be known to someone else) and the address's lockout is lifted (the mailbox was proven).
 */
export async function confirmPasswordReset(deps: AuthDeps, input: { token: string; password: string }) {
  const tokenHash = hashToken(input.token);
  const hashAddress = await throttle.addressHasher(deps.db);
  await deps.db.transaction(async (tx) => {
    const userId = await repo.findPasswordResetUser(tx, tokenHash);
    if (!userId) throw new AppError(400, 'token_invalid');
    // Two links of one person used at once queue here instead of both succeeding.
    await repo.lockUser(tx, userId);
    const reset = await repo.consumePasswordReset(tx, tokenHash);
    if (!reset) throw new AppError(400, 'token_invalid');
    const user = await repo.findUserById(tx, reset.userId);
    if (!user) throw new AppError(400, 'token_invalid');
    const problem = passwordProblem(input.password, user.email ?? undefined);
    if (problem) throw new AppError(400, problem, [{ path: 'body.password', code: problem }]);
    await repo.setPassword(tx, user.id, await hashPassword(input.password));
    await repo.closeOpenPasswordResets(tx, user.id);
    await sessions.revokeAllSessions(tx, user.id);
    if (user.email) await throttle.clearFailures(tx, hashAddress(user.email));
    await recordAudit(tx, {
      actorId: user.id,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: user.id,
    });
  });
}

export async function changePassword(
  deps: AuthDeps,
  actor: RequestActor,
  input: { currentPassword: string; newPassword: string },
) {
  const user = await repo.findUserById(deps.db, actor.userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError(400, 'password_wrong', [{ path: 'body.currentPassword', code: 'password_wrong' }]);
  }
  const problem = passwordProblem(input.newPassword, user.email ?? undefined);
  if (problem) throw new AppError(400, problem, [{ path: 'body.newPassword', code: problem }]);
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await repo.lockUser(tx, user.id);
    await repo.setPassword(tx, user.id, passwordHash);
    // The session making the change stays; every other session and open reset link ends.
    await sessions.revokeAllSessions(tx, user.id, actor.sessionId);
    await repo.closeOpenPasswordResets(tx, user.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
    });
  });
}
