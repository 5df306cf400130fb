import { z } from 'zod';
import { IsoDateTime, NO_CONTROL_CHARACTERS, Uuid } from './common.ts';

/** SCIM 2.0 (RFC 7643/7644) schema URNs used by the `/scim/v2` endpoints and their tests. */
export const SCIM = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

/** Where an organisation's SCIM client (Entra ID, an HR system) sends its requests. */
export const SCIM_BASE_PATH = '/scim/v2';

// ---- Token management (`/api/v1`, session + CSRF, `identity.manage`) ----

export const ScimTokenIdParams = z.object({ id: Uuid });

export const CreateScimToken = z.object({
  name: z.string().trim().min(1).max(200).regex(NO_CONTROL_CHARACTERS, 'control_character'),
});
export type CreateScimToken = z.infer<typeof CreateScimToken>;

export const ScimToken = z.object({
  id: Uuid,
  organisationId: Uuid,
  name: z.string(),
  createdAt: IsoDateTime,
  createdByName: z.string().nullable(),
  lastUsedAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
});
export type ScimToken = z.infer<typeof ScimToken>;

export const ScimTokenList = z.object({
  items: z.array(ScimToken),
  /** `{PUBLIC_URL}/scim/v2`: what to enter as "Tenant URL" in Entra ID. */
  baseUrl: z.string(),
});
export type ScimTokenList = z.infer<typeof ScimTokenList>;

/** The secret is in this answer only; the server keeps its SHA-256. */
export const ScimTokenCreated = ScimToken.extend({ token: z.string(), baseUrl: z.string() });
export type ScimTokenCreated = z.infer<typeof ScimTokenCreated>;
