import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Actor, OrgContext } from '../../shared/access/index.ts';
import type { Me } from '../../shared/contracts/auth.ts';
import type { Organisation } from '../../shared/contracts/organisations.ts';
import { ApiError, api, checkedByServer } from './api.ts';

export const meKey = ['me'] as const;

/** The logged-in user, or null when nobody is logged in (401). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        // Every page asks this first: unparsed, so that zod is not in the main bundle (api.ts).
        return await api.get('/me', checkedByServer<Me>());
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

export function useSetMe() {
  const qc = useQueryClient();
  return (me: Me | null) => qc.setQueryData(meKey, me);
}

/** The actor for the shared access rule, built from /me memberships. */
export function actorOf(me: Me): Actor {
  return {
    userId: me.id,
    memberships: me.memberships.map((m) => ({
      organisationId: m.organisationId,
      organisationKind: m.organisationKind,
      role: m.role,
    })),
  };
}

export function orgContextOf(
  org: Pick<Organisation, 'id' | 'kind' | 'lineage' | 'associationIds'>,
): OrgContext {
  return { id: org.id, kind: org.kind, lineage: org.lineage, associationIds: org.associationIds };
}

/** The shared rule, re-exported for the screens that take it from the session. */
export { isNationalAdmin } from '../../shared/access/index.ts';
