import { sql } from 'drizzle-orm';
import { largestRemainder } from '../../features/funding-calls/allocation-key.ts';
import { swedishToday } from '../../features/funding-calls/funding-risk.ts';
import { type Db, queryRows } from '../client.ts';
import { DEMO_DOMAIN } from './demo-people.ts';

/**
 * Residents aged 80+ in Dalarna's municipalities. The reference data has no population, so these are
 * INVENTED round figures of a plausible size, not statistics.
 */
export const DALARNA_80_PLUS: Record<string, number> = {
  '2021': 700,
  '2023': 1100,
  '2026': 1000,
  '2029': 1700,
  '2031': 1400,
  '2034': 800,
  '2039': 800,
  '2061': 1100,
  '2062': 2300,
  '2080': 4300,
  '2081': 3900,
  '2082': 1100,
  '2083': 1700,
  '2084': 2100,
  '2085': 2600,
};

/** An invented key value for any other municipality: stable per code, between 400 and 9,400. */
export const invented80Plus = (code: string) => DALARNA_80_PLUS[code] ?? 400 + ((Number(code) * 7919) % 9000);

const addDays = (day: string, days: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function insertCall(
  db: Db,
  c: {
    title: string;
    description: string;
    ownerId: string;
    year: number;
    totalSek: number;
    key: string;
    requisition: string;
    reporting: string;
    status: string;
    createdBy: string | null;
  },
) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into funding_calls (title, description, owner_organisation_id, scope_organisation_id, year, total_sek,
          allocation_key, requisition_deadline, reporting_deadline, status, created_by)
        values (${c.title}, ${c.description}, ${c.ownerId}, ${c.ownerId}, ${c.year}, ${c.totalSek}, ${c.key},
          ${c.requisition}, ${c.reporting}, ${c.status}, ${c.createdBy})
        returning id`,
  );
  return row!.id;
}

/** Allocations by the key, shared by the largest remainder so that they sum to the total. */
async function allocate(
  db: Db,
  callId: string,
  totalSek: number,
  municipalities: { id: string; code: string }[],
) {
  const keys = municipalities.map((m) => invented80Plus(m.code));
  const shares = largestRemainder(totalSek, keys);
  const values = municipalities.map(
    (m, i) => sql`(${callId}::uuid, ${m.id}::uuid, ${keys[i]!}, ${shares[i]!})`,
  );
  await queryRows(
    db,
    sql`insert into funding_allocations (call_id, municipality_id, key_value, allocated_sek) values ${sql.join(values, sql`, `)}`,
  );
  return new Map(municipalities.map((m, i) => [m.code, shares[i]!]));
}

/**
 * A national call for 2026 distributed by the population aged 80+ (open; Falun has requisitioned part
 * of its share and linked its night-supervision initiative's funding row), and Region Dalarna's own
 * call for last year, past its requisition deadline, in which Ludvika requisitioned nothing: at risk of
 * losing its share.
 */
export async function loadFundingCallsDemo(db: Db): Promise<void> {
  const [nation] = await queryRows<{ id: string }>(
    db,
    sql`select id from organisations where kind = 'nation'`,
  );
  const [dalarna] = await queryRows<{ id: string }>(
    db,
    sql`select id from organisations where kind = 'region' and code = '20'`,
  );
  if (!nation || !dalarna) return;
  const person = async (local: string) =>
    (
      await queryRows<{ id: string }>(
        db,
        sql`select id from users where email = ${`${local}@${DEMO_DOMAIN}`}`,
      )
    )[0]?.id ?? null;
  const [admin, region, falunCoordinator] = await Promise.all([
    person('admin'),
    person('region.dalarna'),
    person('samordnare.falun'),
  ]);
  const all = await queryRows<{ id: string; code: string; parentId: string | null }>(
    db,
    sql`select id, code, parent_id as "parentId" from organisations where kind = 'municipality' order by code`,
  );
  const today = swedishToday();
  const year = Number(today.slice(0, 4));

  const national = await insertCall(db, {
    title: `Stimulansmedel välfärdsteknik i äldreomsorgen ${year}`,
    description:
      'Statens stimulansmedel för att införa välfärdsteknik i äldreomsorgen, fördelade efter kommunernas andel av invånarna som är 80 år och äldre. Medlen rekvireras och redovisas här.',
    ownerId: nation.id,
    year,
    totalSek: 500_000_000,
    key: 'population_80_plus',
    requisition: addDays(today, 45),
    reporting: addDays(today, 400),
    status: 'open',
    createdBy: admin,
  });
  const shares = await allocate(db, national, 500_000_000, all);
  const falun = all.find((m) => m.code === '2080')!;
  const falunRequisition = Math.floor((shares.get('2080')! * 0.6) / 1000) * 1000;
  await queryRows(
    db,
    sql`update funding_allocations set requisitioned_sek = ${falunRequisition},
          requisitioned_at = now() - interval '12 days', requisitioned_by = ${falunCoordinator}
        where call_id = ${national} and municipality_id = ${falun.id}`,
  );
  // Falun's night-supervision initiative spends stimulus money from its allocation.
  await queryRows(
    db,
    sql`update initiative_funding f set funding_call_id = ${national}, recipient_municipality_id = ${falun.id}
        from initiatives i
        where i.id = f.initiative_id and i.title = 'Digital nattillsyn i hemtjänsten'
          and i.owner_organisation_id = ${falun.id} and f.source = 'stimulus'`,
  );

  const regional = await insertCall(db, {
    title: `Regionala stimulansmedel för trygghetslarm ${year - 1}`,
    description: 'Region Dalarnas medel till kommunernas byte till digitala trygghetslarm.',
    ownerId: dalarna.id,
    year: year - 1,
    totalSek: 6_000_000,
    key: 'population_80_plus',
    requisition: addDays(today, -30),
    reporting: addDays(today, 90),
    status: 'open',
    createdBy: region,
  });
  await allocate(
    db,
    regional,
    6_000_000,
    all.filter((m) => m.parentId === dalarna.id),
  );
  // Everyone requisitioned all of it before the deadline — except Ludvika, which let it pass: at risk.
  await queryRows(
    db,
    sql`update funding_allocations a set requisitioned_sek = a.allocated_sek,
          requisitioned_at = now() - interval '40 days'
        from organisations m
        where m.id = a.municipality_id and a.call_id = ${regional} and m.code <> '2085'`,
  );
}
