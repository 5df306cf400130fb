import { type Actor, authorizeOwn, isNationalAdmin } from '../../../shared/access/index.ts';
import type {
  AttributeMapping,
  DiscoverResult,
  IdentityProvider,
  IdentityProviderInput,
  SsoOrganisation,
} from '../../../shared/contracts/identity-providers.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { secretBox } from '../../lib/secrets.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import { forgetIdpMetadata, MetadataError, parseIdpMetadata } from '../sso/saml/idp-metadata.ts';
import type { IdentityProviderRow } from './identity-providers.repo.ts';
import * as repo from './identity-providers.repo.ts';

export interface IdpDeps {
  db: Db;
  config: Config;
}

export const loginUrlOf = (idpId: string) => `/auth/sso/${idpId}/login`;

function toView(config: Config, row: IdentityProviderRow, domains: string[]): IdentityProvider {
  return {
    id: row.id,
    organisationId: row.organisationId,
    kind: row.kind,
    name: row.name,
    enabled: row.enabled,
    issuer: row.issuer,
    clientId: row.clientId,
    hasClientSecret: row.clientSecretEnc !== null,
    scopes: row.scopes,
    metadataUrl: row.metadataUrl,
    hasMetadataXml: row.metadataXml !== null,
    emailDomains: domains,
    mapping: (row.mapping ?? {}) as AttributeMapping,
    requireSso: row.requireSso,
    loginUrl: loginUrlOf(row.id),
    redirectUri: `${config.publicUrl}/auth/sso/${row.id}/callback`,
    acsUrl: `${config.publicUrl}/auth/sso/${row.id}/acs`,
    spMetadataUrl: `${config.publicUrl}/api/v1/identity-providers/${row.id}/saml/metadata`,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of an IdP: never the secret, never the whole metadata document. */
function auditView(view: IdentityProvider) {
  const {
    loginUrl: _l,
    redirectUri: _r,
    acsUrl: _a,
    spMetadataUrl: _s,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = view;
  return rest;
}

/** The organisation's own coordinator, or a national administrator (`identity.manage`). */
async function requireManage(db: Db, actor: Actor, organisationId: string) {
  const ctx = await requireOrgContext(db, organisationId);
  if (!authorizeOwn(actor, 'identity.manage', ctx)) throw forbidden();
  return ctx;
}

async function requireIdp(db: Db, actor: Actor, id: string) {
  const row = await repo.findIdentityProvider(db, id);
  if (!row) throw notFound();
  await requireManage(db, actor, row.organisationId);
  return row;
}

export async function listForOrganisation(deps: IdpDeps, actor: Actor, organisationId: string) {
  await requireManage(deps.db, actor, organisationId);
  const rows = await repo.listIdentityProviders(deps.db, organisationId);
  const domains = await repo.domainsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toView(deps.config, r, domains.get(r.id) ?? []));
}

export async function getIdentityProvider(deps: IdpDeps, actor: Actor, id: string) {
  const row = await requireIdp(deps.db, actor, id);
  const domains = await repo.domainsOf(deps.db, [row.id]);
  return toView(deps.config, row, domains.get(row.id) ?? []);
}

/** Kind-specific rules the zod contract cannot express alone; the merged result is what is checked. */
function checkComplete(values: {
  kind: 'oidc' | 'saml';
  issuer: string | null;
  clientId: string | null;
  metadataXml: string | null;
  metadataUrl: string | null;
}) {
  if (values.kind === 'oidc') {
    const fieldErrors = [
      ...(values.issuer ? [] : [{ path: 'body.issuer', code: 'required' }]),
      ...(values.clientId ? [] : [{ path: 'body.clientId', code: 'required' }]),
    ];
    if (fieldErrors.length) throw new AppError(400, 'idp_oidc_incomplete', fieldErrors);
    return;
  }
  if (!values.metadataXml && !values.metadataUrl) {
    throw new AppError(400, 'idp_saml_metadata_missing', [{ path: 'body.metadataXml', code: 'required' }]);
  }
  if (values.metadataXml) {
    try {
      parseIdpMetadata(values.metadataXml);
    } catch (err) {
      if (!(err instanceof MetadataError)) throw err;
      throw new AppError(
        400,
        'idp_saml_metadata_invalid',
        [{ path: 'body.metadataXml', code: 'idp_saml_metadata_invalid' }],
        err.message,
      );
    }
  }
}

/**
 * A domain belongs to one IdP. A coordinator may only add domains nobody has; a national
 * administrator may move a domain from another IdP (proving ownership is outside the platform).
 */
async function checkDomains(db: Db, actor: Actor, idpId: string | null, domains: string[]) {
  const owners = (await repo.domainOwners(db, domains)).filter((o) => o.identityProviderId !== idpId);
  if (owners.length === 0) return [];
  if (!isNationalAdmin(actor)) {
    throw new AppError(
      409,
      'domain_taken',
      owners.map((o) => ({ path: 'body.emailDomains', code: `domain_taken:${o.domain}` })),
    );
  }
  await repo.removeDomains(
    db,
    owners.map((o) => o.domain),
  );
  return owners.map((o) => ({ domain: o.domain, fromIdentityProviderId: o.identityProviderId }));
}

const unique = (list: string[]) => [...new Set(list)];

export async function createIdentityProvider(
  deps: IdpDeps,
  actor: Actor,
  organisationId: string,
  input: IdentityProviderInput,
) {
  const ctx = await requireManage(deps.db, actor, organisationId);
  if (ctx.kind === 'unit') throw new AppError(400, 'idp_kind_not_allowed');
  const values = {
    kind: input.kind,
    issuer: input.kind === 'oidc' ? (input.issuer ?? null) : null,
    clientId: input.kind === 'oidc' ? (input.clientId ?? null) : null,
    metadataXml: input.kind === 'saml' ? (input.metadataXml ?? null) : null,
    metadataUrl: input.kind === 'saml' ? (input.metadataUrl ?? null) : null,
  };
  checkComplete(values);
  const domains = unique(input.emailDomains);
  const box = secretBox(deps.config.secretsKey);
  const clientSecretEnc = input.kind === 'oidc' && input.clientSecret ? box.seal(input.clientSecret) : null;
  return deps.db.transaction(async (tx) => {
    const moved = await checkDomains(tx, actor, null, domains);
    const row = await repo.insertIdentityProvider(tx, {
      organisationId,
      ...values,
      name: input.name,
      clientSecretEnc,
      ...(input.scopes ? { scopes: input.scopes } : {}),
      mapping: input.mapping,
      requireSso: input.requireSso ?? false,
      enabled: input.enabled ?? true,
      createdBy: actor.userId,
    });
    await repo.replaceDomains(tx, row.id, domains);
    const view = toView(deps.config, row, [...domains].sort());
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'identity_provider.created',
      entityType: 'identity_provider',
      entityId: row.id,
      organisationId,
      after: { ...auditView(view), movedDomains: moved },
    });
    return view;
  });
}

