import { and, asc, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  assessmentAnswers,
  assessmentRounds,
  assessmentSheets,
  assessmentTemplates,
  assessmentTemplateVersions,
  organisations,
} from '../../db/schema/index.ts';

const roundColumns = {
  round: assessmentRounds,
  ownerName: organisations.name,
  ownerKind: organisations.kind,
  version: assessmentTemplateVersions.version,
  content: assessmentTemplateVersions.content,
  templateId: assessmentTemplates.id,
  templateKey: assessmentTemplates.key,
};

const roundQuery = (db: Db) =>
  db
    .select(roundColumns)
    .from(assessmentRounds)
    .innerJoin(organisations, eq(organisations.id, assessmentRounds.ownerOrganisationId))
    .innerJoin(
      assessmentTemplateVersions,
      eq(assessmentTemplateVersions.id, assessmentRounds.templateVersionId),
    )
    .innerJoin(assessmentTemplates, eq(assessmentTemplates.id, assessmentTemplateVersions.templateId));

export type RoundRow = Awaited<ReturnType<typeof findRound>> & {};

export async function findRound(db: Db, id: string) {
  const [row] = await roundQuery(db).where(eq(assessmentRounds.id, id));
  return row;
}

/**
 * Rounds owned by one of `ownerIds` or taking in one of `municipalityIds`; every round when both are null
 * (national administrators).
 */
export async function listRounds(db: Db, ownerIds: string[] | null, municipalityIds: string[]) {
  const participating = municipalityIds.length
    ? db
        .select({ id: assessmentSheets.roundId })
        .from(assessmentSheets)
        .where(inArray(assessmentSheets.municipalityId, municipalityIds))
    : null;
  return roundQuery(db)
    .where(
      ownerIds === null
        ? undefined
        : or(
            ownerIds.length ? inArray(assessmentRounds.ownerOrganisationId, ownerIds) : undefined,
            participating ? inArray(assessmentRounds.id, participating) : undefined,
          ),
    )
    .orderBy(desc(assessmentRounds.opensOn), asc(assessmentRounds.name));
}

export async function insertRound(db: Db, values: typeof assessmentRounds.$inferInsert) {
  const [row] = await db.insert(assessmentRounds).values(values).returning();
  return row!;
}

export async function insertSheets(db: Db, roundId: string, municipalityIds: string[]) {
  await db
    .insert(assessmentSheets)
    .values(municipalityIds.map((municipalityId) => ({ roundId, municipalityId })));
}

/** Every sheet of the given rounds with its municipality's code and name. */
export async function sheetsOf(db: Db, roundIds: string[]) {
  if (!roundIds.length) return [];
  return db
    .select({
      sheet: assessmentSheets,
      code: organisations.code,
      name: organisations.name,
    })
    .from(assessmentSheets)
    .innerJoin(organisations, eq(organisations.id, assessmentSheets.municipalityId))
    .where(inArray(assessmentSheets.roundId, roundIds))
    .orderBy(asc(organisations.name));
}

/** Keys of answered questions (value set) per sheet of a round. */
export async function answeredKeys(db: Db, roundId: string, municipalityIds?: string[]) {
  const rows = await db
    .select({ municipalityId: assessmentAnswers.municipalityId, key: assessmentAnswers.questionKey })
    .from(assessmentAnswers)
    .where(
      and(
        eq(assessmentAnswers.roundId, roundId),
        isNotNull(assessmentAnswers.value),
        municipalityIds ? inArray(assessmentAnswers.municipalityId, municipalityIds) : undefined,
      ),
    );
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.municipalityId) ?? new Set<string>();
    set.add(r.key);
    out.set(r.municipalityId, set);
  }
  return out;
}

export async function findSheet(db: Db, roundId: string, municipalityId: string, lock = false) {
  const q = db
    .select()
    .from(assessmentSheets)
    .where(and(eq(assessmentSheets.roundId, roundId), eq(assessmentSheets.municipalityId, municipalityId)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function updateSheet(
  db: Db,
  roundId: string,
  municipalityId: string,
  values: Partial<typeof assessmentSheets.$inferInsert>,
) {
  await db
    .update(assessmentSheets)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(assessmentSheets.roundId, roundId), eq(assessmentSheets.municipalityId, municipalityId)));
}
