import { z } from 'zod';
import { IsoDateTime, NO_CONTROL_CHARACTERS, ParamText, Uuid, WebUrl } from './common.ts';
import { OrganisationKind } from './organisations.ts';
import { Role } from './people.ts';

export const identityProviderKinds = ['oidc', 'saml'] as const;
export const IdentityProviderKind = z.enum(identityProviderKinds);
export type IdentityProviderKind = z.infer<typeof IdentityProviderKind>;

const Line = z.string().trim().max(500).regex(NO_CONTROL_CHARACTERS, 'control_character');
/** A claim or attribute name (e.g. `email`, `urn:oid:0.9.2342.19200300.100.1.3`); empty means the default. */
const ClaimName = Line.max(300);

/** How many role rules one identity provider may have. */
export const MAX_ROLE_RULES = 50;

/** A group (or other claim value) that gives a role, e.g. the IdP's group "Enhetschefer" → manager. */
export const RoleRule = z.object({
  value: Line.min(1),
  role: Role,
});
export type RoleRule = z.infer<typeof RoleRule>;

/**
 * Which claim (OIDC) or attribute (SAML) gives what. Every field is optional: an empty one falls back
 * to the defaults below. `unitMatch` says whether the unit claim holds a unit's code or its name.
 */
export const AttributeMapping = z.object({
  email: ClaimName.optional(),
  name: ClaimName.optional(),
  givenName: ClaimName.optional(),
  familyName: ClaimName.optional(),
  employeeNumber: ClaimName.optional(),
  unit: ClaimName.optional(),
  unitMatch: z.enum(['code', 'name']).optional(),
  role: ClaimName.optional(),
  roleRules: z.array(RoleRule).max(MAX_ROLE_RULES).optional(),
});
export type AttributeMapping = z.infer<typeof AttributeMapping>;

const ENTRA = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';

/**
 * Where each value is looked for when the mapping does not say: the first name present wins. SAML
 * IdPs name attributes by OID (Sambi, Shibboleth) or by Entra's claim URIs, so both are tried.
 */
export const defaultClaimNames: Record<
  IdentityProviderKind,
  Record<'email' | 'name' | 'givenName' | 'familyName' | 'employeeNumber' | 'unit' | 'role', string[]>
> = {
  oidc: {
    email: ['email'],
    name: ['name'],
    givenName: ['given_name'],
    familyName: ['family_name'],
    employeeNumber: ['employee_number', 'employeeNumber', 'employeeid'],
    unit: ['department'],
    role: ['groups', 'roles'],
  },
  saml: {
    email: ['urn:oid:0.9.2342.19200300.100.1.3', `${ENTRA}/emailaddress`, 'mail', 'email'],
    name: ['urn:oid:2.16.840.1.113730.3.1.241', `${ENTRA}/name`, 'displayName'],
    givenName: ['urn:oid:2.5.4.42', `${ENTRA}/givenname`, 'givenName'],
    familyName: ['urn:oid:2.5.4.4', `${ENTRA}/surname`, 'sn'],
    employeeNumber: ['urn:oid:2.16.840.1.113730.3.1.3', 'employeeNumber'],
    unit: ['urn:oid:2.5.4.11', 'department', 'ou'],
    role: [
      'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
      'urn:oid:1.3.6.1.4.1.5923.1.5.1.1',
      'groups',
    ],
  },
};

/** An e-mail domain, lower-cased: `kommun.se`, `falun.se`. */
export const EmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'domain_invalid');

export const IdentityProviderInput = z.object({
  kind: IdentityProviderKind,
  name: Line.min(1).max(200),
  issuer: WebUrl.optional(),
  clientId: Line.min(1).max(500).optional(),
  /** Write-only: sealed at rest and never returned. Left out on PUT = keep the stored one. */
  clientSecret: z.string().min(1).max(2000).regex(NO_CONTROL_CHARACTERS, 'control_character').optional(),
  metadataXml: z.string().max(200_000).optional(),
  metadataUrl: WebUrl.optional(),
  scopes: z
    .string()
    .trim()
    .max(500)
    .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'scopes_invalid')
    .optional(),
  emailDomains: z.array(EmailDomain).max(50).default([]),
  mapping: AttributeMapping.default({}),
  requireSso: z.boolean().optional(),
  enabled: z.boolean().optional(),
});
export type IdentityProviderInput = z.infer<typeof IdentityProviderInput>;

/** E-mail domains as a person types them: one a line, or separated by commas, semicolons or spaces. */
export const splitDomains = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);

/**
 * The identity-provider form: IdentityProviderInput with the domains as typed, and what the server
 * requires of each kind (`checkComplete` in the service) in the same codes and on the same fields.
 * `hasMetadataXml` is not sent: a stored SAML metadata document (never sent back) may stand in for one.
 */
export const IdentityProviderForm = IdentityProviderInput.extend({
  emailDomains: z.string().transform(splitDomains).pipe(z.array(EmailDomain).max(50)),
  hasMetadataXml: z.boolean().default(false),
}).superRefine((v, ctx) => {
  const required = (path: string) => ctx.addIssue({ code: 'custom', path: [path], message: 'required' });
  if (v.kind === 'oidc') {
    if (!v.issuer) required('issuer');
    if (!v.clientId) required('clientId');
  } else if (!v.metadataUrl && !v.metadataXml && !v.hasMetadataXml) required('metadataXml');
});

export const IdentityProvider = z.object({
  id: Uuid,
  organisationId: Uuid,
  kind: IdentityProviderKind,
  name: z.string(),
  enabled: z.boolean(),
  issuer: z.string().nullable(),
  clientId: z.string().nullable(),
  hasClientSecret: z.boolean(),
  scopes: z.string(),
  metadataUrl: z.string().nullable(),
  hasMetadataXml: z.boolean(),
  emailDomains: z.array(z.string()),
  mapping: AttributeMapping,
  requireSso: z.boolean(),
  /** Where the person is sent to sign in: `/auth/sso/{id}/login`. */
  loginUrl: z.string(),
  /** What to register at the IdP: the OIDC redirect URI, or the SAML ACS URL and our SP metadata. */
  redirectUri: z.string(),
  acsUrl: z.string(),
  spMetadataUrl: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type IdentityProvider = z.infer<typeof IdentityProvider>;

export const IdentityProviderList = z.object({ items: z.array(IdentityProvider) });

export const DiscoverQuery = z.object({ email: ParamText.max(320) });
export const DiscoverResult = z.object({
  method: z.enum(['password', 'sso']),
  loginUrl: z.string().optional(),
  identityProviderName: z.string().optional(),
});
export type DiscoverResult = z.infer<typeof DiscoverResult>;

export const SsoOrganisationsQuery = z.object({ q: ParamText.max(200).optional() });
export const SsoOrganisation = z.object({
  organisationId: Uuid,
  organisationName: z.string(),
  kind: OrganisationKind,
  providers: z.array(z.object({ id: Uuid, name: z.string(), loginUrl: z.string() })),
});
export type SsoOrganisation = z.infer<typeof SsoOrganisation>;
export const SsoOrganisationList = z.array(SsoOrganisation);
