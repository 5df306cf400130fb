import { sql } from 'drizzle-orm';
import type { Actor } from '../../../shared/access/index.ts';
import type { CaseLinkChoices } from '../../../shared/contracts/cases.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { isAuthor } from './case-access.ts';

/**
 * The initiatives a municipality owns or takes part in, with their benefit indicators: what its authors
 * may link a case to (the same rule `checkLinks` applies when the case is saved).
 */
export async function linkChoices(db: Db, actor: Actor, municipalityCode: string): Promise<CaseLinkChoices> {
  const [m] = await queryRows<{ id: string }>(
    db,
    sql`select id from organisations where kind = 'municipality' and code = ${municipalityCode}`,
  );
  if (!m) throw notFound();
  if (!isAuthor(actor, m.id)) throw forbidden();
  const rows = await queryRows<{
    id: string;
    title: string;
    indicators: { id: string; name: string; unit: string }[];
  }>(
    db,
    sql`select i.id, i.title,
               coalesce((select json_agg(json_build_object('id', b.id, 'name', b.name, 'unit', b.unit) order by b.created_at, b.id)
                         from benefit_indicators b where b.initiative_id = i.id), '[]'::json) as indicators
        from initiatives i
        where i.owner_organisation_id = ${m.id}
           or exists (select 1 from initiative_municipalities im where im.initiative_id = i.id and im.municipality_id = ${m.id})
        limit 500`,
  );
  return { initiatives: rows.sort((a, b) => swedishCollator.compare(a.title, b.title)) };
}
