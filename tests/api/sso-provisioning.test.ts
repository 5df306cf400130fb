import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { queryRows } from '../../src/server/db/client.ts';
import { identityProviders } from '../../src/server/db/schema/index.ts';
import type { IdentityProviderRow } from '../../src/server/features/identity-providers/identity-providers.repo.ts';
import { type AssertedIdentity, signInWithIdentity } from '../../src/server/features/sso/provisioning.ts';
import { AppError } from '../../src/server/lib/errors.ts';
import { hashToken } from '../../src/server/lib/tokens.ts';
import type { AttributeMapping } from '../../src/shared/contracts/identity-providers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const config = loadConfig({
  LOG_LEVEL: 'silent',
  SECRETS_KEY: 'dGVzdC1rZXktZm9yLXNlYWxlZC1zZWNyZXRzLW9ubHk=',
} as NodeJS.ProcessEnv);
const ids = {} as Record<'falun' | 'norr' | 'soder' | 'lugnet' | 'dalarna', string>;
const orgId = async (name: string, kind: string) =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where name = ${name} and kind = ${kind}`,
    )
  )[0]!.id;
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
const auditActions = async (userId: string) =>
  (
    await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id = ${userId} and action like 'sso.%' order by id`,
    )
  ).map((r) => r.action);
const membershipsOf = (userId: string) =>
  queryRows<{ organisation_id: string; role: string; by_idp: boolean }>(
    t.db,
    sql`select m.organisation_id, m.role, (ipm.membership_id is not null) as by_idp
        from memberships m left join identity_provider_memberships ipm on ipm.membership_id = m.id
        where m.user_id = ${userId} order by m.role, m.organisation_id`,
  );

async function addIdp(
  organisationId: string,
  kind: 'oidc' | 'saml',
  mapping: AttributeMapping,
  enabled = true,
) {
  const [row] = await t.db
    .insert(identityProviders)
    .values({ organisationId, kind, name: `IdP ${kind}`, mapping, enabled, issuer: 'https://idp.example' })
    .returning();
  return row!;
}

const signIn = (idp: IdentityProviderRow, identity: AssertedIdentity, logoutHint: string | null = null) =>
  signInWithIdentity({ db: t.db, config }, idp, identity, { userAgent: 'vitest', logoutHint });

async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

let falunIdp: IdentityProviderRow;
const falunMapping: AttributeMapping = {
  unit: 'department',
  unitMatch: 'name',
  role: 'groups',
  roleRules: [
    { value: 'Enhetschefer', role: 'manager' },
    { value: 'Samordnare', role: 'municipal_coordinator' },
    { value: 'Regionen', role: 'regional_coordinator' },
    { value: 'Superadmin', role: 'national_admin' },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  ids.falun = await orgId('Falun', 'municipality');
  ids.norr = await orgId('Hemtjänsten Norr', 'unit');
  ids.soder = await orgId('Hemtjänsten Söder', 'unit');
  ids.lugnet = await orgId('Lugnets vård- och omsorgsboende', 'unit');
  ids.dalarna = await orgId('Region Dalarna', 'region');
  falunIdp = await addIdp(ids.falun, 'oidc', falunMapping);
});
afterAll(() => t.close());

