import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Me, UpdateMe } from '../../../shared/contracts/auth.ts';
import type { CourseLanguageChoice } from '../../../shared/contracts/course-language.ts';
import type { Db } from '../../db/client.ts';
import { exportPersonalData } from '../../db/personal-data-run.ts';
import { users } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { RequestActor } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findUserById } from '../auth/auth.repo.ts';
import type { AuthDeps } from '../auth/auth.service.ts';
import { listSessions } from '../auth/auth.service.ts';
import { loadActorMemberships } from '../auth/session.repo.ts';

export async function getMe(db: Db, userId: string): Promise<Me> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError(401, 'unauthenticated');
  const memberships = await loadActorMemberships(db, userId);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    username: user.username,
    preferredLanguage: user.preferredLanguage,
    courseLanguage: user.courseLanguage,
    gender: user.gender,
    memberships,
  };
}

export async function updateMe(db: Db, actor: RequestActor, input: z.infer<typeof UpdateMe>): Promise<Me> {
  await db.transaction(async (tx) => {
    const before = await findUserById(tx, actor.userId);
    if (!before) throw new AppError(401, 'unauthenticated');
    await tx
      .update(users)
      .set({ ...input, updatedAt: sql`now()` })
      .where(eq(users.id, actor.userId));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'user.updated',
      entityType: 'user',
      entityId: actor.userId,
      before: { name: before.name, preferredLanguage: before.preferredLanguage, gender: before.gender },
      after: input,
    });
  });
  return getMe(db, actor.userId);
}

/** Remembers the language the person reads courses in, on the account (so every device follows it). */
export async function setCourseLanguage(
  db: Db,
  actor: RequestActor,
  language: string | null,
): Promise<CourseLanguageChoice> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ courseLanguage: language, updatedAt: sql`now()` })
      .where(eq(users.id, actor.userId));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'user.updated',
      entityType: 'user',
      entityId: actor.userId,
      before: { courseLanguage: actor.courseLanguage ?? null },
      after: { courseLanguage: language },
    });
  });
  return { language };
}

/** `/me` is on every page load: answer from what the session lookup already loaded, without more queries. */
export function meOfActor(actor: RequestActor): Me {
  return {
    id: actor.userId,
    name: actor.name,
    email: actor.email,
    username: actor.username,
    preferredLanguage: actor.preferredLanguage,
    courseLanguage: actor.courseLanguage ?? null,
    gender: actor.gender,
    memberships: actor.memberships,
  };
}

/**
 * Everything we hold about the person, for their right of access (GDPR art. 15): every entry of the
 * register of personal data, plus the account and sessions as the account page shows them.
 */
export async function exportMyData(deps: AuthDeps, actor: RequestActor) {
  const records = await exportPersonalData(deps.db, {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
  });
  const rowsOf = (key: string) => records.find((r) => r.key === key)?.rows ?? [];
  return {
    exportedAt: new Date().toISOString(),
    user: await getMe(deps.db, actor.userId),
    sessions: await listSessions(deps, actor),
    auditEntries: rowsOf('audit_log.actor').length,
    caseContacts: rowsOf('cases.contact').map((c) => ({
      caseId: c.id as string,
      caseTitle: c.title as string,
      name: c.contact_name as string | null,
      title: c.contact_title as string | null,
      phone: c.contact_phone as string | null,
      shownWithConsent: c.contact_consent as boolean,
    })),
    records,
  };
}
