import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { technologies, technologyAdoptionHistory, technologyAdoptions } from '../../db/schema/index.ts';

export type TechnologyRow = typeof technologies.$inferSelect;
export type AdoptionRow = typeof technologyAdoptions.$inferSelect;

export function listTechnologies(db: Db): Promise<TechnologyRow[]> {
  return db.select().from(technologies).orderBy(asc(technologies.sortOrder), asc(technologies.key));
}

export function adoptionsOf(db: Db, municipalityId: string): Promise<AdoptionRow[]> {
  return db.select().from(technologyAdoptions).where(eq(technologyAdoptions.municipalityId, municipalityId));
}

export async function findAdoption(db: Db, municipalityId: string, technologyId: string) {
  const [row] = await db
    .select()
    .from(technologyAdoptions)
    .where(
      and(
        eq(technologyAdoptions.municipalityId, municipalityId),
        eq(technologyAdoptions.technologyId, technologyId),
      ),
    )
    .for('update');
  return row ?? null;
}

export async function saveAdoption(db: Db, row: typeof technologyAdoptions.$inferInsert) {
  const { municipalityId, technologyId, ...rest } = row;
  await db
    .insert(technologyAdoptions)
    .values(row)
    .onConflictDoUpdate({
      target: [technologyAdoptions.municipalityId, technologyAdoptions.technologyId],
      set: rest,
    });
}

export async function recordHistory(db: Db, entry: typeof technologyAdoptionHistory.$inferInsert) {
  await db.insert(technologyAdoptionHistory).values(entry);
}
