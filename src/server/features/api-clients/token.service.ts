import { type ApiScope, isApiScope } from '../../../shared/access/api-scopes.ts';
import {
  ACCESS_TOKEN_SECONDS,
  type TokenError,
  type TokenResponse,
} from '../../../shared/contracts/api-clients.ts';
import type { Db } from '../../db/client.ts';
import { hashToken, newToken, safeEqual } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './api-clients.repo.ts';

/** Access tokens are prefixed so that a leaked one is recognisable (secret scanners, logs). */
const ACCESS_TOKEN_PREFIX = 'vna_';

/** A refusal as RFC 6749 §5.2 words it: 401 for a client that failed to authenticate, else 400. */
export class TokenRefusal extends Error {
  constructor(
    readonly error: TokenError['error'],
    readonly description: string,
  ) {
    super(error);
  }
  get status() {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

export interface TokenRequestInput {
  /** The `Authorization` header, for client_secret_basic. */
  authorization: string | undefined;
  /** The form fields, already checked to be single strings. */
  form: Partial<Record<'grant_type' | 'scope' | 'client_id' | 'client_secret', string>>;
}

/**
 * HTTP Basic as RFC 6749 §2.3.1 has it: id and secret are form-urlencoded before base64. Null when the
 * header is not Basic; a refusal when it is Basic but unreadable.
 */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!header || !/^Basic\s/i.test(header)) return null;
  if (!match) throw new TokenRefusal('invalid_client', 'Malformed HTTP Basic credentials');
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new TokenRefusal('invalid_client', 'Malformed HTTP Basic credentials');
  const formDecode = (s: string) => {
    try {
      return decodeURIComponent(s.replaceAll('+', ' '));
    } catch {
      throw new TokenRefusal('invalid_client', 'Malformed HTTP Basic credentials');
    }
  };
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

/** One authentication method per request (RFC 6749 §2.3): Basic or the form fields, never both. */
function clientCredentials(input: TokenRequestInput) {
  const basic = basicCredentials(input.authorization);
  const { client_id: formId, client_secret: formSecret } = input.form;
  if (basic) {
    if (formSecret !== undefined || (formId !== undefined && formId !== basic.id)) {
      throw new TokenRefusal('invalid_request', 'Use HTTP Basic or the form fields, not both');
    }
    return basic;
  }
  if (formId && formSecret) return { id: formId, secret: formSecret };
  throw new TokenRefusal('invalid_client', 'Client authentication is required');
}

/** The scopes asked for: a subset of the client's, all of them when none are named (RFC 6749 §3.3). */
function grantedScopes(requested: string | undefined, clientScopes: readonly string[]): ApiScope[] {
  const own = clientScopes.filter(isApiScope);
  if (requested === undefined || requested.trim() === '') return own;
  const asked = [...new Set(requested.trim().split(/ +/))];
  const beyond = asked.filter((s) => !own.includes(s as ApiScope));
  if (beyond.length)
    throw new TokenRefusal('invalid_scope', `Not a scope of this client: ${beyond.join(' ')}`);
  return asked as ApiScope[];
}

/** POST /oauth/token with grant_type=client_credentials (RFC 6749 §4.4). */
export async function issueToken(db: Db, input: TokenRequestInput): Promise<TokenResponse> {
  const grant = input.form.grant_type;
  if (!grant) throw new TokenRefusal('invalid_request', 'grant_type is required');
  if (grant !== 'client_credentials') {
    throw new TokenRefusal('unsupported_grant_type', 'Only client_credentials is supported');
  }
  const credentials = clientCredentials(input);
  const client = await repo.findActiveClientByClientId(db, credentials.id);
  // The secret's hash is computed whether or not the client exists, so timing says nothing about ids.
  const presented = hashToken(credentials.secret);
  if (!client || !safeEqual(presented, client.secretHash)) {
    if (client) {
      await recordAudit(db, {
        actorId: client.userId,
        action: 'api_client.authentication_failed',
        entityType: 'api_client',
        entityId: client.id,
        organisationId: client.organisationId,
      });
    }
    throw new TokenRefusal('invalid_client', 'Unknown client or wrong secret');
  }
  const scopes = grantedScopes(input.form.scope, client.scopes);
  const accessToken = `${ACCESS_TOKEN_PREFIX}${newToken()}`;
  await db.transaction(async (tx) => {
    await repo.insertAccessToken(tx, {
      tokenHash: hashToken(accessToken),
      apiClientId: client.id,
      scopes,
      expiresAt: new Date(Date.now() + ACCESS_TOKEN_SECONDS * 1000),
    });
    await recordAudit(tx, {
      actorId: client.userId,
      action: 'api_client.token_issued',
      entityType: 'api_client',
      entityId: client.id,
      organisationId: client.organisationId,
      after: { scopes },
    });
  });
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    scope: scopes.join(' '),
  };
}
