import { and, eq } from 'drizzle-orm';
import { Email, PersonName } from '../../shared/contracts/people.ts';
import { problemMessages } from '../../shared/i18n/errors.ts';
import type { Db } from '../db/client.ts';
import { memberships, organisations, users } from '../db/schema/index.ts';
import { recordAudit } from '../features/audit/audit.repo.ts';
import { hashPassword, passwordProblem } from '../lib/passwords.ts';

/** Creates the first national administrator (or promotes an existing user), for a database without demo data. */
export async function createAdmin(db: Db, input: { email: string; name: string; password: string }) {
  const email = Email.parse(input.email);
  const name = PersonName.parse(input.name);
  const problem = passwordProblem(input.password, email);
  if (problem) throw new Error(problemMessages[problem].en);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [nation] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.kind, 'nation'));
    if (!nation) throw new Error('Reference data is missing: the nation was not loaded.');
    const [existing] = await tx.select().from(users).where(eq(users.email, email));
    let userId: string;
    if (existing) {
      userId = existing.id;
      await tx.update(users).set({ name, passwordHash, status: 'active' }).where(eq(users.id, userId));
    } else {
      const [row] = await tx
        .insert(users)
        .values({ email, name, passwordHash, status: 'active' })
        .returning({ id: users.id });
      userId = row!.id;
    }
    const [has] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, userId),
          eq(memberships.organisationId, nation.id),
          eq(memberships.role, 'national_admin'),
        ),
      );
    if (!has)
      await tx.insert(memberships).values({ userId, organisationId: nation.id, role: 'national_admin' });
    await recordAudit(tx, {
      actorId: null,
      action: 'user.admin_created_by_cli',
      entityType: 'user',
      entityId: userId,
      organisationId: nation.id,
      after: { email, name, role: 'national_admin' },
    });
    return { created: !existing, email };
  });
}
