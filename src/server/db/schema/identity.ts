import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { memberships, users } from './people.ts';

/**
 * An organisation's own identity provider (issue 15): OIDC (issuer discovery, client id and secret) or
 * SAML 2.0 (the IdP's metadata; our SP key pair). Secrets are stored encrypted with SECRETS_KEY
 * (`lib/secrets.ts`) and never returned by the API.
 */
export const identityProviders = pgTable(
  'identity_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['oidc', 'saml'] }).notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** OIDC: the issuer URL whose /.well-known/openid-configuration is read. */
    issuer: text('issuer'),
    clientId: text('client_id'),
    clientSecretEnc: text('client_secret_enc'),
    scopes: text('scopes').notNull().default('openid email profile'),
    /** SAML: the IdP's metadata, fetched from the URL or uploaded. */
    metadataUrl: text('metadata_url'),
    metadataXml: text('metadata_xml'),
    /** SAML: our SP's signing key (encrypted) and certificate, generated when the IdP is created. */
    spPrivateKeyEnc: text('sp_private_key_enc'),
    spCertificate: text('sp_certificate'),
    /** Which claim or attribute gives e-mail, name, employee number, unit and role (contracts/identity). */
    mapping: jsonb('mapping').notNull().default(sql`'{}'::jsonb`),
    /** Passwords are refused for the organisation's people; they sign in here. */
    requireSso: boolean('require_sso').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('identity_providers_org_idx').on(t.organisationId)],
);

/** Home-realm discovery: an e-mail domain (lower-cased) belongs to one IdP only. */
export const identityProviderDomains = pgTable(
  'identity_provider_domains',
  {
    domain: text('domain').primaryKey(),
    identityProviderId: uuid('identity_provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('identity_provider_domains_idp_idx').on(t.identityProviderId)],
);

/** A person's account at an IdP: the IdP's stable subject (OIDC `sub`, SAML NameID) linked to a user. */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    identityProviderId: uuid('identity_provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('user_identities_idp_subject_uq').on(t.identityProviderId, t.subject),
    index('user_identities_user_idx').on(t.userId),
  ],
);

/**
 * A login under way at an IdP: what the callback must see again (`state`, `nonce`, the PKCE verifier,
 * SAML's request id) and where to go after. Kept in the database so any instance can finish it.
 */
export const ssoRequests = pgTable(
  'sso_requests',
  {
    stateHash: text('state_hash').primaryKey(),
    identityProviderId: uuid('identity_provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    nonce: text('nonce'),
    codeVerifier: text('code_verifier'),
    requestId: text('request_id'),
    returnTo: text('return_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sso_requests_expires_idx').on(t.expiresAt),
    index('sso_requests_request_idx').on(t.requestId),
  ],
);

/** SAML replay protection: an assertion id seen once is refused until the assertion would have expired. */
export const samlAssertionIds = pgTable(
  'saml_assertion_ids',
  {
    identityProviderId: uuid('identity_provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    assertionId: text('assertion_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.identityProviderId, t.assertionId] }),
    index('saml_assertion_ids_expires_idx').on(t.expiresAt),
  ],
);

/** A bearer token an organisation's HR system or Entra ID uses for SCIM; only its SHA-256 is stored. */
export const scimTokens = pgTable(
  'scim_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('scim_tokens_hash_uq').on(t.tokenHash),
    index('scim_tokens_org_idx').on(t.organisationId),
  ],
);

/**
 * A person as one organisation's SCIM client knows them: the SCIM `userName` and `externalId` and
 * the groups it put them in. A SCIM token sees only the people linked to its organisation.
 */
export const scimUsers = pgTable(
  'scim_users',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userName: text('user_name').notNull(),
    externalId: text('external_id'),
    active: boolean('active').notNull().default(true),
    /** SCIM `name.givenName` / `name.familyName` as sent, so a PATCH of one part keeps the other. */
    givenName: text('given_name'),
    familyName: text('family_name'),
    /** The enterprise extension's `department` as sent (matched to a unit by name or code). */
    department: text('department'),
    /** The unit (or the organisation) where SCIM gave the person a staff membership; null if it gave none. */
    staffOrganisationId: uuid('staff_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    uniqueIndex('scim_users_org_username_uq').on(t.organisationId, t.userName),
    index('scim_users_user_idx').on(t.userId),
  ],
);

