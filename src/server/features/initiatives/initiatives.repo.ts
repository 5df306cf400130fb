import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import {
  benefitIndicators,
  benefitMeasurements,
  governingDocuments,
  initiativeFunding,
  initiativeHistory,
  initiativeMilestones,
  initiativeMunicipalities,
  initiativeRisks,
  initiativeSupportNeeds,
  initiatives,
  initiativeTechnologies,
  technologies,
  technologyAdoptions,
  users,
} from '../../db/schema/index.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';

export interface NewInitiative {
  title: string;
  purpose?: string | null;
  ownerOrganisationId: string;
  status: string;
  phase: string;
  startsOn?: string | null;
  endsOn?: string | null;
  budgetSek?: number | null;
  createdBy: string | null;
  municipalityIds?: readonly string[];
  technologyIds?: readonly string[];
  supportNeeds?: readonly string[];
}

/**
 * Inserts an initiative with its first history row and its participants, technologies and support
 * needs. Callers authorise and validate first, and run this inside their transaction.
 */
export async function insertInitiative(tx: Db, input: NewInitiative): Promise<string> {
  const [row] = await tx
    .insert(initiatives)
    .values({
      title: input.title,
      purpose: input.purpose ?? null,
      ownerOrganisationId: input.ownerOrganisationId,
      status: input.status,
      phase: input.phase,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      budgetSek: input.budgetSek ?? null,
      createdBy: input.createdBy,
    })
    .returning({ id: initiatives.id });
  const id = row!.id;
  await tx.insert(initiativeHistory).values({
    initiativeId: id,
    title: input.title,
    status: input.status,
    phase: input.phase,
    changedBy: input.createdBy,
  });
  if (input.municipalityIds?.length)
    await tx
      .insert(initiativeMunicipalities)
      .values(input.municipalityIds.map((municipalityId) => ({ initiativeId: id, municipalityId })));
  if (input.technologyIds?.length)
    await tx
      .insert(initiativeTechnologies)
      .values(input.technologyIds.map((technologyId) => ({ initiativeId: id, technologyId })));
  if (input.supportNeeds?.length)
    await tx
      .insert(initiativeSupportNeeds)
      .values(input.supportNeeds.map((needKey) => ({ initiativeId: id, needKey })));
  return id;
}

/**
 * Records what a plan shows of the initiative (title, status, phase) from now on, ending the current
 * history row; a no-op when nothing of that changed.
 */
export async function recordInitiativeHistory(
  tx: Db,
  initiativeId: string,
  now: { title: string; status: string; phase: string },
  changedBy: string | null,
) {
  const current = eq(initiativeHistory.initiativeId, initiativeId);
  const [last] = await tx
    .select()
    .from(initiativeHistory)
    .where(and(current, isNull(initiativeHistory.validTo)));
  if (last && last.title === now.title && last.status === now.status && last.phase === now.phase) return;
  const at = new Date();
  if (last) await tx.update(initiativeHistory).set({ validTo: at }).where(eq(initiativeHistory.id, last.id));
  await tx.insert(initiativeHistory).values({ initiativeId, ...now, validFrom: at, changedBy });
}

// --- Reading ------------------------------------------------------------------------------------------

export interface InitiativeRow {
  id: string;
  title: string;
  purpose: string | null;
  status: string;
  phase: string;
  owner_id: string;
  owner_name: string;
  owner_kind: string;
  responsible_user_id: string | null;
  responsible_name: string | null;
  starts_on: string | null;
  ends_on: string | null;
  budget_sek: number | string | null;
  created_at: string | Date;
  updated_at: string | Date;
  /** updated_at to the microsecond, for the list cursor. */
  updated_key: string;
}

const initiativeColumns = sql`i.id, i.title, i.purpose, i.status, i.phase, i.owner_organisation_id as owner_id,
  o.name as owner_name, o.kind as owner_kind, i.responsible_user_id, i.responsible_name,
  to_char(i.starts_on, 'YYYY-MM-DD') as starts_on, to_char(i.ends_on, 'YYYY-MM-DD') as ends_on,
  i.budget_sek, i.created_at, i.updated_at,
  to_char(i.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as updated_key`;

export async function findInitiative(db: Db, id: string): Promise<InitiativeRow | null> {
  const [row] = await queryRows<InitiativeRow>(
    db,
    sql`select ${initiativeColumns} from initiatives i join organisations o on o.id = i.owner_organisation_id
        where i.id = ${id}`,
  );
  return row ?? null;
}

