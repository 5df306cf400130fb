import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type Agent, createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { associationId, expectProblem, orgId, put } from './support.fixtures.ts';

/** Contacts with external actors: who logs, who reads, links, search and follow-ups (issue 17). */

let t: TestApp;
let region: Agent;
let falun: Agent;
let borlange: Agent;
let kramfors: Agent;
let norr: Agent;
let otherRegion: Agent;
let staff: Agent;
let manager: Agent;
let admin: Agent;
const ids: Record<string, string> = {};
let lock: string;
let alarm: string;

const TABLES = [
  'external_contacts',
  'external_contact_technologies',
  'external_contact_municipalities',
  'audit_log',
];
async function counts() {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`);
    out[table] = row!.n;
  }
  return out;
}

/** A regional coordinator of Region Västernorrland: a coordinator of another region. */
async function otherRegionCoordinator() {
  const [user] = await queryRows<{ id: string }>(
    t.db,
    sql`insert into users (email, name, status, password_hash)
        select ${demoEmail('kontakter.vasternorrland')}, 'Vera Testlund', 'active', password_hash from users
        where email = ${demoEmail('region.dalarna')} returning id`,
  );
  await t.db.execute(
    sql`insert into memberships (user_id, organisation_id, role)
        values (${user!.id}, ${ids.vasternorrland}, 'regional_coordinator')`,
  );
  return t.as('kontakter.vasternorrland');
}

const body = (extra: Record<string, unknown> = {}) => ({
  ownerId: ids.dalarna,
  occurredOn: '2026-11-12',
  kind: 'market_dialogue',
  actorKind: 'supplier',
  actorName: 'Låsbolaget Fiktiv AB',
  supplierId: ids.supplier,
  meetingId: ids.meeting,
  topic: 'Marknadsdialog om digitala lås i särskilt boende',
  outcome: 'Låsen kan öppnas med kommunens nyckelsystem; loggarna kan exporteras.',
  followUp: 'Skicka frågor om dataexport till leverantören',
  followUpOn: '2026-12-20',
  technologyKeys: [lock],
  municipalityIds: [ids.falun, ids.borlange],
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  [region, falun, borlange, kramfors, norr, staff, manager, admin] = await Promise.all([
    t.as('region.dalarna'),
    t.as('samordnare.falun'),
    t.as('samordnare.borlange'),
    t.as('samordnare.kramfors'),
    t.as('samordnare.akademinorr'),
    t.as('personal.falun'),
    t.as('chef.falun'),
    t.as('admin'),
  ]);
  ids.dalarna = await orgId(t, 'region', '20');
  ids.vasternorrland = await orgId(t, 'region', '22');
  ids.falun = await orgId(t, 'municipality', '2080');
  ids.borlange = await orgId(t, 'municipality', '2081');
  ids.kramfors = await orgId(t, 'municipality', '2282');
  ids.norr = await associationId(t, 'Akademi Norr');
  otherRegion = await otherRegionCoordinator();
  const one = async (q: ReturnType<typeof sql>) => (await queryRows<{ v: string }>(t.db, q))[0]!.v;
  ids.meeting = await one(
    sql`select mt.id::text as v from network_meetings mt join networks n on n.id = mt.network_id
        where n.owner_organisation_id = ${ids.dalarna} order by mt.starts_at limit 1`,
  );
  // A group of Akademi Norr's with a meeting: not Dalarna's to link.
  const network = await one(
    sql`insert into networks (name, kind, level, owner_organisation_id)
        values ('Norrgruppen', 'network', 'association', ${ids.norr}) returning id::text as v`,
  );
  ids.otherMeeting = await one(
    sql`insert into network_meetings (network_id, title, starts_at)
        values (${network}, 'Norrgruppens möte', now()) returning id::text as v`,
  );
  ids.supplier = await one(sql`select id::text as v from suppliers where merged_into is null limit 1`);
  lock = await one(sql`select key as v from technologies where key = 'digital-lock'`);
  alarm = await one(sql`select key as v from technologies where key = 'digital-safety-alarm'`);
});
afterAll(() => t.close());

describe('logging a contact', () => {
  it("lets the region's coordinator log a market dialogue linked to its group meeting and a supplier", async () => {
    const res = await region.post('/api/v1/external-contacts', body());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      owner: { id: ids.dalarna, kind: 'region' },
      kind: 'market_dialogue',
      actorKind: 'supplier',
      supplier: { id: ids.supplier },
      meeting: { id: ids.meeting },
      technologies: [{ key: lock }],
      followUpOn: '2026-12-20',
      followUpDoneAt: null,
      canEdit: true,
    });
    expect(
      res
        .json()
        .municipalities.map((m: { code: string }) => m.code)
        .sort(),
    ).toEqual(['2080', '2081']);
    ids.contact = res.json().id;
    const [audit] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'external_contact.created' and entity_id = ${ids.contact}`,
    );
    expect(audit!.n).toBe(1);
  });

  it('refuses municipalities, staff, managers, an association and another region, writing nothing', async () => {
    const before = await counts();
    for (const a of [falun, staff, manager, norr, otherRegion])
      expectProblem(await a.post('/api/v1/external-contacts', body()), 403, 'forbidden');
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ technologyKeys: [lock, 'finns-inte'] }, 'body.technologyKeys.1'],
      [{ municipalityIds: [ids.falun, ids.kramfors] }, 'body.municipalityIds.1'],
      [{ meetingId: ids.otherMeeting }, 'body.meetingId'],
      [{ topic: '   ' }, 'body.topic'],
      [{ occurredOn: '2026-13-45' }, 'body.occurredOn'],
      [{ followUpOn: 'i morgon' }, 'body.followUpOn'],
      [{ actorKind: 'grannen' }, 'body.actorKind'],
      [{ supplierId: '00000000-0000-4000-8000-000000000000' }, 'body.supplierId'],
      [{ procurementId: '00000000-0000-4000-8000-000000000000' }, 'body.procurementId'],
      [{ ownerId: ids.falun }, 'body.ownerId'],
    ];
    for (const [extra, path] of cases) {
      const res = await region.post('/api/v1/external-contacts', body(extra));
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('reading the logs', () => {
  const listed = async (a: Agent, query = '') =>
    (await a.get(`/api/v1/external-contacts?limit=200${query}`))
      .json()
      .items.map((c: { id: string }) => c.id);

  it("shows the region's log to its municipalities' coordinators, not to other regions' or to staff", async () => {
    expect(await listed(falun)).toContain(ids.contact);
    expect(await listed(borlange)).toContain(ids.contact);
    expect(await listed(admin)).toContain(ids.contact);
    expect(await listed(kramfors)).not.toContain(ids.contact);
    expect(await listed(norr)).not.toContain(ids.contact);
    expect(await listed(otherRegion)).not.toContain(ids.contact);
    const seen = await falun.get(`/api/v1/external-contacts/${ids.contact}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ canEdit: false, outcome: expect.stringContaining('Låsen') });
    expectProblem(await kramfors.get(`/api/v1/external-contacts/${ids.contact}`), 404, 'not_found');
    expectProblem(await otherRegion.get(`/api/v1/external-contacts/${ids.contact}`), 404, 'not_found');
    for (const a of [staff, manager]) {
      expectProblem(await a.get('/api/v1/external-contacts'), 403, 'forbidden');
      expectProblem(await a.get(`/api/v1/external-contacts/${ids.contact}`), 403, 'forbidden');
    }
  });

  it('finds "låsen" when searching for "lås", and filters by actor, technology, municipality, supplier and owner', async () => {
    expect(await listed(falun, `&q=${encodeURIComponent('lås')}`)).toContain(ids.contact);
    expect(await listed(falun, '&q=trygghetslarm')).not.toContain(ids.contact);
    expect(await listed(falun, '&actorKind=supplier')).toContain(ids.contact);
    expect(await listed(falun, '&actorKind=inera')).not.toContain(ids.contact);
    expect(await listed(falun, `&technology=${lock}`)).toContain(ids.contact);
    expect(await listed(falun, `&technology=${alarm}`)).not.toContain(ids.contact);
    expect(await listed(falun, '&municipality=2080')).toContain(ids.contact);
    expect(await listed(falun, '&municipality=2082')).not.toContain(ids.contact);
    expect(await listed(falun, `&supplier=${ids.supplier}`)).toContain(ids.contact);
    expect(await listed(falun, `&owner=${ids.dalarna}`)).toContain(ids.contact);
    expect(await listed(falun, `&owner=${ids.norr}`)).not.toContain(ids.contact);
    expect(await listed(falun, '&followUp=open')).toContain(ids.contact);
  });

  it('pages newest first and refuses bad filters naming them', async () => {
    await region.post(
      '/api/v1/external-contacts',
      body({ occurredOn: '2026-11-01', topic: 'Äldre kontakt' }),
    );
    const first = (await falun.get('/api/v1/external-contacts?limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeTruthy();
    const second = (
      await falun.get(`/api/v1/external-contacts?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    expect(second.items[0].occurredOn <= first.items[0].occurredOn).toBe(true);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    for (const [query, path] of [
      ['municipality=20800', 'querystring.municipality'],
      ['actorKind=grannen', 'querystring.actorKind'],
      ['cursor=x', 'querystring.cursor'],
      ['owner=nej', 'querystring.owner'],
    ])
      expectProblem(await falun.get(`/api/v1/external-contacts?${query}`), 400, 'validation_failed', path);
  });

  it("offers the owner's municipalities, group meetings and the register to its writer only", async () => {
    const mine = (await region.get(`/api/v1/external-contacts/choices?owner=${ids.dalarna}`)).json();
    expect(mine.municipalities).toHaveLength(15);
    expect(mine.meetings.map((m: { id: string }) => m.id)).toContain(ids.meeting);
    expect(mine.meetings.map((m: { id: string }) => m.id)).not.toContain(ids.otherMeeting);
    expect(mine.suppliers.length).toBeGreaterThan(0);
    const read = (await falun.get('/api/v1/external-contacts/choices')).json();
    expect(read.owners).toContainEqual(expect.objectContaining({ id: ids.dalarna, canWrite: false }));
    expectProblem(
      await falun.get(`/api/v1/external-contacts/choices?owner=${ids.dalarna}`),
      403,
      'forbidden',
    );
    expectProblem(await staff.get('/api/v1/external-contacts/choices'), 403, 'forbidden');
  });
});

describe('the demo log', () => {
  it("holds Region Dalarna's contacts, the market dialogue on locks linked to the reference group's meeting", async () => {
    const log = (
      await falun.get(`/api/v1/external-contacts?owner=${ids.dalarna}&q=${encodeURIComponent('lås')}`)
    ).json();
    const dialogue = log.items.find(
      (c: { topic: string }) => c.topic === 'Marknadsdialog om digitala lås i hemtjänsten',
    );
    expect(dialogue).toMatchObject({ kind: 'market_dialogue', supplier: { name: 'Låsbolaget Fiktiv AB' } });
    const view = (await falun.get(`/api/v1/external-contacts/${dialogue.id}`)).json();
    expect(view.meeting?.title).toBe('Referensgruppen – erfarenhetsutbyte digitala lås');
    const [n] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from external_contacts where owner_organisation_id = ${ids.dalarna}`,
    );
    expect(n!.n).toBeGreaterThanOrEqual(8);
  });
});

describe('changing, following up and deleting', () => {
  const url = () => `/api/v1/external-contacts/${ids.contact}`;
  const updateBody = () => {
    const { ownerId: _, ...rest } = body();
    return rest;
  };

  it("lets only the owner's coordinators change a contact, refusing bad input untouched", async () => {
    const update = updateBody();
    const res = await put(region, url(), { ...update, topic: 'Marknadsdialog om digitala lås, uppföljd' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().topic).toBe('Marknadsdialog om digitala lås, uppföljd');
    expectProblem(await put(falun, url(), update), 403, 'forbidden');
    expectProblem(await put(otherRegion, url(), update), 404, 'not_found');
    expectProblem(await put(staff, url(), update), 403, 'forbidden');
    const before = await counts();
    const bad = await put(region, url(), { ...update, municipalityIds: [ids.kramfors] });
    expectProblem(bad, 400, 'validation_failed', 'body.municipalityIds.0');
    expectProblem(await put(region, url(), { ...update, topic: '' }), 400, 'validation_failed', 'body.topic');
    expect(await counts()).toEqual(before);
  });

  it("waits on the region's start page until its follow-up is marked done", async () => {
    const todos = async (a: Agent) =>
      ((await a.get('/api/v1/me/start')).json().todos as { kind: string; count: number }[]).filter(
        (x) => x.kind === 'external_contact_followup',
      );
    expect((await todos(region))[0]?.count).toBeGreaterThanOrEqual(1);
    expect(await todos(falun)).toEqual([]);
    const before = (await todos(region))[0]!.count;
    expectProblem(await falun.post(`${url()}/follow-up-done`), 403, 'forbidden');
    expectProblem(await kramfors.post(`${url()}/follow-up-done`), 404, 'not_found');
    const done = await region.post(`${url()}/follow-up-done`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().followUpDoneAt).toBeTruthy();
    expect((await todos(region))[0]?.count ?? 0).toBe(before - 1);
    const plain = await region.post(
      '/api/v1/external-contacts',
      body({ followUp: null, followUpOn: null, topic: 'Samtal utan uppföljning' }),
    );
    expectProblem(
      await region.post(`/api/v1/external-contacts/${plain.json().id}/follow-up-done`),
      409,
      'external_contact_no_follow_up',
    );
  });

  it("deletes for the owner's coordinators only, audited", async () => {
    expectProblem(await falun.delete(url()), 403, 'forbidden');
    expectProblem(await otherRegion.delete(url()), 404, 'not_found');
    expectProblem(await norr.delete(url()), 404, 'not_found');
    expect((await region.delete(url())).statusCode).toBe(200);
    expectProblem(await region.get(url()), 404, 'not_found');
    const rows = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id = ${ids.contact} order by id`,
    );
    expect(rows.map((r) => r.action)).toEqual([
      'external_contact.created',
      'external_contact.updated',
      'external_contact.follow_up_done',
      'external_contact.deleted',
    ]);
  });
});
