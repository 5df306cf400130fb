import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/server/db/client.ts';
import { swedishDate } from '../../src/server/features/assessments/round-access.ts';
import { forgetRadarViews } from '../../src/server/features/contract-radar/contract-radar.service.ts';
import { addMonths } from '../../src/shared/contracts/supplier-contracts.ts';
import { withCheckDigit } from '../../src/shared/contracts/suppliers.ts';
import type { TestApp } from '../support/test-app.ts';

/** Contracts written straight into the tables, so the radar's tests need nothing of the register's API. */

export const today = () => swedishDate(new Date());
/** Today plus (or minus) whole months, as a contract counts them. */
export const inMonths = (n: number) => addMonths(today(), n);
export const inDays = (n: number) => {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

let suppliers = 0;
export async function radarSupplier(t: TestApp, name = 'Påhittade Larm AB'): Promise<string> {
  const orgNumber = withCheckDigit(`559871${String(100 + suppliers++)}`);
  const [row] = await queryRows<{ id: string }>(
    t.db,
    sql`insert into suppliers (name, org_number) values (${name}, ${orgNumber}) returning id`,
  );
  return row!.id;
}

export interface ContractFixture {
  municipalityCode: string;
  supplierId: string;
  title: string;
  endsOn: string;
  startsOn?: string;
  noticeMonths?: number | null;
  annualValueSek?: number | null;
  technologies: string[];
  extensions?: { months: number; decideBy: string; status?: 'open' | 'exercised' | 'declined' }[];
}

export async function insertContract(t: TestApp, c: ContractFixture): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    t.db,
    sql`insert into contracts (municipality_id, supplier_id, title, procurement_form, starts_on, ends_on,
                               notice_months, annual_value_sek)
        select id, ${c.supplierId}::uuid, ${c.title}, 'own', ${c.startsOn ?? '2022-01-01'}::date,
               ${c.endsOn}::date, ${c.noticeMonths ?? null}, ${c.annualValueSek ?? null}
        from organisations where kind = 'municipality' and code = ${c.municipalityCode}
        returning id`,
  );
  const id = row!.id;
  for (const key of c.technologies)
    await t.db.execute(
      sql`insert into contract_technologies (contract_id, technology_id)
          select ${id}::uuid, id from technologies where key = ${key}`,
    );
  for (const [i, e] of (c.extensions ?? []).entries())
    await t.db.execute(
      sql`insert into contract_extensions (contract_id, position, months, decide_by, status)
          values (${id}::uuid, ${i + 1}, ${e.months}, ${e.decideBy}::date, ${e.status ?? 'open'})`,
    );
  forgetRadarViews(t.db);
  return id;
}

/** Sets a municipality's mapping status for a technology (planned, piloting …). */
export async function setAdoption(t: TestApp, municipalityCode: string, technology: string, status: string) {
  await t.db.execute(
    sql`insert into technology_adoptions (municipality_id, technology_id, status)
        select m.id, tech.id, ${status} from organisations m, technologies tech
        where m.kind = 'municipality' and m.code = ${municipalityCode} and tech.key = ${technology}
        on conflict (municipality_id, technology_id) do update set status = excluded.status`,
  );
  forgetRadarViews(t.db);
}

export async function clearRadarData(t: TestApp, technologies: string[]) {
  await t.db.execute(sql`delete from contracts`);
  for (const key of technologies)
    await t.db.execute(
      sql`delete from technology_adoptions where technology_id = (select id from technologies where key = ${key})
          and status in ('planned', 'piloting')`,
    );
  forgetRadarViews(t.db);
}
