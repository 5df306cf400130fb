import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  benefitIndicators,
  caseIndicators,
  cases,
  caseTechnologies,
  initiatives,
  organisations,
  technologies,
  technologyAdoptionHistory,
  technologyAdoptions,
  users,
} from '../schema/index.ts';
import { type DemoCase, demoCases } from './cases-demo-data.ts';
import { DEMO_DOMAIN } from './demo-people.ts';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/** Loads the demo cases (see cases-demo-data.ts) with their technologies, indicator links and mapping records. */
export async function loadCasesDemo(db: Db): Promise<void> {
  const codes = [...new Set(demoCases.map((c) => c.code))];
  const munis = await db
    .select({ id: organisations.id, code: organisations.code })
    .from(organisations)
    .where(and(eq(organisations.kind, 'municipality'), inArray(organisations.code, codes)));
  const municipality = new Map(munis.map((m) => [m.code, m.id]));
  const techs = await db.select({ id: technologies.id, key: technologies.key }).from(technologies);
  const technology = new Map(techs.map((t) => [t.key, t.id]));
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, `admin@${DEMO_DOMAIN}`));

  await db.transaction(async (tx) => {
    for (const d of demoCases) {
      const municipalityId = municipality.get(d.code);
      if (!municipalityId) throw new Error(`Reference data missing municipality ${d.code}`);
      let initiativeId: string | null = null;
      let indicatorIds: string[] = [];
      if (d.initiative) {
        const [initiative] = await tx
          .select({ id: initiatives.id })
          .from(initiatives)
          .where(eq(initiatives.title, d.initiative.title));
        initiativeId = initiative?.id ?? null;
        if (initiativeId)
          indicatorIds = (
            await tx
              .select({ id: benefitIndicators.id })
              .from(benefitIndicators)
              .where(
                and(
                  eq(benefitIndicators.initiativeId, initiativeId),
                  inArray(benefitIndicators.name, d.initiative.indicators),
                ),
              )
          ).map((r) => r.id);
      }
      const published = d.status === 'published' ? daysAgo(d.publishedDaysAgo ?? 30) : null;
      const [row] = await tx
        .insert(cases)
        .values({
          municipalityId,
          title: d.title,
          summary: d.summary,
          context: d.context,
          sizeBand: d.sizeBand,
          serviceArea: d.serviceArea,
          phaseReached: d.phaseReached,
          whatWasDone: d.whatWasDone || null,
          results: d.results || null,
          lessons: d.lessons || null,
          costs: d.costs || null,
          costSek: d.costSek,
          initiativeId,
          contactName: d.contact?.name ?? null,
          contactTitle: d.contact?.title ?? null,
          contactEmail: d.contact ? `${d.contact.local}@${DEMO_DOMAIN}` : null,
          contactPhone: d.contact?.phone ?? null,
          contactConsent: d.contact?.consent ?? false,
          status: d.status,
          publishedAt: published,
          reviewedBy: published ? (admin?.id ?? null) : null,
          isDemo: true,
          createdAt: published ? daysAgo((d.publishedDaysAgo ?? 30) + 14) : daysAgo(3),
          updatedAt: published ?? daysAgo(2),
        })
        .returning({ id: cases.id });
      const caseId = row!.id;
      await tx.insert(caseTechnologies).values(
        d.technologies.map((key) => {
          const id = technology.get(key);
          if (!id) throw new Error(`Unknown technology ${key}`);
          return { caseId, technologyId: id };
        }),
      );
      if (indicatorIds.length)
        await tx.insert(caseIndicators).values(indicatorIds.map((indicatorId) => ({ caseId, indicatorId })));
      if (d.inOperationSince) await inOperation(tx, municipalityId, d, technology);
    }
  });
}

/** The mapping knows what the cases tell: the technologies run there (where no record exists yet). */
async function inOperation(tx: Db, municipalityId: string, d: DemoCase, technology: Map<string, string>) {
  for (const key of d.technologies) {
    const values = {
      municipalityId,
      technologyId: technology.get(key)!,
      status: 'in_operation',
      since: d.inOperationSince!,
      scope: 'Demoexempel',
      usersServed: key === d.technologies[0] ? (d.usersServed ?? null) : null,
      updatedAt: daysAgo(30),
    };
    const added = await tx.insert(technologyAdoptions).values(values).onConflictDoNothing().returning({
      technologyId: technologyAdoptions.technologyId,
    });
    if (added.length === 0) continue;
    await tx.insert(technologyAdoptionHistory).values({
      municipalityId,
      technologyId: values.technologyId,
      changedAt: values.updatedAt,
      before: null,
      after: {
        status: values.status,
        since: values.since,
        scope: values.scope,
        usersServed: values.usersServed,
        eligibleUsers: null,
        contactName: null,
        contactEmail: null,
        comment: null,
        evidenceUrl: null,
      },
    });
  }
}