export async function updateIdentityProvider(
  deps: IdpDeps,
  actor: Actor,
  id: string,
  input: IdentityProviderInput,
) {
  const existing = await requireIdp(deps.db, actor, id);
  if (input.kind !== existing.kind) throw new AppError(400, 'idp_kind_change');
  const values = {
    kind: existing.kind,
    issuer: existing.kind === 'oidc' ? (input.issuer ?? null) : null,
    clientId: existing.kind === 'oidc' ? (input.clientId ?? null) : null,
    // The metadata document is not sent back to the browser, so an update without it keeps it.
    metadataXml: existing.kind === 'saml' ? (input.metadataXml ?? existing.metadataXml) : null,
    metadataUrl: existing.kind === 'saml' ? (input.metadataUrl ?? null) : null,
  };
  checkComplete(values);
  const domains = unique(input.emailDomains);
  const clientSecretEnc =
    existing.kind === 'oidc' && input.clientSecret
      ? secretBox(deps.config.secretsKey).seal(input.clientSecret)
      : existing.clientSecretEnc;
  const view = await deps.db.transaction(async (tx) => {
    const before = toView(deps.config, existing, (await repo.domainsOf(tx, [id])).get(id) ?? []);
    const moved = await checkDomains(tx, actor, id, domains);
    const row = await repo.updateIdentityProvider(tx, id, {
      ...values,
      name: input.name,
      clientSecretEnc,
      scopes: input.scopes || existing.scopes,
      mapping: input.mapping,
      requireSso: input.requireSso ?? existing.requireSso,
      enabled: input.enabled ?? existing.enabled,
    });
    await repo.replaceDomains(tx, id, domains);
    const after = toView(deps.config, row, [...domains].sort());
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'identity_provider.updated',
      entityType: 'identity_provider',
      entityId: id,
      organisationId: existing.organisationId,
      before: auditView(before),
      after: {
        ...auditView(after),
        clientSecretChanged: Boolean(existing.kind === 'oidc' && input.clientSecret),
        movedDomains: moved,
      },
    });
    return after;
  });
  forgetIdpMetadata(id);
  return view;
}

export async function deleteIdentityProvider(deps: IdpDeps, actor: Actor, id: string) {
  const existing = await requireIdp(deps.db, actor, id);
  await deps.db.transaction(async (tx) => {
    const before = toView(deps.config, existing, (await repo.domainsOf(tx, [id])).get(id) ?? []);
    await repo.deleteIdentityProvider(tx, id);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'identity_provider.deleted',
      entityType: 'identity_provider',
      entityId: id,
      organisationId: existing.organisationId,
      before: auditView(before),
    });
  });
  forgetIdpMetadata(id);
}

/** Home-realm discovery: depends on the address's domain only, never on whether an account exists. */
export async function discover(db: Db, email: string): Promise<DiscoverResult> {
  const at = email.lastIndexOf('@');
  const domain =
    at >= 0
      ? email
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : '';
  if (!domain) return { method: 'password' };
  const idp = await repo.findEnabledByDomain(db, domain);
  if (!idp) return { method: 'password' };
  return { method: 'sso', loginUrl: loginUrlOf(idp.id), identityProviderName: idp.name };
}

const fold = (s: string) => s.toLocaleLowerCase('sv').normalize('NFC');

/** The public "sign in with your organisation" list: organisations with an enabled IdP, in Swedish order. */
export async function listSsoOrganisations(db: Db, q: string | undefined): Promise<SsoOrganisation[]> {
  const rows = await repo.listEnabledWithOrganisations(db);
  const needle = fold(q?.trim() ?? '');
  const byOrg = new Map<string, SsoOrganisation>();
  for (const r of rows) {
    if (needle && !fold(r.organisationName).includes(needle) && !fold(r.name).includes(needle)) continue;
    const org = byOrg.get(r.organisationId) ?? {
      organisationId: r.organisationId,
      organisationName: r.organisationName,
      kind: r.kind,
      providers: [],
    };
    org.providers.push({ id: r.id, name: r.name, loginUrl: loginUrlOf(r.id) });
    byOrg.set(r.organisationId, org);
  }
  const list = [...byOrg.values()];
  for (const org of list) org.providers.sort((a, b) => swedishCollator.compare(a.name, b.name));
  return list.sort((a, b) => swedishCollator.compare(a.organisationName, b.organisationName));
}
