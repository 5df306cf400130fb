import {
  idpMayGrant,
  PROVISIONED_ROLE,
  roleFitsOrganisation,
  roleRank,
} from '../../../shared/access/index.ts';
import type { AuditAction } from '../../../shared/contracts/audit.ts';
import {
  type AttributeMapping,
  defaultClaimNames,
  type IdentityProviderKind,
} from '../../../shared/contracts/identity-providers.ts';
import type { OrganisationKind } from '../../../shared/contracts/organisations.ts';
import type { Role } from '../../../shared/contracts/people.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { secretBox } from '../../lib/secrets.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { createSession } from '../auth/session.repo.ts';
import type { IdentityProviderRow } from '../identity-providers/identity-providers.repo.ts';
import * as repo from './provisioning.repo.ts';

export interface AssertedIdentity {
  /** OIDC `sub` / SAML NameID: stable per IdP. */
  subject: string;
  /** The ID token's claims + userinfo (OIDC) or the assertion's attributes (SAML; values may be arrays). */
  attributes: Record<string, unknown>;
  /** OIDC `email_verified`; a SAML IdP vouches for its attributes (true). */
  emailVerified: boolean;
}

type Field = keyof (typeof defaultClaimNames)['oidc'];

/** Every string value of a claim; SAML gives arrays, OIDC strings (or arrays for groups). */
function valuesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((v) => (typeof v === 'number' ? String(v) : v))
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** The values of a field: the mapping's claim name if set, else the first default name present. */
export function claimValues(
  kind: IdentityProviderKind,
  mapping: AttributeMapping,
  attributes: Record<string, unknown>,
  field: Field,
): string[] {
  const configured = mapping[field]?.trim();
  const names = configured ? [configured] : defaultClaimNames[kind][field];
  for (const name of names) {
    const found = valuesOf(attributes[name]);
    if (found.length) return found;
  }
  return [];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const clip = (s: string | undefined, max: number) => (s ? s.slice(0, max) : undefined);

/** What the assertion says about the person, cleaned: never trusted beyond lengths and shapes. */
export function readProfile(
  kind: IdentityProviderKind,
  mapping: AttributeMapping,
  attributes: Record<string, unknown>,
) {
  const first = (field: Field) => claimValues(kind, mapping, attributes, field)[0];
  const rawEmail = first('email')?.toLowerCase();
  const email = rawEmail && rawEmail.length <= 320 && EMAIL.test(rawEmail) ? rawEmail : undefined;
  const joined = [first('givenName'), first('familyName')].filter(Boolean).join(' ');
  const name = clip(first('name') ?? (joined || undefined), 200);
  return {
    email,
    name,
    employeeNumber: clip(first('employeeNumber'), 100),
    unit: clip(first('unit'), 200),
    groups: claimValues(kind, mapping, attributes, 'role'),
  };
}

// Case-insensitive but keeps å, ä, ö apart from a and o (they are different letters in Swedish).
const unitCollator = new Intl.Collator('sv', { sensitivity: 'accent' });

type Place = { id: string; kind: OrganisationKind; name: string; code: string | null };

/** The unit the claim names, within the IdP's organisation; otherwise the organisation itself. */
export function matchPlace(
  subtree: Place[],
  organisationId: string,
  unit: string | undefined,
  by: 'code' | 'name',
) {
  const home = subtree.find((o) => o.id === organisationId)!;
  if (!unit) return home;
  const match = subtree.find((o) => {
    const key = by === 'code' ? o.code : o.name;
    return key !== null && unitCollator.compare(key, unit) === 0;
  });
  return match ?? home;
}

/**
 * The role the rules give (the highest of those matched), kept only if it may be granted where the
 * IdP has a say: never national administrator, and only a role that fits the place. A role that does
 * not fit the unit may still fit the IdP's own organisation (a coordinator's group with a unit claim).
 */
export function chooseRole(
  mapping: AttributeMapping,
  groups: string[],
  place: Place,
  home: Place,
): { role: Role | null; at: Place; refused: Role[] } {
  const wanted = (mapping.roleRules ?? [])
    .filter((r) => groups.some((g) => unitCollator.compare(g, r.value) === 0))
    .map((r) => r.role)
    .sort((a, b) => roleRank[b] - roleRank[a]);
  const refused: Role[] = [];
  for (const role of wanted) {
    if (idpMayGrant(role, place.kind)) return { role, at: place, refused };
    if (idpMayGrant(role, home.kind)) return { role, at: home, refused };
    refused.push(role);
  }
  return {
    role: roleFitsOrganisation(PROVISIONED_ROLE, place.kind) ? PROVISIONED_ROLE : null,
    at: place,
    refused,
  };
}

/**
 * Signs a person in with what their organisation's IdP asserted: finds them by the IdP's subject,
 * else links the account with the same verified e-mail, else creates them; then refreshes name,
 * employee number, unit and role from the assertion and opens a session. One transaction: a failure
 * leaves nothing half-created.
 */
export async function signInWithIdentity(
  deps: { db: Db; config: Config },
  idp: IdentityProviderRow,
  identity: AssertedIdentity,
  meta: { userAgent: string | null; logoutHint: string | null },
): Promise<{ token: string; expiresAt: Date; userId: string }> {
  if (!idp.enabled) throw new AppError(403, 'sso_idp_disabled');
  const subject = identity.subject.trim();
  if (!subject || subject.length > 500) throw new AppError(400, 'sso_subject_missing');
  const mapping = (idp.mapping ?? {}) as AttributeMapping;
  const profile = readProfile(idp.kind, mapping, identity.attributes);
  const logoutHintEnc = meta.logoutHint ? secretBox(deps.config.secretsKey).seal(meta.logoutHint) : null;

  return deps.db.transaction(async (tx) => {
    const audit = (action: AuditAction, userId: string, after: Record<string, unknown>) =>
      recordAudit(tx, {
        actorId: userId,
        action,
        entityType: 'user',
        entityId: userId,
        organisationId: idp.organisationId,
        after: { identityProviderId: idp.id, ...after },
      });

    let user = await repo.findLinkedUser(tx, idp.id, subject);
    if (user) {
      await repo.touchIdentity(tx, idp.id, subject);
    } else {
      if (!profile.email) throw new AppError(400, 'sso_no_email');
      const existing = await repo.findUserByEmail(tx, profile.email);
      if (existing) {
        // Linking on an unverified address would hand the account to whoever typed it at the IdP.
        if (!identity.emailVerified) throw new AppError(409, 'sso_email_unverified');
        if (existing.status === 'disabled') throw new AppError(403, 'sso_account_disabled');
        await repo.linkIdentity(tx, { userId: existing.id, identityProviderId: idp.id, subject });
        await audit('sso.account_linked', existing.id, { subject });
        user = existing;
      } else {
        user = await repo.insertUser(tx, {
          email: profile.email,
          name: profile.name ?? profile.email,
          employeeNumber: profile.employeeNumber ?? null,
        });
        await repo.linkIdentity(tx, { userId: user.id, identityProviderId: idp.id, subject });
        await audit('sso.user_provisioned', user.id, { subject });
      }
    }
    if (user.status === 'disabled') throw new AppError(403, 'sso_account_disabled');

    await refreshProfile(tx, user, profile);
    await refreshMembership(tx, idp, mapping, user.id, profile, audit);

    const token = newToken();
    const expiresAt = new Date(Date.now() + deps.config.sessionTtlMs);
    await createSession(tx, {
      userId: user.id,
      tokenHash: hashToken(token),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      expiresAt,
      authMethod: 'sso',
      identityProviderId: idp.id,
      ssoLogoutHintEnc: logoutHintEnc,
    });
    await audit('sso.login', user.id, {});
    return { token, expiresAt, userId: user.id };
  });
}

async function refreshProfile(db: Db, user: repo.SsoUser, profile: ReturnType<typeof readProfile>) {
  const changes: Parameters<typeof repo.updateUser>[2] = {};
  if (profile.name && profile.name !== user.name) changes.name = profile.name;
  if (profile.employeeNumber && profile.employeeNumber !== user.employeeNumber) {
    changes.employeeNumber = profile.employeeNumber;
  }
  // An invited person who arrives through their organisation's IdP has proven who they are.
  if (user.status === 'invited') changes.status = 'active';
  if (Object.keys(changes).length) await repo.updateUser(db, user.id, changes);
}

/** Moves the membership this IdP granted to the unit and role the assertion now gives. */
async function refreshMembership(
  db: Db,
  idp: IdentityProviderRow,
  mapping: AttributeMapping,
  userId: string,
  profile: ReturnType<typeof readProfile>,
  audit: (action: AuditAction, userId: string, after: Record<string, unknown>) => Promise<void>,
) {
  const subtree = await repo.subtreeOf(db, idp.organisationId);
  const home = subtree.find((o) => o.id === idp.organisationId);
  if (!home) return;
  const place = matchPlace(subtree, idp.organisationId, profile.unit, mapping.unitMatch ?? 'name');
  const chosen = chooseRole(mapping, profile.groups, place, home);
  if (chosen.refused.length) await audit('sso.role_refused', userId, { roles: chosen.refused });

  const granted = await repo.grantedMemberships(db, userId, idp.id);
  const keep = granted.find(
    (m) => chosen.role && m.organisationId === chosen.at.id && m.role === chosen.role,
  );
  const stale = granted.filter((m) => m !== keep);
  for (const m of stale) await repo.deleteMembership(db, m.id);
  let added = false;
  if (chosen.role && !keep) {
    added = await repo.grantMembership(db, {
      userId,
      organisationId: chosen.at.id,
      role: chosen.role,
      identityProviderId: idp.id,
    });
  }
  if (stale.length || added) {
    await audit('sso.membership_changed', userId, {
      removed: stale.map((m) => ({ organisationId: m.organisationId, role: m.role })),
      granted: added ? { organisationId: chosen.at.id, role: chosen.role } : null,
    });
  }
}
