import { PROVISIONED_ROLE, roleFitsOrganisation } from '../../../shared/access/index.ts';
import type { OrganisationKind } from '../../../shared/contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { listSubtreeUnits } from './scim-users.repo.ts';

/**
 * Where a SCIM `department` or group name puts a person: the unit of the token's organisation whose
 * code or name matches (names compared in Swedish, ignoring case), otherwise the organisation itself.
 * Null when no staff membership fits there (a region or an association has no staff).
 */
export async function staffTarget(
  db: Db,
  organisationId: string,
  label: string | null,
): Promise<string | null> {
  const units = await listSubtreeUnits(db, organisationId);
  const fits = (u: { kind: string }) => roleFitsOrganisation(PROVISIONED_ROLE, u.kind as OrganisationKind);
  if (label) {
    const wanted = label.trim();
    const unit =
      units.find(
        (u) => u.id !== organisationId && u.code !== null && u.code.toLowerCase() === wanted.toLowerCase(),
      ) ?? units.find((u) => u.id !== organisationId && swedishCollator.compare(u.name, wanted) === 0);
    if (unit && fits(unit)) return unit.id;
  }
  const self = units.find((u) => u.id === organisationId);
  return self && fits(self) ? self.id : null;
}
