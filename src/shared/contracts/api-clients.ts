import { z } from 'zod';
import { apiScopes } from '../access/api-scopes.ts';
import { IsoDateTime, NO_CONTROL_CHARACTERS, Uuid } from './common.ts';

/** Where systems exchange their client id and secret for an access token (RFC 6749 §4.4). */
export const TOKEN_PATH = '/oauth/token';
/** How long an access token lasts. */
export const ACCESS_TOKEN_SECONDS = 3600;

export const ApiScope = z.enum(apiScopes);

// ---- Management (`/api/v1`, a coordinator of the organisation or a national administrator) ----

export const ApiClientIdParams = z.object({ id: Uuid });

export const CreateApiClient = z.object({
  name: z.string().trim().min(1).max(200).regex(NO_CONTROL_CHARACTERS, 'control_character'),
  scopes: z
    .array(ApiScope)
    .min(1, 'choose_scope')
    .max(apiScopes.length)
    .refine((s) => new Set(s).size === s.length, 'duplicate'),
});
export type CreateApiClient = z.infer<typeof CreateApiClient>;

export const ApiClient = z.object({
  id: Uuid,
  organisationId: Uuid,
  clientId: z.string(),
  name: z.string(),
  scopes: z.array(ApiScope),
  createdAt: IsoDateTime,
  createdByName: z.string().nullable(),
  /** When the client last got a token. */
  lastUsedAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
});
export type ApiClient = z.infer<typeof ApiClient>;

export const ApiClientList = z.object({
  items: z.array(ApiClient),
  /** The scopes a client of this organisation can have (what its kind of coordinator may do). */
  availableScopes: z.array(ApiScope),
  /** `{PUBLIC_URL}/oauth/token`. */
  tokenUrl: z.string(),
});
export type ApiClientList = z.infer<typeof ApiClientList>;

/** The secret is in this answer only; the server keeps its SHA-256. */
export const ApiClientCreated = ApiClient.extend({ clientSecret: z.string(), tokenUrl: z.string() });
export type ApiClientCreated = z.infer<typeof ApiClientCreated>;

// ---- The token endpoint (RFC 6749 §4.4 and §5) ----

/** The form fields of a token request (`application/x-www-form-urlencoded`). */
export const TokenRequest = z.object({
  grant_type: z.string().describe('client_credentials'),
  scope: z.string().optional().describe("Space-separated subset of the client's scopes; all if omitted"),
  client_id: z.string().optional().describe('client_secret_post (or use HTTP Basic)'),
  client_secret: z.string().optional().describe('client_secret_post (or use HTTP Basic)'),
});

export const TokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  scope: z.string(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

export const tokenErrorCodes = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
] as const;
export const TokenError = z.object({
  error: z.enum(tokenErrorCodes),
  error_description: z.string().optional(),
});
export type TokenError = z.infer<typeof TokenError>;
