import { asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assessmentTemplates, assessmentTemplateVersions, organisations } from '../../db/schema/index.ts';

export type TemplateRow = typeof assessmentTemplates.$inferSelect & { ownerName: string; ownerKind: string };
export type VersionRow = typeof assessmentTemplateVersions.$inferSelect;

const templateColumns = {
  id: assessmentTemplates.id,
  key: assessmentTemplates.key,
  ownerOrganisationId: assessmentTemplates.ownerOrganisationId,
  draft: assessmentTemplates.draft,
  createdBy: assessmentTemplates.createdBy,
  createdAt: assessmentTemplates.createdAt,
  updatedAt: assessmentTemplates.updatedAt,
  ownerName: organisations.name,
  ownerKind: organisations.kind,
};

/** Templates owned by the nation or by one of `ownerIds` (all of them when `ownerIds` is null). */
export async function listTemplates(db: Db, ownerIds: string[] | null): Promise<TemplateRow[]> {
  return db
    .select(templateColumns)
    .from(assessmentTemplates)
    .innerJoin(organisations, eq(organisations.id, assessmentTemplates.ownerOrganisationId))
    .where(
      ownerIds === null
        ? undefined
        : or(
            eq(organisations.kind, 'nation'),
            ownerIds.length ? inArray(assessmentTemplates.ownerOrganisationId, ownerIds) : undefined,
          ),
    )
    .orderBy(asc(assessmentTemplates.key));
}

export async function findTemplate(db: Db, id: string): Promise<TemplateRow | undefined> {
  const [row] = await db
    .select(templateColumns)
    .from(assessmentTemplates)
    .innerJoin(organisations, eq(organisations.id, assessmentTemplates.ownerOrganisationId))
    .where(eq(assessmentTemplates.id, id));
  return row;
}

export async function findTemplateByKey(db: Db, key: string) {
  const [row] = await db.select().from(assessmentTemplates).where(eq(assessmentTemplates.key, key));
  return row;
}

export async function versionsOf(db: Db, templateIds: string[]): Promise<VersionRow[]> {
  if (!templateIds.length) return [];
  return db
    .select()
    .from(assessmentTemplateVersions)
    .where(inArray(assessmentTemplateVersions.templateId, templateIds))
    .orderBy(asc(assessmentTemplateVersions.version));
}

export async function latestVersion(db: Db, templateId: string): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(assessmentTemplateVersions)
    .where(eq(assessmentTemplateVersions.templateId, templateId))
    .orderBy(desc(assessmentTemplateVersions.version))
    .limit(1);
  return row;
}

export async function findVersion(db: Db, id: string) {
  const [row] = await db
    .select({ version: assessmentTemplateVersions, template: assessmentTemplates })
    .from(assessmentTemplateVersions)
    .innerJoin(assessmentTemplates, eq(assessmentTemplates.id, assessmentTemplateVersions.templateId))
    .where(eq(assessmentTemplateVersions.id, id));
  return row;
}

export async function insertTemplate(db: Db, values: typeof assessmentTemplates.$inferInsert) {
  const [row] = await db.insert(assessmentTemplates).values(values).returning();
  return row!;
}

export async function insertVersion(db: Db, values: typeof assessmentTemplateVersions.$inferInsert) {
  const [row] = await db.insert(assessmentTemplateVersions).values(values).returning();
  return row!;
}

export async function saveDraft(db: Db, templateId: string, draft: unknown) {
  await db
    .update(assessmentTemplates)
    .set({ draft, updatedAt: new Date() })
    .where(eq(assessmentTemplates.id, templateId));
}

export async function clearDraft(db: Db, templateId: string) {
  await db
    .update(assessmentTemplates)
    .set({ draft: null, updatedAt: new Date() })
    .where(eq(assessmentTemplates.id, templateId));
}
