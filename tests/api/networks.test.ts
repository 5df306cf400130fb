import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { DALARNA_REFERENCE_GROUP, DALARNA_STEERING_GROUP } from '../../src/server/db/demo/networks-demo.ts';
import type { Agent } from '../support/test-app.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { codes, count, orgId } from './programmes.fixtures.ts';

let t: TestApp;
let steering: string;
let reference: string;
let region: string;
let falun: string;
let borlange: string;
beforeAll(async () => {
  t = await createTestApp();
  const ids = await queryRows<{ id: string; name: string }>(t.db, sql`select id, name from networks`);
  steering = ids.find((n) => n.name === DALARNA_STEERING_GROUP)!.id;
  reference = ids.find((n) => n.name === DALARNA_REFERENCE_GROUP)!.id;
  region = await orgId(t, 'Region Dalarna', 'region');
  falun = await orgId(t, 'Falun', 'municipality');
  borlange = await orgId(t, 'Borlänge', 'municipality');
});
afterAll(() => t.close());

const N = '/api/v1/networks';
const put = (a: Agent, url: string, payload: unknown) =>
  a.request({ method: 'PUT', url, payload: payload as object });
const names = (res: { json(): unknown }) =>
  ((res.json() as { items: { name: string }[] }).items ?? []).map((i) => i.name).sort();
const uncoveredNames = (res: { json(): unknown }) =>
  (res.json() as { coverage: { municipalities: { name: string; status: string }[] } }).coverage.municipalities
    .filter((m) => m.status === 'uncovered')
    .map((m) => m.name);
