import type { Db } from '../../db/client.ts';
import type { Person } from '../../db/personal-data.ts';
import { erasePersonalData } from '../../db/personal-data-run.ts';

/**
 * Erases what identifies a person, as the register of personal data says: the account stays as a
 * tombstone, so that references from other records (who created what) stay valid but name nobody.
 */
export async function anonymiseUser(db: Db, person: Person) {
  const changes = await erasePersonalData(db, person);
  return {
    membershipsRemoved: changes.memberships ?? 0,
    auditEntriesScrubbed: (changes['audit_log.about'] ?? 0) + (changes['audit_log.mentions'] ?? 0),
    caseContactsRemoved: changes['cases.contact'] ?? 0,
    changes,
  };
}
