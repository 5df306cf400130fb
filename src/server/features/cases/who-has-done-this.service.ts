import { sql } from 'drizzle-orm';
import type { WhoHasDoneThis, WhoMunicipality } from '../../../shared/contracts/cases.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { AdoptionStatus } from '../../../shared/contracts/mapping.ts';
import { SMALL_COUNT_THRESHOLD } from '../../../shared/contracts/open-data.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import type { RequestActor } from '../../plugins/session.ts';
import { distanceKm } from '../mapping/municipality-centroids.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The municipality to measure from: `?from=`, else the caller's own (directly or through a unit). */
async function origin(db: Db, actor: RequestActor, from: string | undefined) {
  if (from) {
    const [m] = await queryRows<{ code: string; name: string }>(
      db,
      sql`select code, name from organisations where kind = 'municipality' and code = ${from}`,
    );
    if (!m)
      throw new AppError(400, 'validation_failed', [
        { path: 'querystring.from', code: 'unknown_municipality' },
      ]);
    return m;
  }
  const own = actor.memberships.find((m) => m.organisationKind === 'municipality' && m.organisationCode);
  if (own) return { code: own.organisationCode!, name: own.organisationName };
  const unit = actor.memberships.find((m) => m.organisationKind === 'unit');
  if (!unit) return null;
  const [m] = await queryRows<{ code: string; name: string }>(
    db,
    sql`select m.code, m.name from organisations u join organisations m on m.id = u.parent_id
        where u.id = ${unit.organisationId} and m.kind = 'municipality'`,
  );
  return m ?? null;
}

/**
 * "Who has done this?" for one technology: municipalities that run it (mapping status in operation) or
 * have published a case about it, nearest first. Only published cases and only consenting contacts are
 * shown — to every signed-in user, whoever they are — so nothing here depends on the caller but the
 * starting point.
 */
export async function whoHasDoneThis(
  db: Db,
  actor: RequestActor,
  lang: UiLanguage,
  technology: string,
  from: string | undefined,
): Promise<WhoHasDoneThis> {
  const byId = UUID_RE.test(technology);
  const [tech] = await queryRows<{ id: string; key: string; name: string }>(
    db,
    sql`select id, key, ${lang === 'en' ? sql`name_en` : sql`name_sv`} as name from technologies
        where ${byId ? sql`id = ${technology}::uuid` : sql`key = ${technology}`}`,
  );
  if (!tech) throw notFound();
  const start = await origin(db, actor, from);
  const municipalities = await queryRows<{
    id: string;
    code: string;
    name: string;
    county_code: string;
    is_model: boolean;
    status: string | null;
    since: string | null;
    users_served: number | null;
  }>(
    db,
    sql`select m.id, m.code, m.name, m.county_code, ('model_municipality' = any(m.flags)) as is_model,
               a.status, a.since::text as since, a.users_served
        from organisations m
        left join technology_adoptions a on a.municipality_id = m.id and a.technology_id = ${tech.id}
        where m.kind = 'municipality'
          and (a.status = 'in_operation' or exists (
                select 1 from cases c join case_technologies ct on ct.case_id = c.id
                where c.municipality_id = m.id and ct.technology_id = ${tech.id} and c.status = 'published'))`,
  );
  const cases = await queryRows<{
    id: string;
    municipality_id: string;
    title: string;
    published_at: string | null;
    contact_name: string | null;
    contact_title: string | null;
    contact_email: string | null;
    contact_phone: string | null;
  }>(
    db,
    // Contact columns are read only when consent is given: the rule lives in the query itself.
    sql`select c.id, c.municipality_id, c.title,
               to_char(c.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as published_at,
               case when c.contact_consent then c.contact_name end as contact_name,
               case when c.contact_consent then c.contact_title end as contact_title,
               case when c.contact_consent then c.contact_email end as contact_email,
               case when c.contact_consent then c.contact_phone end as contact_phone
        from cases c join case_technologies ct on ct.case_id = c.id
        where ct.technology_id = ${tech.id} and c.status = 'published'
        order by c.published_at desc nulls last, c.id`,
  );
  const items: WhoMunicipality[] = municipalities.map((m) => {
    const own = cases.filter((c) => c.municipality_id === m.id);
    return {
      municipality: { id: m.id, code: m.code, name: m.name, countyCode: m.county_code, isModel: m.is_model },
      status: m.status as AdoptionStatus | null,
      since: m.since,
      // Every signed-in user reads this page, so a small count of people is withheld as in the open data.
      usersServed:
        m.users_served !== null && m.users_served > 0 && m.users_served < SMALL_COUNT_THRESHOLD
          ? null
          : m.users_served,
      distanceKm: start ? distanceKm(start.code, m.code) : null,
      cases: own.map((c) => ({ id: c.id, title: c.title, publishedAt: c.published_at })),
      contacts: own.flatMap((c) =>
        c.contact_name && c.contact_email
          ? [
              {
                caseId: c.id,
                name: c.contact_name,
                title: c.contact_title,
                email: c.contact_email,
                phone: c.contact_phone,
              },
            ]
          : [],
      ),
    };
  });
  items.sort(
    (a, b) =>
      (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
      Number(b.municipality.isModel) - Number(a.municipality.isModel) ||
      swedishCollator.compare(a.municipality.name, b.municipality.name),
  );
  return { technology: tech, from: start, items };
}
