import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * Checks the link of an initiative's funding row to a stimulus-fund call (issue 17) and returns the
 * columns to store. The money must come from the source `stimulus`, from a municipality that owns or
 * takes part in the initiative and has an allocation in the (opened) call — so what the call's
 * overview counts as used is always spent by the municipality it is counted for.
 */
export async function checkFundingLink(
  db: Db,
  initiativeId: string,
  row: {
    source?: string | undefined;
    fundingCallId?: string | null;
    recipientMunicipalityId?: string | null;
  },
): Promise<{ fundingCallId: string | null; recipientMunicipalityId: string | null }> {
  if (!row.fundingCallId) return { fundingCallId: null, recipientMunicipalityId: null };
  const fail = (path: string, code: string) => new AppError(400, 'validation_failed', [{ path, code }]);
  if (row.source !== 'stimulus') throw fail('body.fundingCallId', 'funding_link_not_stimulus');
  if (!row.recipientMunicipalityId) throw fail('body.recipientMunicipalityId', 'funding_recipient_required');
  const [ok] = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok
        from funding_allocations a
        join funding_calls c on c.id = a.call_id and c.status <> 'draft'
        join initiatives i on i.id = ${initiativeId}
        where a.call_id = ${row.fundingCallId} and a.municipality_id = ${row.recipientMunicipalityId}
          and (i.owner_organisation_id = a.municipality_id
               or exists (select 1 from initiative_municipalities im
                          where im.initiative_id = i.id and im.municipality_id = a.municipality_id))`,
  );
  if (!ok) throw fail('body.recipientMunicipalityId', 'funding_recipient_not_allocated');
  return { fundingCallId: row.fundingCallId, recipientMunicipalityId: row.recipientMunicipalityId };
}
