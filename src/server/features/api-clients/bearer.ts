import { type Action, actionsOfScopes, apiClientRole, isApiScope } from '../../../shared/access/index.ts';
import type { Db } from '../../db/client.ts';
import { hashToken } from '../../lib/tokens.ts';
import type { RequestActor } from '../../plugins/session.ts';
import { findTokenActor, type TokenActorRow } from './api-clients.repo.ts';

/**
 * The actor of a request with `Authorization: Bearer <token>`: the client's service account, with one
 * membership synthesised at the client's organisation (the coordinator role of its kind) and limited to
 * the token's scopes. `onScopeDenied` collects what the scopes alone refused, so that the answer can say
 * `insufficient_scope`. Null for an unknown, expired or revoked token.
 */
export async function findBearerActor(db: Db, token: string): Promise<RequestActor | null> {
  const row = await findTokenActor(db, hashToken(token));
  return row ? clientActor(row) : null;
}

/**
 * The actor of an API client, limited to the scopes in `row` (a token's, or the client's own when it
 * authenticates with HTTP Basic at /xapi). Null when its organisation cannot hold a client.
 */
export function clientActor(row: TokenActorRow): RequestActor | null {
  const role = apiClientRole(row.organisation_kind);
  if (!role) return null;
  const scopes = row.scopes.filter(isApiScope);
  const scopeDenials: Action[] = [];
  return {
    userId: row.user_id,
    sessionId: '',
    name: row.name,
    email: null,
    username: null,
    preferredLanguage: 'en',
    gender: null,
    memberships: [
      {
        id: row.api_client_id,
        organisationId: row.organisation_id,
        organisationKind: row.organisation_kind,
        organisationName: row.organisation_name,
        organisationCode: row.organisation_code,
        role,
      },
    ],
    allowedActions: actionsOfScopes(scopes),
    onScopeDenied: (action) => scopeDenials.push(action),
    apiClient: { id: row.api_client_id, clientId: row.client_id, scopes, scopeDenials },
  };
}
