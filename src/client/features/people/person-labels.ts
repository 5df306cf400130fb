import type { TFunction } from 'i18next';
import type { PersonPlacement } from '../../../shared/contracts/people-search.ts';

export const personPath = (userId: string) => `/personer/${userId}`;

/** "Medarbetare, Hemtjänsten Norr (Falun)": the role and where, with the municipality for a unit. */
export function placementLabel(t: TFunction, p: PersonPlacement): string {
  const where =
    p.organisationKind === 'unit' && p.parentName
      ? `${p.organisationName} (${p.parentName})`
      : p.organisationName;
  return t('peopleSearch.placement', { role: t(`roles.${p.role}`), where });
}
