import { sql } from 'drizzle-orm';
import type { CaseFieldsParsed } from '../../../shared/contracts/cases.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { caseIndicators, cases, caseTechnologies } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';

/** The columns an author writes, as stored (and as the audit log compares them). */
export function columnsOf(f: CaseFieldsParsed) {
  return {
    title: f.title,
    summary: f.summary,
    context: f.context || null,
    sizeBand: f.sizeBand ?? null,
    serviceArea: f.serviceArea ?? null,
    phaseReached: f.phaseReached,
    whatWasDone: f.whatWasDone || null,
    results: f.results || null,
    lessons: f.lessons || null,
    costs: f.costs || null,
    costSek: f.costSek ?? null,
    initiativeId: f.initiativeId ?? null,
    contactName: f.contactName || null,
    contactTitle: f.contactTitle || null,
    contactEmail: f.contactEmail?.toLowerCase() || null,
    contactPhone: f.contactPhone || null,
    contactConsent: f.contactConsent,
  };
}
export type CaseColumns = ReturnType<typeof columnsOf>;

/** Technology ids by key; an unknown key is a 400 on the field. */
export async function technologyIds(db: Db, keys: readonly string[]): Promise<string[]> {
  const unique = [...new Set(keys)];
  const rows = await queryRows<{ id: string; key: string }>(
    db,
    sql`select id, key from technologies where key in (${sql.join(
      unique.map((k) => sql`${k}`),
      sql`, `,
    )})`,
  );
  const known = new Set(rows.map((r) => r.key));
  const missing = unique.find((k) => !known.has(k));
  if (missing)
    throw new AppError(400, 'unknown_technology', [
      { path: `body.technologyKeys.${keys.indexOf(missing)}`, code: 'unknown_technology' },
    ]);
  return rows.map((r) => r.id);
}

/**
 * An author links only results of initiatives its municipality owns or takes part in: the case
 * publishes them, so they must be the municipality's own to share.
 */
export async function checkLinks(
  db: Db,
  municipalityId: string,
  initiativeId: string | null,
  indicatorIds: readonly string[],
) {
  const ownInitiative = sql`(i.owner_organisation_id = ${municipalityId} or exists (
      select 1 from initiative_municipalities im where im.initiative_id = i.id and im.municipality_id = ${municipalityId}))`;
  if (initiativeId) {
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`select i.id from initiatives i where i.id = ${initiativeId} and ${ownInitiative}`,
    );
    if (!row)
      throw new AppError(400, 'validation_failed', [
        { path: 'body.initiativeId', code: 'unknown_initiative' },
      ]);
  }
  const unique = [...new Set(indicatorIds)];
  if (unique.length === 0) return unique;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select b.id from benefit_indicators b join initiatives i on i.id = b.initiative_id
        where b.id in (${sql.join(
          unique.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and ${ownInitiative}`,
  );
  const missing = unique.find((id) => !rows.some((r) => r.id === id));
  if (missing)
    throw new AppError(400, 'validation_failed', [
      { path: `body.indicatorIds.${indicatorIds.indexOf(missing)}`, code: 'unknown_indicator' },
    ]);
  return unique;
}

export async function insertCase(
  tx: Db,
  values: CaseColumns & { municipalityId: string; createdBy: string },
): Promise<string> {
  const [row] = await tx
    .insert(cases)
    .values({ ...values, updatedBy: values.createdBy })
    .returning({ id: cases.id });
  return row!.id;
}

/** Replaces the case's technologies and indicator links. */
export async function setLinks(tx: Db, caseId: string, techIds: string[], indicatorIds: string[]) {
  await tx.execute(sql`delete from case_technologies where case_id = ${caseId}`);
  await tx.execute(sql`delete from case_indicators where case_id = ${caseId}`);
  await tx.insert(caseTechnologies).values(techIds.map((technologyId) => ({ caseId, technologyId })));
  if (indicatorIds.length)
    await tx.insert(caseIndicators).values(indicatorIds.map((indicatorId) => ({ caseId, indicatorId })));
}

/** The stored author columns plus links, to compare before and after a change. */
export async function storedColumns(tx: Db, id: string) {
  const [row] = await tx.select().from(cases).where(sql`${cases.id} = ${id}`);
  const links = await queryRows<{ keys: string[] | null; indicators: string[] | null }>(
    tx,
    sql`select (select array_agg(t.key order by t.key) from case_technologies ct join technologies t on t.id = ct.technology_id
                where ct.case_id = ${id}) as keys,
               (select array_agg(ci.indicator_id::text order by ci.indicator_id) from case_indicators ci
                where ci.case_id = ${id}) as indicators`,
  );
  const r = row!;
  return {
    title: r.title,
    summary: r.summary,
    context: r.context,
    sizeBand: r.sizeBand,
    serviceArea: r.serviceArea,
    phaseReached: r.phaseReached,
    whatWasDone: r.whatWasDone,
    results: r.results,
    lessons: r.lessons,
    costs: r.costs,
    costSek: r.costSek,
    initiativeId: r.initiativeId,
    contactName: r.contactName,
    contactTitle: r.contactTitle,
    contactEmail: r.contactEmail,
    contactPhone: r.contactPhone,
    contactConsent: r.contactConsent,
    technologyKeys: links[0]?.keys ?? [],
    indicatorIds: links[0]?.indicators ?? [],
  };
}

export async function updateCaseColumns(tx: Db, id: string, values: Partial<typeof cases.$inferInsert>) {
  await tx
    .update(cases)
    .set({ ...values, updatedAt: new Date() })
    .where(sql`${cases.id} = ${id}`);
}