export interface ListFilter {
  /** null: every initiative (national administrators). */
  readOrgIds: string[] | null;
  plan?: string | undefined;
  owner?: string | undefined;
  status?: string | undefined;
  phase?: string | undefined;
  municipality?: string | undefined;
  technology?: string | undefined;
  q?: string | undefined;
  after: { updatedKey: string; id: string } | null;
  limit: number;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The initiatives the caller may read, newest change first. Visibility is decided in SQL: the owner or
 * a participating municipality lies within an organisation the caller's `initiative.read` roles cover
 * (the organisation itself, everything below it, an association's member municipalities and below).
 */
export function listInitiatives(db: Db, f: ListFilter) {
  const scope =
    f.readOrgIds === null
      ? sql``
      : sql`and (i.owner_organisation_id in (select id from covered)
               or exists (select 1 from initiative_municipalities im
                          where im.initiative_id = i.id and im.municipality_id in (select id from covered)))`;
  const withScope =
    f.readOrgIds === null
      ? sql``
      : sql`with recursive roots as (
              select id from organisations where id = any(${uuidArray(f.readOrgIds)})
              union select am.municipality_id from association_members am
                    where am.association_id = any(${uuidArray(f.readOrgIds)})
            ), covered as (
              select id from roots
              union select o.id from organisations o join covered c on o.parent_id = c.id
            )`;
  return queryRows<InitiativeRow>(
    db,
    sql`${withScope}
        select ${initiativeColumns}
        from initiatives i join organisations o on o.id = i.owner_organisation_id
        where true ${scope}
        ${f.plan ? sql`and exists (select 1 from action_plan_items api where api.initiative_id = i.id and api.plan_id = ${f.plan} and api.valid_to is null)` : sql``}
        ${f.owner ? sql`and i.owner_organisation_id = ${f.owner}` : sql``}
        ${f.status ? sql`and i.status = ${f.status}` : sql``}
        ${f.phase ? sql`and i.phase = ${f.phase}` : sql``}
        ${f.municipality ? sql`and exists (select 1 from initiative_municipalities im2 join organisations m on m.id = im2.municipality_id where im2.initiative_id = i.id and m.kind = 'municipality' and m.code = ${f.municipality})` : sql``}
        ${f.technology ? sql`and exists (select 1 from initiative_technologies it join technologies t on t.id = it.technology_id where it.initiative_id = i.id and t.key = ${f.technology})` : sql``}
        ${f.q ? sql`and i.title ilike ${likePattern(f.q)}` : sql``}
        ${f.after ? sql`and (i.updated_at, i.id) < (${f.after.updatedKey}::timestamptz, ${f.after.id}::uuid)` : sql``}
        order by i.updated_at desc, i.id desc
        limit ${f.limit + 1}`,
  );
}

export function municipalitiesOf(db: Db, ids: string[]) {
  return queryRows<{ initiative_id: string; id: string; code: string; name: string }>(
    db,
    sql`select im.initiative_id, m.id, m.code, m.name from initiative_municipalities im
        join organisations m on m.id = im.municipality_id where im.initiative_id = any(${uuidArray(ids)})`,
  );
}

export function technologiesOf(db: Db, ids: string[]) {
  return queryRows<{
    initiative_id: string;
    key: string;
    name_sv: string;
    name_en: string;
    sort_order: number;
  }>(
    db,
    sql`select it.initiative_id, t.key, t.name_sv, t.name_en, t.sort_order from initiative_technologies it
        join technologies t on t.id = it.technology_id where it.initiative_id = any(${uuidArray(ids)})
        order by t.sort_order, t.key`,
  );
}

export function nextMilestones(db: Db, ids: string[]) {
  return queryRows<{ initiative_id: string; title: string; due_on: string }>(
    db,
    sql`select distinct on (initiative_id) initiative_id, title, to_char(due_on, 'YYYY-MM-DD') as due_on
        from initiative_milestones where initiative_id = any(${uuidArray(ids)}) and done_on is null
        order by initiative_id, due_on, created_at`,
  );
}

export async function supportNeedsOf(db: Db, id: string) {
  const rows = await db
    .select({ key: initiativeSupportNeeds.needKey })
    .from(initiativeSupportNeeds)
    .where(eq(initiativeSupportNeeds.initiativeId, id));
  return rows.map((r) => r.key);
}

export function assessmentLinksOf(db: Db, id: string) {
  return queryRows<{
    round_id: string;
    round_name: string;
    municipality_code: string | null;
    municipality_name: string | null;
    area_key: string | null;
    question_key: string | null;
  }>(
    db,
    sql`select l.round_id, r.name as round_name, m.code as municipality_code, m.name as municipality_name,
               l.area_key, l.question_key
        from initiative_assessment_links l
        join assessment_rounds r on r.id = l.round_id
        left join organisations m on m.id = l.municipality_id
        where l.initiative_id = ${id} order by l.created_at`,
  );
}

export async function needOf(db: Db, id: string) {
  const [row] = await queryRows<{ id: string; title: string }>(
    db,
    sql`select id, title from needs where initiative_id = ${id} order by created_at limit 1`,
  );
  return row ?? null;
}

export function plansOf(db: Db, id: string) {
  return queryRows<{ id: string; title: string; priority: number }>(
    db,
    sql`select p.id, p.title, api.priority from action_plan_items api join action_plans p on p.id = api.plan_id
        where api.initiative_id = ${id} and api.valid_to is null order by p.title`,
  );
}

export function checklistOf(db: Db, id: string) {
  return queryRows<{
    phase: string;
    item_key: string;
    done: boolean;
    note: string | null;
    updated_at: string | Date;
    updated_by: string | null;
  }>(
    db,
    sql`select c.phase, c.item_key, c.done, c.note, c.updated_at, u.name as updated_by
        from initiative_checklist_items c left join users u on u.id = c.updated_by
        where c.initiative_id = ${id}`,
  );
}

export function milestonesOf(db: Db, id: string) {
  return db
    .select({
      id: initiativeMilestones.id,
      title: initiativeMilestones.title,
      dueOn: initiativeMilestones.dueOn,
      doneOn: initiativeMilestones.doneOn,
    })
    .from(initiativeMilestones)
    .where(eq(initiativeMilestones.initiativeId, id))
    .orderBy(asc(initiativeMilestones.dueOn), asc(initiativeMilestones.createdAt));
}

export function risksOf(db: Db, id: string) {
  return db
    .select()
    .from(initiativeRisks)
    .where(eq(initiativeRisks.initiativeId, id))
    .orderBy(asc(initiativeRisks.createdAt));
}

export function documentLinksOf(db: Db, id: string) {
  return queryRows<{
    id: string;
    title: string;
    url: string | null;
    document_id: string | null;
    document_title: string | null;
  }>(
    db,
    sql`select l.id, l.title, l.url, l.document_id, d.title as document_title
        from initiative_links l left join governing_documents d on d.id = l.document_id
        where l.initiative_id = ${id} order by l.created_at`,
  );
}

export function fundingOf(db: Db, id: string) {
  return db
    .select()
    .from(initiativeFunding)
    .where(eq(initiativeFunding.initiativeId, id))
    .orderBy(asc(initiativeFunding.year), asc(initiativeFunding.source), asc(initiativeFunding.createdAt));
}

export function indicatorsOf(db: Db, initiativeId: string) {
  return db
    .select()
    .from(benefitIndicators)
    .where(eq(benefitIndicators.initiativeId, initiativeId))
    .orderBy(asc(benefitIndicators.createdAt));
}

export function measurementsOf(db: Db, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(benefitMeasurements)
    .where(inArray(benefitMeasurements.indicatorId, indicatorIds))
    .orderBy(asc(benefitMeasurements.measuredOn), asc(benefitMeasurements.createdAt));
}

export async function findIndicator(db: Db, id: string) {
  const [row] = await db.select().from(benefitIndicators).where(eq(benefitIndicators.id, id));
  return row ?? null;
}

// --- Validation look-ups ------------------------------------------------------------------------------

export function technologiesByKeys(db: Db, keys: string[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .select({ id: technologies.id, key: technologies.key })
    .from(technologies)
    .where(inArray(technologies.key, keys));
}

export async function documentExists(db: Db, id: string) {
  const [row] = await db
    .select({ id: governingDocuments.id })
    .from(governingDocuments)
    .where(eq(governingDocuments.id, id));
  return row !== undefined;
}

export async function userExists(db: Db, id: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, id));
  return row !== undefined;
}

/** Share (%) of a programme's enrolled people who have completed, as the programme report counts them. */
export async function programmeCompletion(db: Db, programmeId: string) {
  const [row] = await queryRows<{ enrolled: number; completed: number }>(
    db,
    sql`select count(distinct user_id)::int as enrolled,
               count(distinct user_id) filter (where completed_at is not null)::int as completed
        from enrolments where programme_id = ${programmeId}`,
  );
  return row ?? { enrolled: 0, completed: 0 };
}

export async function usersServed(db: Db, municipalityId: string, technologyId: string) {
  const [row] = await db
    .select({ usersServed: technologyAdoptions.usersServed })
    .from(technologyAdoptions)
    .where(
      and(
        eq(technologyAdoptions.municipalityId, municipalityId),
        eq(technologyAdoptions.technologyId, technologyId),
      ),
    );
  return row ?? null;
}

// --- Writing ------------------------------------------------------------------------------------------

export async function touchInitiative(tx: Db, id: string) {
  await tx.update(initiatives).set({ updatedAt: new Date() }).where(eq(initiatives.id, id));
}

export async function replaceMunicipalities(tx: Db, id: string, municipalityIds: string[]) {
  await tx.delete(initiativeMunicipalities).where(eq(initiativeMunicipalities.initiativeId, id));
  if (municipalityIds.length)
    await tx
      .insert(initiativeMunicipalities)
      .values(municipalityIds.map((municipalityId) => ({ initiativeId: id, municipalityId })));
}

export async function replaceTechnologies(tx: Db, id: string, technologyIds: string[]) {
  await tx.delete(initiativeTechnologies).where(eq(initiativeTechnologies.initiativeId, id));
  if (technologyIds.length)
    await tx
      .insert(initiativeTechnologies)
      .values(technologyIds.map((technologyId) => ({ initiativeId: id, technologyId })));
}

export async function replaceSupportNeeds(tx: Db, id: string, keys: string[]) {
  await tx.delete(initiativeSupportNeeds).where(eq(initiativeSupportNeeds.initiativeId, id));
  if (keys.length)
    await tx.insert(initiativeSupportNeeds).values(keys.map((needKey) => ({ initiativeId: id, needKey })));
}
