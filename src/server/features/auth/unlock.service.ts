import { AppError } from '../../lib/errors.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { accountUnlockMail } from '../mail/templates.ts';
import * as repo from './auth.repo.ts';
import type { AuthDeps } from './auth.service.ts';
import { MAIL_REQUEST_MS, takingAtLeast } from './even-timing.ts';
import * as throttle from './login-throttle.repo.ts';
import * as unlocks from './unlock.repo.ts';

export const UNLOCK_MINUTES = 60;
/** Unlock links per address and hour: enough to lose a mail, too few to flood someone's inbox. */
export const UNLOCK_MAILS_PER_HOUR = 3;

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserByEmail>>>;

export function canLogIn(user: UserRow | null): user is UserRow & { passwordHash: string } {
  return !!user?.passwordHash && user.status === 'active';
}

/**
 * Mails the owner of a locked address a one-time link that lifts the lock. Nothing is sent when no
 * account can log in with the address; the caller answers the same either way.
 */
export async function sendUnlockLink(deps: AuthDeps, user: UserRow | null, addressHash: string) {
  // Counted for every address, so an unknown one costs the same query as a known one.
  const recent = await unlocks.countRecentUnlocks(deps.db, addressHash);
  if (!canLogIn(user) || !user.email || recent >= UNLOCK_MAILS_PER_HOUR) return;
  const to = user.email;
  const token = newToken();
  await deps.db.transaction(async (tx) => {
    await unlocks.createUnlock(tx, {
      tokenHash: hashToken(token),
      addressHash,
      userId: user.id,
      expiresAt: new Date(Date.now() + UNLOCK_MINUTES * 60_000),
    });
    await recordAudit(tx, {
      actorId: null,
      action: 'user.unlock_link_sent',
      entityType: 'user',
      entityId: user.id,
    });
  });
  await deps.mailer.send(
    accountUnlockMail({
      to,
      name: user.name,
      link: `${deps.config.publicUrl}/las-upp-konto?token=${encodeURIComponent(token)}`,
      lang: user.preferredLanguage,
      minutes: UNLOCK_MINUTES,
    }),
  );
}

/** "Send unlock link" on the login page: same answer whether or not the address exists or is locked. */
export function requestUnlock(deps: AuthDeps, email: string) {
  return takingAtLeast(MAIL_REQUEST_MS, async () => {
    const addressHash = await throttle.addressHash(deps.db, email);
    const user = await repo.findUserByEmail(deps.db, email);
    if (!(await throttle.findLock(deps.db, addressHash))) return;
    await sendUnlockLink(deps, user, addressHash);
  });
}

/** Lifts the lock of the address the link was made for, once; the link cannot unlock any other. */
export async function confirmUnlock(deps: AuthDeps, token: string) {
  const invalid = () => new AppError(400, 'token_invalid');
  const hashAddress = await throttle.addressHasher(deps.db);
  await deps.db.transaction(async (tx) => {
    const unlock = await unlocks.consumeUnlock(tx, hashToken(token));
    if (!unlock) throw invalid();
    const user = await repo.findUserById(tx, unlock.userId);
    // The person's address may have changed since the link was sent: it then unlocks nothing.
    if (!user?.email || hashAddress(user.email) !== unlock.addressHash) throw invalid();
    await throttle.clearFailures(tx, unlock.addressHash);
    await unlocks.closeOpenUnlocks(tx, unlock.addressHash);
    await recordAudit(tx, {
      actorId: user.id,
      action: 'user.unlocked',
      entityType: 'user',
      entityId: user.id,
    });
  });
}