/** A SCIM group: an organisation's HR group mapped to one of its units (members → unit memberships). */
export const scimGroups = pgTable(
  'scim_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    externalId: text('external_id'),
    /** The unit (or the organisation itself) whose membership the group's members get. */
    unitId: uuid('unit_id').references(() => organisations.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('scim_groups_org_name_uq').on(t.organisationId, t.displayName)],
);

export const scimGroupMembers = pgTable(
  'scim_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => scimGroups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The group created the unit's staff membership (so removing the member removes only what it gave). */
    membershipGiven: boolean('membership_given').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('scim_group_members_user_idx').on(t.userId)],
);

/** OAuth 2.0 client-credentials clients for other systems; only the secret's hash is stored. */
export const apiClients = pgTable(
  'api_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    name: text('name').notNull(),
    scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
    /**
     * The client's service account (no e-mail, no password, username `api-client:<clientId>`): the actor
     * of its requests, so that `created_by` columns and the audit log name the system that did it.
     */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_clients_client_id_uq').on(t.clientId),
    uniqueIndex('api_clients_user_uq').on(t.userId),
    index('api_clients_org_idx').on(t.organisationId),
  ],
);

/** Access tokens issued by POST /oauth/token; only the token's SHA-256 is stored. */
export const apiAccessTokens = pgTable(
  'api_access_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    apiClientId: uuid('api_client_id')
      .notNull()
      .references(() => apiClients.id, { onDelete: 'cascade' }),
    scopes: text('scopes').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('api_access_tokens_client_idx').on(t.apiClientId),
    index('api_access_tokens_expires_idx').on(t.expiresAt),
  ],
);

/** WebAuthn credentials (passkeys) a person registered. */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** base64url credential id, as the browser reports it. */
    credentialId: text('credential_id').notNull(),
    /** base64url COSE public key. */
    publicKey: text('public_key').notNull(),
    counter: integer('counter').notNull().default(0),
    transports: text('transports').array().notNull().default(sql`'{}'::text[]`),
    deviceType: text('device_type'),
    backedUp: boolean('backed_up').notNull().default(false),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('passkeys_credential_uq').on(t.credentialId), index('passkeys_user_idx').on(t.userId)],
);

/**
 * A challenge handed to the browser for a WebAuthn ceremony, or a half-finished login waiting for its
 * second factor (`purpose = 'mfa'`): only the token's SHA-256 is stored; spent on use.
 */
export const authChallenges = pgTable(
  'auth_challenges',
  {
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose', { enum: ['passkey_register', 'passkey_login', 'mfa'] }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    challenge: text('challenge'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('auth_challenges_expires_idx').on(t.expiresAt)],
);

/** A person's TOTP authenticator; the secret is encrypted with SECRETS_KEY. */
export const totpSecrets = pgTable('totp_secrets', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretEnc: text('secret_enc').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The last 30-second step accepted: a code is never accepted twice. */
  lastStep: integer('last_step'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes for a lost second factor; only hashes are stored. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** An organisation's sign-in rules beyond the defaults: a second factor for everyone. */
export const signInPolicies = pgTable('sign_in_policies', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  requireMfa: boolean('require_mfa').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A one-time activation code a manager gives a person without work e-mail (printed or as a QR code);
 * the person uses it to set a passkey or a password. Only the code's SHA-256 is stored.
 */
export const activationCodes = pgTable(
  'activation_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('activation_codes_hash_uq').on(t.codeHash),
    index('activation_codes_org_idx').on(t.organisationId, t.createdAt),
    index('activation_codes_user_idx').on(t.userId),
  ],
);

/**
 * The memberships an IdP granted at sign-in (just-in-time provisioning): only these are moved or
 * changed when a later sign-in brings another unit or role. Memberships people gave are never touched.
 */
export const identityProviderMemberships = pgTable(
  'identity_provider_memberships',
  {
    membershipId: uuid('membership_id')
      .primaryKey()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    identityProviderId: uuid('identity_provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [index('identity_provider_memberships_user_idx').on(t.userId, t.identityProviderId)],
);