describe('first sign-in provisions the person', () => {
  let userId: string;

  it('creates an active account without password in the mapped unit with the mapped role, and a session', async () => {
    const res = await signIn(
      falunIdp,
      {
        subject: 'entra-anna',
        emailVerified: true,
        attributes: {
          email: 'Anna.Lind@Falun-Sso.se',
          given_name: 'Anna',
          family_name: 'Lind',
          department: 'HEMTJÄNSTEN NORR',
          groups: ['Alla', 'Enhetschefer'],
          employee_number: 'F-1001',
        },
      },
      'id-token-hint-value',
    );
    userId = res.userId;
    const [user] = await queryRows<{
      email: string;
      name: string;
      status: string;
      password_hash: string | null;
      employee_number: string;
    }>(t.db, sql`select email, name, status, password_hash, employee_number from users where id = ${userId}`);
    expect(user).toEqual({
      email: 'anna.lind@falun-sso.se',
      name: 'Anna Lind',
      status: 'active',
      password_hash: null,
      employee_number: 'F-1001',
    });
    expect(await membershipsOf(userId)).toEqual([
      { organisation_id: ids.norr, role: 'manager', by_idp: true },
    ]);
    const [session] = await queryRows<{
      user_id: string;
      auth_method: string;
      identity_provider_id: string;
      sso_logout_hint_enc: string;
    }>(
      t.db,
      sql`select user_id, auth_method, identity_provider_id, sso_logout_hint_enc from sessions where token_hash = ${hashToken(res.token)}`,
    );
    expect(session).toMatchObject({ user_id: userId, auth_method: 'sso', identity_provider_id: falunIdp.id });
    expect(session!.sso_logout_hint_enc).not.toContain('id-token-hint-value');
    expect(await auditActions(userId)).toEqual([
      'sso.user_provisioned',
      'sso.membership_changed',
      'sso.login',
    ]);
  });

  it('the session works for the API', async () => {
    const res = await signIn(falunIdp, {
      subject: 'entra-anna',
      emailVerified: true,
      attributes: { department: 'Hemtjänsten Norr', groups: 'Enhetschefer' },
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { vn_session: res.token } });
    expect(me.statusCode).toBe(200);
    expect(me.json().name).toBe('Anna Lind');
  });

  it('a later sign-in refreshes name, employee number, unit and role; memberships people gave stay', async () => {
    await t.db.execute(
      sql`insert into memberships (user_id, organisation_id, role) values (${userId}, ${ids.lugnet}, 'staff')`,
    );
    await signIn(falunIdp, {
      subject: 'entra-anna',
      emailVerified: true,
      attributes: {
        email: 'anna.lind@falun-sso.se',
        name: 'Anna Lind-Berg',
        department: 'Hemtjänsten Söder',
        employee_number: 'F-2002',
      },
    });
    const [user] = await queryRows<{ name: string; employee_number: string }>(
      t.db,
      sql`select name, employee_number from users where id = ${userId}`,
    );
    expect(user).toEqual({ name: 'Anna Lind-Berg', employee_number: 'F-2002' });
    const after = await membershipsOf(userId);
    expect(after).toEqual(
      expect.arrayContaining([
        { organisation_id: ids.soder, role: 'staff', by_idp: true },
        { organisation_id: ids.lugnet, role: 'staff', by_idp: false },
      ]),
    );
    expect(after).toHaveLength(2);
    expect(await auditActions(userId)).toContain('sso.membership_changed');
  });

  it('the same assertion twice changes nothing more', async () => {
    const identity = {
      subject: 'entra-anna',
      emailVerified: true,
      attributes: { name: 'Anna Lind-Berg', department: 'Hemtjänsten Söder' },
    };
    await signIn(falunIdp, identity);
    const before = await membershipsOf(userId);
    const changes = (await auditActions(userId)).filter((a) => a === 'sso.membership_changed').length;
    await signIn(falunIdp, identity);
    expect(await membershipsOf(userId)).toEqual(before);
    expect((await auditActions(userId)).filter((a) => a === 'sso.membership_changed')).toHaveLength(changes);
  });
});

describe('a role from the IdP never reaches outside its organisation', () => {
  it('refuses national administrator and a regional role (audited), granting staff instead', async () => {
    const { userId } = await signIn(falunIdp, {
      subject: 'entra-eve',
      emailVerified: true,
      attributes: { email: 'eve@falun-sso.se', name: 'Eve Test', groups: ['Superadmin', 'Regionen'] },
    });
    expect(await membershipsOf(userId)).toEqual([
      { organisation_id: ids.falun, role: 'staff', by_idp: true },
    ]);
    expect(await auditActions(userId)).toContain('sso.role_refused');
    const roles = await queryRows<{ after: { roles: string[] } }>(
      t.db,
      sql`select after from audit_log where entity_id = ${userId} and action = 'sso.role_refused'`,
    );
    expect(roles[0]!.after.roles).toEqual(['national_admin', 'regional_coordinator']);
  });

  it('gives a coordinator role at the IdP’s municipality even when the unit claim names a unit', async () => {
    const { userId } = await signIn(falunIdp, {
      subject: 'entra-sam',
      emailVerified: true,
      attributes: {
        email: 'sam@falun-sso.se',
        name: 'Sam Test',
        department: 'Hemtjänsten Norr',
        groups: ['Samordnare'],
      },
    });
    expect(await membershipsOf(userId)).toEqual([
      { organisation_id: ids.falun, role: 'municipal_coordinator', by_idp: true },
    ]);
  });

  it('does not place a person in another municipality’s unit', async () => {
    const { userId } = await signIn(falunIdp, {
      subject: 'entra-out',
      emailVerified: true,
      attributes: { email: 'out@falun-sso.se', name: 'Out Test', department: 'Hemtjänsten Tjärna Ängar' },
    });
    expect(await membershipsOf(userId)).toEqual([
      { organisation_id: ids.falun, role: 'staff', by_idp: true },
    ]);
  });

  it('matches a unit by code when the mapping says so', async () => {
    await t.db.execute(sql`update organisations set code = 'FN-01' where id = ${ids.norr}`);
    const idp = await addIdp(ids.falun, 'oidc', { unit: 'unit_code', unitMatch: 'code' });
    const { userId } = await signIn(idp, {
      subject: 'code-user',
      emailVerified: true,
      attributes: { email: 'code@falun-sso.se', name: 'Code Test', unit_code: 'fn-01' },
    });
    expect(await membershipsOf(userId)).toEqual([{ organisation_id: ids.norr, role: 'staff', by_idp: true }]);
  });

  it('grants no staff role at a region (it does not fit), but the person can sign in', async () => {
    const idp = await addIdp(ids.dalarna, 'oidc', {});
    const { userId } = await signIn(idp, {
      subject: 'region-user',
      emailVerified: true,
      attributes: { email: 'r@regiondalarna-sso.se', name: 'Region Test' },
    });
    expect(await membershipsOf(userId)).toEqual([]);
  });
});

