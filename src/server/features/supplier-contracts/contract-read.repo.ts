import { sql } from 'drizzle-orm';
import { rolesAllowing } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { type Db, queryRows } from '../../db/client.ts';

/** The register's reads: one query for a page, one for its technologies (dates as ISO text). */

export interface ContractListRow {
  id: string;
  title: string;
  external_ref: string | null;
  procurement_form: string;
  starts_on: string;
  ends_on: string;
  annual_value_sek: string | number | null;
  supplier_id: string;
  supplier_name: string;
  next_decision_on: string | null;
}

const listColumns = sql`c.id, c.title, c.external_ref, c.procurement_form, c.starts_on::text as starts_on,
  c.ends_on::text as ends_on, c.annual_value_sek, s.id as supplier_id, s.name as supplier_name,
  (select min(e.decide_by)::text from contract_extensions e
    where e.contract_id = c.id and e.status = 'open') as next_decision_on`;

/** A page of a municipality's contracts, soonest end first, keyset-paged on (ends_on, id). */
export async function listContracts(
  db: Db,
  q: {
    municipalityId: string;
    technologyId?: string | undefined;
    supplierId?: string | undefined;
    endingBefore?: string | undefined;
    after: { endsOn: string; id: string } | null;
    limit: number;
  },
): Promise<ContractListRow[]> {
  return queryRows<ContractListRow>(
    db,
    sql`select ${listColumns}
        from contracts c join suppliers s on s.id = c.supplier_id
        where c.municipality_id = ${q.municipalityId}
        ${
          q.technologyId
            ? sql`and exists (select 1 from contract_technologies ct
                    where ct.contract_id = c.id and ct.technology_id = ${q.technologyId})`
            : sql``
        }
        ${q.supplierId ? sql`and c.supplier_id = ${q.supplierId}` : sql``}
        ${q.endingBefore ? sql`and c.ends_on < ${q.endingBefore}::date` : sql``}
        ${q.after ? sql`and (c.ends_on, c.id) > (${q.after.endsOn}::date, ${q.after.id}::uuid)` : sql``}
        order by c.ends_on, c.id
        limit ${q.limit + 1}`,
  );
}

export async function listRowById(db: Db, id: string): Promise<ContractListRow | null> {
  const rows = await queryRows<ContractListRow>(
    db,
    sql`select ${listColumns} from contracts c join suppliers s on s.id = c.supplier_id where c.id = ${id}`,
  );
  return rows[0] ?? null;
}

export async function technologiesOf(
  db: Db,
  contractIds: string[],
  lang: UiLanguage,
): Promise<Map<string, { key: string; name: string }[]>> {
  const map = new Map<string, { key: string; name: string }[]>();
  if (contractIds.length === 0) return map;
  const rows = await queryRows<{ contract_id: string; key: string; name: string }>(
    db,
    sql`select ct.contract_id, t.key, ${lang === 'en' ? sql`t.name_en` : sql`t.name_sv`} as name
        from contract_technologies ct join technologies t on t.id = ct.technology_id
        where ct.contract_id in (${sql.join(
          contractIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        order by name`,
  );
  for (const r of rows)
    map.set(r.contract_id, [...(map.get(r.contract_id) ?? []), { key: r.key, name: r.name }]);
  return map;
}

export async function productsNamed(db: Db, contractId: string) {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select p.id, p.name from contract_products cp join supplier_products p on p.id = cp.product_id
        where cp.contract_id = ${contractId} order by p.name`,
  );
}

export async function municipalityOf(db: Db, id: string) {
  const rows = await queryRows<{ id: string; code: string; name: string }>(
    db,
    sql`select id, code, name from organisations where id = ${id}`,
  );
  return rows[0]!;
}

export async function userName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const rows = await queryRows<{ name: string }>(db, sql`select name from users where id = ${id}`);
  return rows[0]?.name ?? null;
}

/**
 * Those who lead work at the municipality or its units (who list its members: coordinators and
 * managers), offered as a contract's responsible person.
 */
export async function responsibleCandidates(db: Db, municipalityId: string) {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select distinct u.id, u.name, u.sort_name from users u
        join memberships m on m.user_id = u.id
        join organisations o on o.id = m.organisation_id
        where (o.id = ${municipalityId} or o.parent_id = ${municipalityId})
          and m.role in (${sql.join(
            rolesAllowing('members.list').map((r) => sql`${r}`),
            sql`, `,
          )}) and u.status = 'active'
        order by u.sort_name, u.id limit 300`,
  ).then((rows) => rows.map(({ id, name }) => ({ id, name })));
}
