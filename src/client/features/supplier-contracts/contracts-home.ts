import {
  contractRegistersReadAt,
  isNationalAdmin,
  type ScopedMembership,
  scopeFor,
} from '../../../shared/access/index.ts';

type Person = { memberships: readonly (ScopedMembership & { organisationCode: string | null })[] };

/**
 * Where the menu's "Avtal" leads: a municipality's coordinator straight to her own register; whoever
 * reads several (a region's, an association's or a national role) to the page that lists them; null
 * for someone who reads no register (staff, managers).
 */
export function contractsHomeFor(me: Person): string | null {
  const readers = scopeFor(me, 'contract.read').memberships;
  if (readers.length === 0) return null;
  const municipalities = readers.filter((m) => m.organisationKind === 'municipality' && m.organisationCode);
  if (municipalities.length === 1 && contractRegistersReadAt(me).length === 0 && !isNationalAdmin(me))
    return `/kommuner/${municipalities[0]!.organisationCode}/avtal`;
  return '/avtal';
}
