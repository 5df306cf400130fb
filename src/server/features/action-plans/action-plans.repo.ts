import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { actionPlans } from '../../db/schema/index.ts';

export async function insertPlan(tx: Db, values: typeof actionPlans.$inferInsert): Promise<string> {
  const [row] = await tx.insert(actionPlans).values(values).returning({ id: actionPlans.id });
  return row!.id;
}

export async function updatePlan(tx: Db, id: string, values: Partial<typeof actionPlans.$inferInsert>) {
  await tx
    .update(actionPlans)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(actionPlans.id, id));
}

export async function findPlan(tx: Db, id: string) {
  const [row] = await tx.select().from(actionPlans).where(eq(actionPlans.id, id));
  return row ?? null;
}

/** A network of kind `steering_group` owned by `ownerId`, or null. */
export async function findSteeringGroup(db: Db, id: string, ownerId: string) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from networks where id = ${id} and kind = 'steering_group'
          and owner_organisation_id = ${ownerId}`,
  );
  return row ?? null;
}
