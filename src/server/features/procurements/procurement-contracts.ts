import { sql } from 'drizzle-orm';
import type { Actor } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { procurementPhases } from '../../../shared/contracts/procurements.ts';
import type { ContractInput } from '../../../shared/contracts/supplier-contracts.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { AppError, badRequest, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { createContract } from '../supplier-contracts/contract-write.ts';
import * as repo from './procurements.repo.ts';
import { getProcurement, ledProcurement } from './procurements.service.ts';

/**
 * When the contract is signed, the lead writes it into EACH confirmed participant's contract register
 * (`procurement_form = 'joint'`, `procurement_id` set) through the register's own `createContract`.
 * This is the one write of a municipality's register by someone outside it: the power of attorney each
 * participant uploaded gives the lead that mandate. A participant that already has the procurement's
 * contract is skipped, so sending it again adds only the ones missing. The responsible person is the
 * municipality's to name, so it is left empty.
 */
export async function writeResultingContracts(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  input: ContractInput,
) {
  const row = await ledProcurement(db, actor, id);
  if (input.procurementForm !== 'joint')
    throw badRequest('validation_failed', [{ path: 'body.procurementForm', code: 'procurement_form_joint' }]);
  if (procurementPhases.indexOf(row.phase as never) < procurementPhases.indexOf('contract_signed'))
    throw new AppError(409, 'procurement_not_signed');
  await db.transaction(async (tx) => {
    const locked = await repo.lockProcurement(tx, id);
    if (!locked) throw notFound();
    const missing = await queryRows<{ municipality_id: string; code: string }>(
      tx,
      sql`select pp.municipality_id, m.code from procurement_participants pp
          join organisations m on m.id = pp.municipality_id
          where pp.procurement_id = ${id} and pp.status = 'confirmed'
            and not exists (select 1 from contracts c
                            where c.procurement_id = ${id} and c.municipality_id = pp.municipality_id)
          order by m.code`,
    );
    const [confirmed] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from procurement_participants where procurement_id = ${id} and status = 'confirmed'`,
    );
    if (!confirmed!.n) throw new AppError(409, 'procurement_no_participants');
    const written: string[] = [];
    for (const m of missing) {
      const result = await createContract(
        tx,
        actor,
        m.municipality_id,
        { ...input, responsibleUserId: null },
        'procurement',
        { procurementId: id },
      );
      written.push(result.id);
    }
    await tx.execute(
      sql`update procurements set awarded_supplier_id = coalesce(awarded_supplier_id, ${input.supplierId}) where id = ${id}`,
    );
    await repo.touch(tx, id);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'procurement.contracts_written',
      entityType: 'procurement',
      entityId: id,
      organisationId: row.lead_id,
      after: {
        municipalities: missing.map((m) => m.code),
        contractIds: written,
        supplierId: input.supplierId,
      },
    });
  });
  return getProcurement(db, actor, lang, id);
}
