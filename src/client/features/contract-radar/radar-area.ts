import { isNationalAdmin, scopeFor } from '../../../shared/access/index.ts';
import type { Me } from '../../../shared/contracts/auth.ts';

/** The radar's area in the address, as the mapping views keep theirs: `?lan=20` or `?forbund=<id>`. */
export interface RadarAreaParams {
  region?: string | undefined;
  association?: string | undefined;
}

export interface RadarAreaOption {
  value: string;
  label: string;
  params: RadarAreaParams;
}

export const areaValue = (p: RadarAreaParams) =>
  p.association ? `forbund:${p.association}` : p.region ? `lan:${p.region}` : 'SE';

/**
 * The areas a person reads without being a national administrator: the regions and associations where
 * she coordinates, and the region of each municipality she coordinates (a municipality's code starts
 * with its county's).
 */
export function ownRadarAreas(me: Me): RadarAreaOption[] {
  const seen = new Set<string>();
  const out: RadarAreaOption[] = [];
  const add = (o: RadarAreaOption) => {
    if (!seen.has(o.value)) {
      seen.add(o.value);
      out.push(o);
    }
  };
  for (const m of scopeFor(me, 'contract.read').memberships) {
    const full = me.memberships.find((x) => x.organisationId === m.organisationId);
    if (m.organisationKind === 'region' && full?.organisationCode) {
      const params = { region: full.organisationCode };
      add({ value: areaValue(params), label: full.organisationName, params });
    } else if (m.organisationKind === 'association' && full) {
      const params = { association: full.organisationId };
      add({ value: areaValue(params), label: full.organisationName, params });
    } else if (m.organisationKind === 'municipality' && full?.organisationCode) {
      const params = { region: full.organisationCode.slice(0, 2) };
      add({ value: areaValue(params), label: '', params });
    }
  }
  return out;
}

/** The area to show when the address names none: the country for national administrators. */
export function defaultRadarArea(me: Me): RadarAreaParams | null {
  if (isNationalAdmin(me)) return {};
  return ownRadarAreas(me)[0]?.params ?? null;
}

export function areaFromSearch(params: URLSearchParams): RadarAreaParams | null {
  const region = params.get('lan');
  const association = params.get('forbund');
  if (!region && !association) return null;
  return { region: region ?? undefined, association: association ?? undefined };
}
