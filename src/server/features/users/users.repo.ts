import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  auditLog,
  cases,
  invitations,
  memberships,
  passwordResets,
  sessions,
  users,
} from '../../db/schema/index.ts';

/**
 * Removes what identifies a person while keeping the row, so that references from other records (who
 * created what) stay valid but point at nobody in particular.
 */
export async function anonymiseUser(db: Db, userId: string) {
  const [person] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  // A person named as a case's contact (by their own e-mail address) is no longer shown or asked there.
  const contacts = person
    ? await db
        .update(cases)
        .set({
          contactName: null,
          contactTitle: null,
          contactEmail: null,
          contactPhone: null,
          contactConsent: false,
          updatedAt: sql`now()`,
        })
        .where(sql`lower(${cases.contactEmail}) = lower(${person.email})`)
        .returning({ id: cases.id })
    : [];
  const removed = await db
    .delete(memberships)
    .where(eq(memberships.userId, userId))
    .returning({ id: memberships.id });
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await db.delete(invitations).where(eq(invitations.userId, userId));
  await db.delete(passwordResets).where(eq(passwordResets.userId, userId));
  await db
    .update(users)
    .set({
      email: `erased-${userId}@invalid`,
      name: 'Borttagen person',
      gender: null,
      passwordHash: null,
      status: 'disabled',
      failedLogins: 0,
      lockedUntil: null,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, userId));
  // Earlier audit entries about the person carry their name and e-mail in before/after: drop those values.
  const scrubbed = await db
    .update(auditLog)
    .set({ before: null, after: null })
    .where(
      or(
        and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, userId)),
        sql`${auditLog.after}->>'userId' = ${userId}`,
        sql`${auditLog.before}->>'userId' = ${userId}`,
      ),
    )
    .returning({ id: auditLog.id });
  return {
    membershipsRemoved: removed.length,
    auditEntriesScrubbed: scrubbed.length,
    caseContactsRemoved: contacts.length,
  };
}
