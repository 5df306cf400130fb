import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { textArray } from '../../lib/sql-lists.ts';

/** What the contract import looks up by the names in a file: suppliers, people and existing contracts. */

export interface SupplierMatch {
  id: string;
  name: string;
  orgNumber: string;
  /** The supplier kept when this one was merged as a duplicate: the file's name still finds it. */
  mergedInto: string | null;
}

/** Suppliers whose name (any case) or organisation number is one of those given. */
export function suppliersNamed(db: Db, names: string[], orgNumbers: string[]) {
  if (names.length === 0 && orgNumbers.length === 0) return Promise.resolve([]);
  return queryRows<SupplierMatch>(
    db,
    sql`select id, name, org_number as "orgNumber", merged_into as "mergedInto" from suppliers
        where lower(name) = any(${textArray(names)}) or org_number = any(${textArray(orgNumbers)})`,
  );
}

/** People with one of these e-mail addresses who hold a role in the municipality or one of its units. */
export function peopleOfMunicipality(db: Db, municipalityId: string, emails: string[]) {
  if (emails.length === 0) return Promise.resolve([]);
  return queryRows<{ id: string; email: string }>(
    db,
    sql`select distinct u.id, u.email from users u
        join memberships m on m.user_id = u.id
        join organisations o on o.id = m.organisation_id
        where u.email = any(${textArray(emails)}) and u.status <> 'disabled'
          and (o.id = ${municipalityId} or o.parent_id = ${municipalityId})`,
  );
}

/** The municipality's contracts with these contract numbers, with what a re-import keeps of them. */
export function contractsByRef(db: Db, municipalityId: string, refs: string[]) {
  if (refs.length === 0) return Promise.resolve([]);
  return queryRows<{
    id: string;
    externalRef: string;
    procurementForm: 'own' | 'joint' | 'framework_call_off' | 'direct_award';
    frameworkName: string | null;
    noticeMonths: number | null;
    annualValueSek: number | null;
    responsibleUserId: string | null;
    notes: string | null;
    technologies: string[];
    productIds: string[];
    extensions: { months: number; decideBy: string; status: 'open' | 'exercised' | 'declined' }[];
  }>(
    db,
    sql`select c.id, c.external_ref as "externalRef",
          c.procurement_form as "procurementForm", c.framework_name as "frameworkName",
          c.notice_months as "noticeMonths", c.annual_value_sek::float8 as "annualValueSek",
          c.responsible_user_id as "responsibleUserId", c.notes,
          coalesce((select array_agg(t.key order by t.key) from contract_technologies ct
                    join technologies t on t.id = ct.technology_id where ct.contract_id = c.id), '{}') as technologies,
          coalesce((select array_agg(cp.product_id order by cp.product_id) from contract_products cp
                    where cp.contract_id = c.id), '{}') as "productIds",
          coalesce((select json_agg(json_build_object('months', e.months, 'decideBy', e.decide_by::text,
                      'status', e.status) order by e.position)
                    from contract_extensions e where e.contract_id = c.id), '[]') as extensions
        from contracts c
        where c.municipality_id = ${municipalityId} and c.external_ref = any(${textArray(refs)})`,
  );
}