const mailTo = (to: string) =>
  queryRows<{ subject: string; text: string }>(
    t.db,
    sql`select subject, text from outbox where "to" = ${to} order by created_at desc`,
  );
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe('reading networks', () => {
  it('shows each person the groups they may read: owner scope, membership or a municipality expected in it', async () => {
    const expectations: [string, string[]][] = [
      ['region.dalarna', [DALARNA_REFERENCE_GROUP, DALARNA_STEERING_GROUP]],
      ['admin', [DALARNA_REFERENCE_GROUP, DALARNA_STEERING_GROUP]],
      // A member of both groups.
      ['samordnare.falun', [DALARNA_REFERENCE_GROUP, DALARNA_STEERING_GROUP]],
      // Borlänge is expected in the reference group, not in the steering group.
      ['samordnare.borlange', [DALARNA_REFERENCE_GROUP]],
      ['samordnare.kramfors', []],
      ['samordnare.akademinorr', []],
      ['personal.falun', []],
      ['chef.falun', []],
    ];
    for (const [who, expected] of expectations) {
      const a = await t.as(who);
      const res = await a.get(N);
      expect(res.statusCode, who).toBe(200);
      expect(names(res), who).toEqual(expected.sort());
    }
    expect((await t.app.inject({ url: N })).statusCode).toBe(401);
  });

  it('filters by kind, county and owner and refuses malformed filters', async () => {
    const a = await t.as('region.dalarna');
    expect(names(await a.get(`${N}?kind=reference_group`))).toEqual([DALARNA_REFERENCE_GROUP]);
    expect(names(await a.get(`${N}?county=20`))).toHaveLength(2);
    expect(names(await a.get(`${N}?county=01`))).toEqual([]);
    expect(names(await a.get(`${N}?owner=${region}`))).toHaveLength(2);
    expect((await a.get(`${N}?county=2`)).statusCode).toBe(400);
    expect((await a.get(`${N}?kind=club`)).statusCode).toBe(400);
    expect((await a.get(`${N}?owner=falun`)).statusCode).toBe(400);
    const list = (await a.get(N)).json().items as { name: string; uncovered: number | null }[];
    expect(list.find((n) => n.name === DALARNA_REFERENCE_GROUP)?.uncovered).toBe(3);
    expect(list.find((n) => n.name === DALARNA_STEERING_GROUP)?.uncovered).toBeNull();
    expect(list.find((n) => n.name === DALARNA_STEERING_GROUP)).toMatchObject({ activeMembers: 7 });
  });

  it('gives the Dalarna coordinator the municipalities without a representative in the reference group', async () => {
    const a = await t.as('region.dalarna');
    const res = await a.get(`${N}/${reference}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ name: DALARNA_REFERENCE_GROUP, kind: 'reference_group', canManage: true });
    expect(body.coverage).toMatchObject({
      organisation: { name: 'Region Dalarna' },
      min: 1,
      max: 2,
      uncovered: 3,
    });
    expect(body.coverage.municipalities).toHaveLength(15);
    expect(uncoveredNames(res)).toEqual(['Smedjebacken', 'Vansbro', 'Älvdalen']);
    const mora = body.coverage.municipalities.find((m: { name: string }) => m.name === 'Mora');
    expect(mora).toMatchObject({ representatives: 2, status: 'covered' });
    // A member of the group reads it but does not manage it; other regions do not see it at all.
    const member = await (await t.as('samordnare.falun')).get(`${N}/${reference}`);
    expect(member.statusCode).toBe(200);
    expect(member.json().canManage).toBe(false);
    expect((await (await t.as('samordnare.kramfors')).get(`${N}/${reference}`)).statusCode).toBe(404);
    expect((await (await t.as('personal.falun')).get(`${N}/${reference}`)).statusCode).toBe(404);
    expect((await a.get(`${N}/not-a-uuid`)).statusCode).toBe(400);
    expect((await a.get(`${N}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });
});

describe('creating and changing networks', () => {
  it('lets a coordinator create a group owned by their organisation, with an audit entry', async () => {
    const c = await t.as('samordnare.falun');
    const [rows, audit] = [await count(t, 'networks'), await count(t, 'audit_log')];
    const res = await c.post(N, {
      name: 'Nätverk för digital nattillsyn i Falun',
      kind: 'network',
      level: 'local',
      purpose: 'Erfarenhetsutbyte mellan hemtjänstgrupperna.',
      ownerOrganisationId: falun,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      owner: { id: falun, name: 'Falun' },
      canManage: true,
      coverage: null,
    });
    expect(await count(t, 'networks')).toBe(rows + 1);
    expect(await count(t, 'audit_log')).toBe(audit + 1);
    // The region reads Falun's network (it lies below the region) but does not run it; Borlänge does not see it.
    const byRegion = await (await t.as('region.dalarna')).get(`${N}/${res.json().id}`);
    expect(byRegion.statusCode).toBe(200);
    expect(byRegion.json().canManage).toBe(false);
    const regionEdit = await put(await t.as('region.dalarna'), `${N}/${res.json().id}`, {
      name: 'Regionens namn på Faluns nätverk',
      kind: 'network',
      level: 'local',
    });
    expect(regionEdit.statusCode).toBe(403);
    expect(
      (
        await (
          await t.as('region.dalarna')
        ).post(N, {
          name: 'Regionens grupp i Falun',
          kind: 'network',
          level: 'local',
          ownerOrganisationId: falun,
        })
      ).statusCode,
    ).toBe(403);
    expect(await count(t, 'networks')).toBe(rows + 1);
    expect((await (await t.as('samordnare.borlange')).get(`${N}/${res.json().id}`)).statusCode).toBe(404);
  });

  it("refuses another organisation's groups, managers and staff, writing nothing", async () => {
    const rows = await count(t, 'networks');
    const body = (owner: string) => ({
      name: 'Obehörig grupp',
      kind: 'network',
      level: 'local',
      ownerOrganisationId: owner,
    });
    const falunC = await t.as('samordnare.falun');
    expect((await falunC.post(N, body(region))).statusCode).toBe(403);
    expect((await falunC.post(N, body(borlange))).statusCode).toBe(403);
    expect((await (await t.as('samordnare.kramfors')).post(N, body(region))).statusCode).toBe(403);
    expect((await (await t.as('chef.falun')).post(N, body(falun))).statusCode).toBe(403);
    expect((await (await t.as('personal.falun')).post(N, body(falun))).statusCode).toBe(403);
    expect(await count(t, 'networks')).toBe(rows);
  });

  it('answers bad input with a clear 400 or 409, writing nothing', async () => {
    const a = await t.as('region.dalarna');
    const rows = await count(t, 'networks');
    const base = {
      name: 'Ny referensgrupp',
      kind: 'reference_group',
      level: 'regional',
      ownerOrganisationId: region,
    };
    expect((await a.post(N, { ...base, name: '' })).statusCode).toBe(400);
    expect((await a.post(N, { ...base, kind: 'club' })).statusCode).toBe(400);
    const noMin = await a.post(N, { ...base, coverageOrganisationId: region });
    expect(noMin.statusCode).toBe(400);
    expect(codes(noMin)).toEqual(['required']);
    const maxBelow = await a.post(N, {
      ...base,
      coverageOrganisationId: region,
      representativesMin: 2,
      representativesMax: 1,
    });
    expect(codes(maxBelow)).toEqual(['max_below_min']);
    const municipalityArea = await a.post(N, {
      ...base,
      coverageOrganisationId: falun,
      representativesMin: 1,
    });
    expect(codes(municipalityArea)).toEqual(['invalid_coverage_area']);
    const unitId = (
      await queryRows<{ id: string }>(t.db, sql`select id from organisations where kind = 'unit' limit 1`)
    )[0]!.id;
    const unitOwner = await a.post(N, { ...base, ownerOrganisationId: unitId });
    expect(codes(unitOwner)).toEqual(['invalid_network_owner']);
    const taken = await a.post(N, { ...base, name: DALARNA_STEERING_GROUP.toUpperCase() });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('name_taken');
    expect(await count(t, 'networks')).toBe(rows);
  });

  it('lets the owner update a group; members who do not manage it get 403, others 404', async () => {
    const a = await t.as('region.dalarna');
    const current = (await a.get(`${N}/${steering}`)).json();
    const update = {
      name: current.name,
      kind: current.kind,
      level: current.level,
      purpose: 'Leder det regionala arbetet med välfärdsteknik.',
    };
    const res = await put(a, `${N}/${steering}`, update);
    expect(res.statusCode).toBe(200);
    expect(res.json().purpose).toBe(update.purpose);
    const audit = await count(t, 'audit_log');
    expect((await put(await t.as('samordnare.falun'), `${N}/${steering}`, update)).statusCode).toBe(403);
    expect((await put(await t.as('samordnare.kramfors'), `${N}/${steering}`, update)).statusCode).toBe(404);
    expect((await put(a, `${N}/${steering}`, { ...update, level: 'galactic' })).statusCode).toBe(400);
    expect(await count(t, 'audit_log')).toBe(audit);
    expect((await a.get(`${N}/${steering}`)).json().purpose).toBe(update.purpose);
  });
});

describe('members and invitations', () => {
  it('lists members with role and represented organisation; e-mail addresses for managers only', async () => {
    const manager = (await (await t.as('region.dalarna')).get(`${N}/${steering}/members`)).json().items;
    const chair = manager.find((m: { roleInGroup: string }) => m.roleInGroup === 'chair');
    expect(chair).toMatchObject({
      name: 'Lars Dahlberg',
      representsOrganisation: { name: 'Region Dalarna' },
    });
    expect(chair.email).toBe(demoEmail('region.dalarna'));
    const external = manager.find((m: { name: string }) => m.name === 'Karl-Erik Stenvall');
    expect(external).toMatchObject({
      external: true,
      representsName: 'Högskolan Dalarna',
      roleInGroup: 'adjunct',
    });
    const member = (await (await t.as('samordnare.falun')).get(`${N}/${steering}/members`)).json().items;
    expect(member).toHaveLength(manager.length);
    expect(member.every((m: { email: string | null }) => m.email === null)).toBe(true);
    expect((await (await t.as('samordnare.kramfors')).get(`${N}/${steering}/members`)).statusCode).toBe(404);
  });

  it('adds a platform user by e-mail, once; coverage follows active representatives', async () => {
    const a = await t.as('region.dalarna');
    // Vansbro gets a representative (a platform user), Älvdalen one who then leaves.
    const vansbro = await orgId(t, 'Vansbro', 'municipality');
    const added = await a.post(`${N}/${reference}/members`, {
      email: demoEmail('samordnare.kramfors'),
      representsOrganisationId: vansbro,
      roleInGroup: 'member',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ name: 'Anders Sjöberg', status: 'active', external: false });
    const again = await a.post(`${N}/${reference}/members`, { email: demoEmail('samordnare.kramfors') });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('network_member_exists');
    expect(uncoveredNames(await a.get(`${N}/${reference}`))).toEqual(['Smedjebacken', 'Älvdalen']);

    const alvdalen = await orgId(t, 'Älvdalen', 'municipality');
    const temp = await a.post(`${N}/${reference}/members`, {
      name: 'Tillfällig Representant',
      representsOrganisationId: alvdalen,
    });
    expect(uncoveredNames(await a.get(`${N}/${reference}`))).toEqual(['Smedjebacken']);
    const left = await a.patch(`${N}/${reference}/members/${temp.json().id}`, { status: 'left' });
    expect(left.statusCode).toBe(200);
    expect(left.json().status).toBe('left');
    expect(uncoveredNames(await a.get(`${N}/${reference}`))).toEqual(['Smedjebacken', 'Älvdalen']);

    // A third representative for Mora goes over the maximum of two.
    const mora = await orgId(t, 'Mora', 'municipality');
    await a.post(`${N}/${reference}/members`, { name: 'Tredje Moraren', representsOrganisationId: mora });
    const moraRow = (await a.get(`${N}/${reference}`))
      .json()
      .coverage.municipalities.find((m: { name: string }) => m.name === 'Mora');
    expect(moraRow).toMatchObject({ representatives: 3, status: 'over' });
  });

  it('e-mails an invitation to an external person; the link activates the member once', async () => {
    const a = await t.as('region.dalarna');
    const smedjebacken = await orgId(t, 'Smedjebacken', 'municipality');
    const email = 'ny.representant@smedjebacken.example';
    const res = await a.post(`${N}/${reference}/members`, {
      name: 'Nora Representant',
      email,
      representsOrganisationId: smedjebacken,
      invite: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'invited', joinedAt: null, email });
    // Invited is not yet represented.
    expect(uncoveredNames(await a.get(`${N}/${reference}`))).toContain('Smedjebacken');
    const [mail] = await mailTo(email);
    expect(mail?.subject).toBe(`Inbjudan till ${DALARNA_REFERENCE_GROUP}`);
    const token = /\/natverk\/inbjudan\/([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
    expect(token).toBeTruthy();
    // Only the hash is stored.
    const stored = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from network_members where invitation_token_hash = ${token}`,
    );
    expect(stored[0]!.n).toBe(0);

    const visitor = t.agent();
    const view = await visitor.get(`/api/v1/network-invitations/${token}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      networkName: DALARNA_REFERENCE_GROUP,
      name: 'Nora Representant',
      ownerName: 'Region Dalarna',
    });
    const accepted = await visitor.post(`/api/v1/network-invitations/${token}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ networkId: reference, networkName: DALARNA_REFERENCE_GROUP });
    expect(uncoveredNames(await a.get(`${N}/${reference}`))).not.toContain('Smedjebacken');
    const again = await visitor.post(`/api/v1/network-invitations/${token}/accept`);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('token_invalid');
    expect((await visitor.post(`/api/v1/network-invitations/${'x'.repeat(43)}/accept`)).statusCode).toBe(404);
    expect((await visitor.post('/api/v1/network-invitations/short/accept')).statusCode).toBe(400);
  });

  it('refuses members and outsiders who do not manage the group, writing nothing', async () => {
    const rows = await count(t, 'network_members');
    const someone = (await (await t.as('region.dalarna')).get(`${N}/${reference}/members`)).json().items[0]
      .id;
    const falunC = await t.as('samordnare.falun');
    expect((await falunC.post(`${N}/${reference}/members`, { name: 'Obehörig' })).statusCode).toBe(403);
    expect(
      (await falunC.patch(`${N}/${reference}/members/${someone}`, { roleInGroup: 'chair' })).statusCode,
    ).toBe(403);
    expect((await falunC.delete(`${N}/${reference}/members/${someone}`)).statusCode).toBe(403);
    const kramfors = await t.as('samordnare.kramfors');
    expect((await kramfors.post(`${N}/${steering}/members`, { name: 'Obehörig' })).statusCode).toBe(404);
    expect((await kramfors.delete(`${N}/${steering}/members/${someone}`)).statusCode).toBe(404);
    expect((await t.agent().post(`${N}/${reference}/members`, { name: 'Anonym' })).statusCode).toBe(401);
    expect(await count(t, 'network_members')).toBe(rows);
  });

  it('answers bad member input with a clear 400, writing nothing', async () => {
    const a = await t.as('region.dalarna');
    const rows = await count(t, 'network_members');
    const url = `${N}/${steering}/members`;
    expect(codes(await a.post(url, {}))).toEqual(['required']);
    expect(codes(await a.post(url, { name: 'Utan adress', invite: true }))).toEqual(['required']);
    expect(codes(await a.post(url, { userId: '00000000-0000-4000-8000-000000000000' }))).toEqual([
      'unknown_user',
    ]);
    expect(
      codes(
        await a.post(url, { name: 'X', representsOrganisationId: '00000000-0000-4000-8000-000000000000' }),
      ),
    ).toEqual(['unknown_organisation']);
    expect((await a.post(url, { name: 'X', roleInGroup: 'king' })).statusCode).toBe(400);
    expect((await a.post(url, { name: 'X', email: 'inte-en-adress' })).statusCode).toBe(400);
    expect(await count(t, 'network_members')).toBe(rows);
    const someone = (await a.get(url)).json().items[0].id;
    expect((await a.patch(`${url}/${someone}`, {})).statusCode).toBe(400);
    expect((await a.patch(`${url}/${someone}`, { status: 'invited' })).statusCode).toBe(400);
    expect(
      (await a.patch(`${url}/00000000-0000-4000-8000-000000000000`, { roleInGroup: 'chair' })).statusCode,
    ).toBe(404);
  });

  it('removes a member added by mistake, with an audit entry', async () => {
    const a = await t.as('region.dalarna');
    const added = await a.post(`${N}/${steering}/members`, { name: 'Felaktigt Tillagd' });
    const [rows, audit] = [await count(t, 'network_members'), await count(t, 'audit_log')];
    expect((await a.delete(`${N}/${steering}/members/${added.json().id}`)).statusCode).toBe(200);
    expect(await count(t, 'network_members')).toBe(rows - 1);
    expect(await count(t, 'audit_log')).toBe(audit + 1);
    expect((await a.delete(`${N}/${steering}/members/${added.json().id}`)).statusCode).toBe(404);
  });
});

describe('meetings', () => {
  it('lists the demo meetings with minutes; members read them', async () => {
    const res = await (await t.as('samordnare.falun')).get(`${N}/${steering}/meetings`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { hasMinutes: boolean; isOpenEvent: boolean }[];
    expect(items.length).toBe(2);
    expect(items.every((m) => m.hasMinutes && !m.isOpenEvent)).toBe(true);
    expect((await (await t.as('samordnare.kramfors')).get(`${N}/${steering}/meetings`)).statusCode).toBe(404);
    const conference = (
      (await (await t.as('region.dalarna')).get(`${N}/${reference}/meetings`)).json().items as {
        isOpenEvent: boolean;
        registrations: number;
        capacity: number;
      }[]
    ).find((m) => m.isOpenEvent);
    expect(conference).toMatchObject({ registrations: 6, capacity: 80 });
  });

  it('records agenda, minutes, decisions and attendance; refuses non-managers and strangers', async () => {
    const a = await t.as('region.dalarna');
    const created = await a.post(`${N}/${steering}/meetings`, {
      title: 'Extra styrgruppsmöte',
      startsAt: '2026-12-10T13:00:00+01:00',
      endsAt: '2026-12-10T15:00:00+01:00',
      location: 'Digitalt',
      agenda: '1. Budget',
    });
    expect(created.statusCode).toBe(201);
    const meeting = created.json();
    expect(meeting).toMatchObject({ isOpenEvent: false, capacity: null, canManage: true, minutes: null });
    expect(meeting.attendance.length).toBeGreaterThan(3);
    const [first, second] = meeting.attendance as { memberId: string }[];
    const url = `${N}/${steering}/meetings/${meeting.id}`;
    const saved = await put(a, url, {
      minutes: 'Budgeten för 2027 gicks igenom.',
      decisions: ['Budgeten fastställs.', 'Nästa möte i februari.'],
      attendance: [
        { memberId: first!.memberId, present: true },
        { memberId: second!.memberId, present: false },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ minutes: 'Budgeten för 2027 gicks igenom.', hasMinutes: true });
    expect(saved.json().decisions).toEqual(['Budgeten fastställs.', 'Nästa möte i februari.']);
    const att = new Map(
      (saved.json().attendance as { memberId: string; present: boolean | null }[]).map((x) => [
        x.memberId,
        x.present,
      ]),
    );
    expect(att.get(first!.memberId)).toBe(true);
    expect(att.get(second!.memberId)).toBe(false);

    const rows = [await count(t, 'network_meetings'), await count(t, 'network_meeting_attendance')];
    const falunC = await t.as('samordnare.falun');
    expect((await falunC.get(url)).statusCode).toBe(200);
    expect((await put(falunC, url, { minutes: 'Ändrat av obehörig' })).statusCode).toBe(403);
    expect(
      (await falunC.post(`${N}/${steering}/meetings`, { title: 'X', startsAt: inAnHour() })).statusCode,
    ).toBe(403);
    const kramfors = await t.as('samordnare.kramfors');
    expect((await kramfors.get(url)).statusCode).toBe(404);
    expect((await put(kramfors, url, { minutes: 'Ändrat av obehörig' })).statusCode).toBe(404);
    expect([await count(t, 'network_meetings'), await count(t, 'network_meeting_attendance')]).toEqual(rows);
    expect((await a.get(url)).json().minutes).toBe('Budgeten för 2027 gicks igenom.');
  });

  it('answers bad meeting input with a clear 400, writing nothing', async () => {
    const a = await t.as('region.dalarna');
    const rows = await count(t, 'network_meetings');
    const url = `${N}/${steering}/meetings`;
    const endsFirst = await a.post(url, {
      title: 'Baklänges',
      startsAt: '2026-12-10T13:00:00+01:00',
      endsAt: '2026-12-10T12:00:00+01:00',
    });
    expect(codes(endsFirst)).toEqual(['ends_before_start']);
    expect(
      codes(await a.post(url, { title: 'Evenemang utan plats', startsAt: inAnHour(), isOpenEvent: true })),
    ).toEqual(['required']);
    expect((await a.post(url, { title: 'Utan tid' })).statusCode).toBe(400);
    expect((await a.post(url, { title: 'X', startsAt: 'i morgon' })).statusCode).toBe(400);
    expect(
      (await a.post(url, { title: 'X', startsAt: inAnHour(), onlineUrl: 'javascript:alert(1)' })).statusCode,
    ).toBe(400);
    expect(await count(t, 'network_meetings')).toBe(rows);

    const meeting = (await a.get(url)).json().items[0].id;
    const attendance = await count(t, 'network_meeting_attendance');
    const foreign = (await a.get(`${N}/${reference}/members`))
      .json()
      .items.find((m: { name: string }) => m.name === 'Rasmus Lindh').id;
    const wrong = await put(a, `${url}/${meeting}`, {
      minutes: 'Ska inte sparas',
      attendance: [{ memberId: foreign, present: true }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(codes(wrong)).toEqual(['not_network_member']);
    expect(await count(t, 'network_meeting_attendance')).toBe(attendance);
    expect((await a.get(`${url}/${meeting}`)).json().minutes).not.toBe('Ska inte sparas');
    expect((await put(a, `${url}/${meeting}`, { decisions: [''] })).statusCode).toBe(400);
  });
});

describe('open events', () => {
  const createEvent = async (extra: Record<string, unknown> = {}) => {
    const a = await t.as('region.dalarna');
    const res = await a.post(`${N}/${reference}/meetings`, {
      title: `Webbinarium ${Math.random().toString(36).slice(2, 8)}`,
      startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      location: 'Falun',
      isOpenEvent: true,
      capacity: 3,
      ...extra,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const register = (meetingId: string, email: string, extra: Record<string, unknown> = {}) =>
    t.agent().post(`/api/v1/events/${meetingId}/registrations`, { name: 'Deltagare', email, ...extra });

  it('shows the demo conference publicly, with places left, without the online link', async () => {
    const id = (
      await queryRows<{ id: string }>(t.db, sql`select id from network_meetings where is_open_event limit 1`)
    )[0]!.id;
    const res = await t.agent().get(`/api/v1/events/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      organiser: 'Region Dalarna',
      capacity: 80,
      seatsLeft: 74,
      registrationOpen: true,
      online: true,
    });
    expect(JSON.stringify(res.json())).not.toContain('https://');
    const ordinary = (await (await t.as('region.dalarna')).get(`${N}/${steering}/meetings`)).json().items[0]
      .id;
    expect((await t.agent().get(`/api/v1/events/${ordinary}`)).statusCode).toBe(404);
    expect((await t.agent().get('/api/v1/events/nope')).statusCode).toBe(400);
  });

  it('registers until full, then answers 409 event_full; the same address twice is already_registered', async () => {
    const id = await createEvent();
    const first = await register(id, 'anna@exempel.se', { organisationName: 'Gagnefs kommun' });
    expect(first.statusCode).toBe(201);
    expect(first.json().seatsLeft).toBe(2);
    const [mail] = await mailTo('anna@exempel.se');
    expect(mail?.subject).toMatch(/^Anmälan bekräftad: Webbinarium/);
    const twice = await register(id, 'ANNA@exempel.se');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_registered');
    expect((await register(id, 'bo@exempel.se')).statusCode).toBe(201);
    expect((await register(id, 'cecilia@exempel.se')).json().seatsLeft).toBe(0);
    const full = await register(id, 'david@exempel.se');
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({
      code: 'event_full',
      title: 'Evenemanget är fullbokat. Det finns inga platser kvar.',
    });
    const page = (await t.agent().get(`/api/v1/events/${id}`)).json();
    expect(page).toMatchObject({ seatsLeft: 0, registrationOpen: false });
    expect(
      (
        await queryRows<{ n: number }>(
          t.db,
          sql`select count(*)::int as n from event_registrations where meeting_id = ${id}`,
        )
      )[0]!.n,
    ).toBe(3);
  });

  it('does not overbook under concurrent registrations', async () => {
    const id = await createEvent({ capacity: 5 });
    const agents = Array.from({ length: 12 }, () => t.agent());
    // Each agent fetches its CSRF token first, so that the registrations themselves race.
    await Promise.all(agents.map((a) => a.post('/api/v1/no-such-route')));
    const results = await Promise.all(
      agents.map((a, i) =>
        a.post(`/api/v1/events/${id}/registrations`, { name: `Person ${i}`, email: `p${i}@exempel.se` }),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'event_full')).toBe(
      true,
    );
    expect(
      (
        await queryRows<{ n: number }>(
          t.db,
          sql`select count(*)::int as n from event_registrations where meeting_id = ${id}`,
        )
      )[0]!.n,
    ).toBe(5);
  });

  it('refuses closed registration, an unavailable way of attending and bad input, writing nothing', async () => {
    const closed = await createEvent({ registrationClosesAt: new Date(Date.now() - 60_000).toISOString() });
    const onSiteOnly = await createEvent();
    const rows = await count(t, 'event_registrations');
    const late = await register(closed, 'sen@exempel.se');
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('registration_closed');
    expect(codes(await register(onSiteOnly, 'online@exempel.se', { attendance: 'online' }))).toEqual([
      'attendance_unavailable',
    ]);
    expect((await register(onSiteOnly, 'inte-en-adress')).statusCode).toBe(400);
    expect(
      (await t.agent().post(`/api/v1/events/${onSiteOnly}/registrations`, { email: 'a@b.se' })).statusCode,
    ).toBe(400);
    expect((await register('00000000-0000-4000-8000-000000000000', 'x@exempel.se')).statusCode).toBe(404);
    expect(await count(t, 'event_registrations')).toBe(rows);
  });

  it('shows the participant list to the managers of the group only', async () => {
    const id = await createEvent();
    await register(id, 'lista@exempel.se', { name: 'Lista Person', organisationName: 'Säters kommun' });
    const url = `${N}/${reference}/meetings/${id}/registrations`;
    const res = await (await t.as('region.dalarna')).get(url);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        name: 'Lista Person',
        email: 'lista@exempel.se',
        organisationName: 'Säters kommun',
      }),
    ]);
    expect((await (await t.as('samordnare.falun')).get(url)).statusCode).toBe(403);
    // Kramfors's coordinator joined the reference group earlier in this file: a member, not a manager.
    expect((await (await t.as('samordnare.kramfors')).get(url)).statusCode).toBe(403);
    expect((await (await t.as('samordnare.akademinorr')).get(url)).statusCode).toBe(404);
    expect((await t.agent().get(url)).statusCode).toBe(401);
    const ordinary = (await (await t.as('region.dalarna')).get(`${N}/${steering}/meetings`)).json().items[0]
      .id;
    expect(
      (await (await t.as('region.dalarna')).get(`${N}/${steering}/meetings/${ordinary}/registrations`))
        .statusCode,
    ).toBe(404);
  });

  it('does not let a smaller capacity drop people who have registered', async () => {
    const id = await createEvent({ capacity: 10 });
    await register(id, 'ett@exempel.se');
    await register(id, 'tva@exempel.se');
    const a = await t.as('region.dalarna');
    const res = await put(a, `${N}/${reference}/meetings/${id}`, { capacity: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('capacity_below_registrations');
    expect((await put(a, `${N}/${reference}/meetings/${id}`, { capacity: 2 })).json().capacity).toBe(2);
  });
});

describe('rate limits on the public routes', () => {
  it('answers 429 rate_limited when one client asks too often', async () => {
    const limited = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const [event] = await queryRows<{ id: string }>(
        limited.db,
        sql`select id from network_meetings where is_open_event limit 1`,
      );
      const responses = [];
      for (let i = 0; i < 4; i++)
        responses.push(await limited.app.inject({ url: `/api/v1/events/${event!.id}` }));
      expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 429]);
      expect(responses[3]!.json().code).toBe('rate_limited');
      // Each route counts on its own (as the login route does): registering is limited the same way.
      const visitor = limited.agent();
      const posts = [];
      for (let i = 0; i < 4; i++)
        posts.push(
          await visitor.post(`/api/v1/events/${event!.id}/registrations`, {
            name: 'X',
            email: `rl${i}@exempel.se`,
          }),
        );
      expect(posts.map((r) => r.statusCode)).toEqual([201, 201, 201, 429]);
    } finally {
      await limited.close();
    }
  });
});
