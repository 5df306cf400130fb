import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  organisations,
  technologies,
  technologyAdoptionHistory,
  technologyAdoptions,
} from '../../db/schema/index.ts';

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

/** Status and use of every recorded municipality × technology among the given municipalities. */
export function adoptionsAmong(db: Db, municipalityIds: string[] | null) {
  if (municipalityIds?.length === 0) return Promise.resolve([]);
  const query = db
    .select({
      municipalityId: technologyAdoptions.municipalityId,
      technologyId: technologyAdoptions.technologyId,
      status: technologyAdoptions.status,
      usersServed: technologyAdoptions.usersServed,
      eligibleUsers: technologyAdoptions.eligibleUsers,
      updatedAt: technologyAdoptions.updatedAt,
    })
    .from(technologyAdoptions);
  // Null: the whole country, where a list of every municipality would only slow the query down.
  return municipalityIds ? query.where(inArray(technologyAdoptions.municipalityId, municipalityIds)) : query;
}

export async function findRegionByCounty(db: Db, countyCode: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'region'), eq(organisations.code, countyCode)));
  return row ?? null;
}

export async function findNation(db: Db) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'nation'));
  return row!;
}

export async function findAssociation(db: Db, id: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'association'), eq(organisations.id, id)));
  return row ?? null;
}

export async function findTechnology(db: Db, key: string) {
  const [row] = await db.select().from(technologies).where(eq(technologies.key, key));
  return row ?? null;
}

/** Inserts a catalogue entry after the others; null when the key is taken. */
export async function insertTechnology(db: Db, values: Omit<typeof technologies.$inferInsert, 'sortOrder'>) {
  const [row] = await db
    .insert(technologies)
    .values({ ...values, sortOrder: sql`(select coalesce(max(sort_order), 0) + 10 from technologies)` })
    .onConflictDoNothing({ target: technologies.key })
    .returning();
  return row ?? null;
}

export async function updateTechnology(
  db: Db,
  key: string,
  values: Partial<typeof technologies.$inferInsert>,
) {
  const [row] = await db
    .update(technologies)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(technologies.key, key))
    .returning();
  return row ?? null;
}
