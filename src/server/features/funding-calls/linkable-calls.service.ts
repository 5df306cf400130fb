import { sql } from 'drizzle-orm';
import type { Actor } from '../../../shared/access/index.ts';
import type { LinkableCalls } from '../../../shared/contracts/funding-calls.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { loadInitiativeAccess } from '../initiatives/initiative-access.ts';

/**
 * The calls an initiative's stimulus funding rows can be linked to (issue 17): every opened (or
 * closed) call with an allocation for the initiative's owner municipality or a participating one —
 * the same condition `checkFundingLink` enforces on write, so the form offers only what will be
 * accepted. Closed calls stay listed so rows linked before closing still show their call. Anyone
 * who sees the initiative may read it (404 otherwise, as for the initiative itself).
 */
export async function linkableCalls(db: Db, actor: Actor, initiativeId: string): Promise<LinkableCalls> {
  await loadInitiativeAccess(db, actor, initiativeId);
  const rows = await queryRows<{
    id: string;
    title: string;
    year: number;
    status: 'open' | 'closed';
    municipality_id: string;
    municipality_name: string;
    municipality_code: string;
  }>(
    db,
    sql`select c.id, c.title, c.year, c.status,
               m.id as municipality_id, m.name as municipality_name, m.code as municipality_code
        from initiatives i
        join organisations m on m.id = i.owner_organisation_id
             or m.id in (select im.municipality_id from initiative_municipalities im
                         where im.initiative_id = i.id)
        join funding_allocations a on a.municipality_id = m.id
        join funding_calls c on c.id = a.call_id and c.status <> 'draft'
        where i.id = ${initiativeId}
        order by c.year desc, c.title, c.id, m.code`,
  );
  const byCall = new Map<string, LinkableCalls['items'][number]>();
  for (const r of rows) {
    let call = byCall.get(r.id);
    if (!call) {
      call = { id: r.id, title: r.title, year: Number(r.year), status: r.status, municipalities: [] };
      byCall.set(r.id, call);
    }
    call.municipalities.push({ id: r.municipality_id, name: r.municipality_name, code: r.municipality_code });
  }
  return { items: [...byCall.values()] };
}