describe('linking an existing account', () => {
  const email = 'lina.persson@demo.valfardsnavet.se';

  it('refuses to link on an unverified e-mail (409), writing nothing', async () => {
    const before = await Promise.all(['users', 'user_identities', 'sessions', 'memberships'].map(count));
    const err = await refusal(
      signIn(falunIdp, {
        subject: 'entra-lina',
        emailVerified: false,
        attributes: { email, name: 'Lina P' },
      }),
    );
    expect(err.code).toBe('sso_email_unverified');
    expect(err.status).toBe(409);
    expect(await Promise.all(['users', 'user_identities', 'sessions', 'memberships'].map(count))).toEqual(
      before,
    );
  });

  it('links on a verified e-mail instead of creating a second account (audited)', async () => {
    const [lina] = await queryRows<{ id: string }>(t.db, sql`select id from users where email = ${email}`);
    const users = await count('users');
    const res = await signIn(falunIdp, {
      subject: 'entra-lina',
      emailVerified: true,
      attributes: { email: email.toUpperCase(), name: 'Lina Persson', department: 'Hemtjänsten Norr' },
    });
    expect(res.userId).toBe(lina!.id);
    expect(await count('users')).toBe(users);
    expect(await auditActions(lina!.id)).toEqual(['sso.account_linked', 'sso.login']);
    // Her own staff membership at Norr (given by people) stays hers; the IdP adds nothing on top.
    expect(await membershipsOf(lina!.id)).toEqual([
      { organisation_id: ids.norr, role: 'staff', by_idp: false },
    ]);
  });

  it('activates an invited account that arrives through the IdP', async () => {
    await t.db.execute(
      sql`insert into users (email, name, status) values ('invited@falun-sso.se', 'Invited Person', 'invited')`,
    );
    const { userId } = await signIn(falunIdp, {
      subject: 'entra-invited',
      emailVerified: true,
      attributes: { email: 'invited@falun-sso.se' },
    });
    const [row] = await queryRows<{ status: string }>(
      t.db,
      sql`select status from users where id = ${userId}`,
    );
    expect(row!.status).toBe('active');
  });
});

describe('refusals', () => {
  it('refuses a disabled account and opens no session', async () => {
    const { userId } = await signIn(falunIdp, {
      subject: 'entra-gone',
      emailVerified: true,
      attributes: { email: 'gone@falun-sso.se', name: 'Gone Test' },
    });
    await t.db.execute(sql`update users set status = 'disabled' where id = ${userId}`);
    const sessions = await count('sessions');
    const err = await refusal(
      signIn(falunIdp, { subject: 'entra-gone', emailVerified: true, attributes: {} }),
    );
    expect([err.status, err.code]).toEqual([403, 'sso_account_disabled']);
    expect(await count('sessions')).toBe(sessions);
  });

  it('refuses a new person without an e-mail address, creating nothing', async () => {
    const users = await count('users');
    const err = await refusal(
      signIn(falunIdp, { subject: 'no-mail', emailVerified: true, attributes: { name: 'X' } }),
    );
    expect([err.status, err.code]).toEqual([400, 'sso_no_email']);
    expect(await count('users')).toBe(users);
  });

  it('refuses a disabled identity provider and an empty subject', async () => {
    const off = await addIdp(ids.falun, 'oidc', {}, false);
    const err = await refusal(
      signIn(off, { subject: 'x', emailVerified: true, attributes: { email: 'x@falun-sso.se' } }),
    );
    expect([err.status, err.code]).toEqual([403, 'sso_idp_disabled']);
    const empty = await refusal(signIn(falunIdp, { subject: ' ', emailVerified: true, attributes: {} }));
    expect(empty.code).toBe('sso_subject_missing');
  });
});

describe('SAML attribute names', () => {
  it('reads the common OID and Entra attribute names by default (values as arrays)', async () => {
    const idp = await addIdp(ids.falun, 'saml', {});
    const { userId } = await signIn(idp, {
      subject: 'saml-nameid-1',
      emailVerified: true,
      attributes: {
        'urn:oid:0.9.2342.19200300.100.1.3': ['Saml.Person@falun-sso.se'],
        'urn:oid:2.5.4.42': ['Saga'],
        'urn:oid:2.5.4.4': ['Öberg'],
        'urn:oid:2.16.840.1.113730.3.1.3': ['E-77'],
      },
    });
    const [user] = await queryRows<{ email: string; name: string; employee_number: string }>(
      t.db,
      sql`select email, name, employee_number from users where id = ${userId}`,
    );
    expect(user).toEqual({ email: 'saml.person@falun-sso.se', name: 'Saga Öberg', employee_number: 'E-77' });
    const entra = await signIn(idp, {
      subject: 'saml-nameid-2',
      emailVerified: true,
      attributes: {
        'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': ['entra@falun-sso.se'],
        'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name': ['Entra Person'],
      },
    });
    const [second] = await queryRows<{ name: string }>(
      t.db,
      sql`select name from users where id = ${entra.userId}`,
    );
    expect(second!.name).toBe('Entra Person');
  });
});
