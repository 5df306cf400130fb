import { type Actor, authorize } from '../../../shared/access/index.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findUserById } from '../auth/auth.repo.ts';
import { anonymiseUser } from './users.repo.ts';

/** The right to erasure (GDPR art. 17), carried out by a national administrator on request. */
export async function eraseUser(db: Db, actor: Actor, userId: string) {
  if (!authorize(actor, 'users.erase', null)) throw forbidden();
  if (userId === actor.userId) throw new AppError(409, 'conflict');
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user || (user.status === 'disabled' && user.email?.endsWith('@invalid'))) throw notFound();
    const result = await anonymiseUser(tx, { id: userId, email: user.email, name: user.name });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'user.erased',
      entityType: 'user',
      entityId: userId,
      after: { membershipsRemoved: result.membershipsRemoved, changes: result.changes },
    });
    return { id: userId, erased: true as const, ...result };
  });
}
