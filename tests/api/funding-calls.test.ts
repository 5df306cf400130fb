import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { sendFundingReminders } from '../../src/server/features/funding-calls/funding-reminders.ts';
import { swedishToday } from '../../src/server/features/funding-calls/funding-risk.ts';
import { createMailer } from '../../src/server/features/mail/mailer.ts';
import { multipartFile } from '../support/multipart.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';
import { count, orgId } from './programmes.fixtures.ts';

let t: TestApp;
let admin: Agent;
let region: Agent;
let falun: Agent;
let borlange: Agent;
let nationId: string;
let dalarnaId: string;
beforeAll(async () => {
  t = await createTestApp();
  [admin, region, falun, borlange] = await Promise.all([
    t.as('admin'),
    t.as('region.dalarna'),
    t.as('samordnare.falun'),
    t.as('samordnare.borlange'),
  ]);
  nationId = (
    await queryRows<{ id: string }>(t.db, sql`select id from organisations where kind = 'nation'`)
  )[0]!.id;
  dalarnaId = await orgId(t, 'Region Dalarna', 'region');
});
afterAll(() => t.close());

const day = (offset: number) => {
  const d = new Date(`${swedishToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const call = (scopeOrganisationId: string, extra: Record<string, unknown> = {}) => ({
  scopeOrganisationId,
  title: 'Testmedel för välfärdsteknik',
  year: 2027,
  totalSek: 1_000_000,
  allocationKey: 'population_80_plus',
  requisitionDeadline: day(60),
  reportingDeadline: day(300),
  ...extra,
});
const writes = async () =>
  (await count(t, 'funding_calls')) + (await count(t, 'funding_allocations')) + (await count(t, 'audit_log'));
const fieldCodes = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { path: string; code: string }[] }).errors ?? []).map(
    (e) => `${e.path}:${e.code}`,
  );
const upload = (a: Agent, id: string, csv: Buffer, dryRun = false) => {
  const m = multipartFile('file', 'nyckel.csv', csv);
  return a.request({
    method: 'POST',
    url: `/api/v1/funding-calls/${id}/allocations/key${dryRun ? '?dryRun=true' : ''}`,
    payload: m.payload,
    headers: m.headers,
  });
};
const dalarnaKey = iconv.encode(
  'Kommun;Invånare 80+\r\nFalun;4 300\r\nBorlänge;3 900\r\nLudvika;2 600\r\nÄlvdalen;801\r\n',
  'win1252',
);
const demoCall = async (titleStart: string) =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from funding_calls where title like ${`${titleStart}%`}`,
    )
  )[0]!.id;

describe('funding calls', () => {
  it('lets owners create calls (the nation nationally, a region for itself) and refuses everyone else', async () => {
    const national = await admin.post('/api/v1/funding-calls', call(nationId));
    expect(national.statusCode).toBe(201);
    expect(national.json()).toMatchObject({ status: 'draft', canManage: true, scope: { kind: 'nation' } });
    const regional = await region.post(
      '/api/v1/funding-calls',
      call(dalarnaId, { title: 'Dalarnas testmedel' }),
    );
    expect(regional.statusCode).toBe(201);
    expect(regional.json()).toMatchObject({ owner: { id: dalarnaId }, canManage: true });

    const before = await writes();
    // A region never creates (or manages) a national call; a municipality creates none.
    expect((await region.post('/api/v1/funding-calls', call(nationId))).statusCode).toBe(403);
    expect((await falun.post('/api/v1/funding-calls', call(dalarnaId))).statusCode).toBe(403);
    expect(
      (await (await t.as('personal.falun')).post('/api/v1/funding-calls', call(dalarnaId))).statusCode,
    ).toBe(403);
    // A draft is hidden from everyone but its owners (404); once opened, the region reads but does not manage it.
    expect(
      (await region.patch(`/api/v1/funding-calls/${national.json().id}`, { title: 'Nytt namn' })).statusCode,
    ).toBe(404);
    // Bad input: a clear 400 naming the field, nothing written.
    const negative = await admin.post('/api/v1/funding-calls', call(nationId, { totalSek: -5 }));
    expect(negative.statusCode).toBe(400);
    expect(fieldCodes(negative)).toEqual(['body.totalSek:negative']);
    const order = await admin.post('/api/v1/funding-calls', call(nationId, { reportingDeadline: day(10) }));
    expect(order.statusCode).toBe(400);
    expect(fieldCodes(order)).toEqual(['body.reportingDeadline:reporting_before_requisition']);
    const falunId = await orgId(t, 'Falun', 'municipality');
    const owner = await admin.post('/api/v1/funding-calls', call(falunId));
    expect(fieldCodes(owner)).toEqual(['body.scopeOrganisationId:funding_owner_kind']);
    const patchOrder = await admin.patch(`/api/v1/funding-calls/${national.json().id}`, {
      reportingDeadline: day(30),
    });
    expect(fieldCodes(patchOrder)).toEqual(['body.reportingDeadline:reporting_before_requisition']);
    expect(await writes()).toBe(before);
    const draftId = national.json().id;
    expect((await admin.patch(`/api/v1/funding-calls/${draftId}`, { status: 'closed' })).statusCode).toBe(
      200,
    );
    expect((await region.get(`/api/v1/funding-calls/${draftId}`)).json().canManage).toBe(false);
    expect((await region.patch(`/api/v1/funding-calls/${draftId}`, { status: 'open' })).statusCode).toBe(403);
    await admin.patch(`/api/v1/funding-calls/${draftId}`, { status: 'draft' });

    // A draft is the owners' own; staff and managers take no part in stimulus funds.
    expect((await falun.get(`/api/v1/funding-calls/${national.json().id}`)).statusCode).toBe(404);
    expect((await (await t.as('personal.falun')).get('/api/v1/funding-calls')).statusCode).toBe(403);
    expect((await (await t.as('chef.falun')).get('/api/v1/funding-calls')).statusCode).toBe(403);
    const list = (await falun.get('/api/v1/funding-calls')).json();
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(national.json().id);
    expect(list.canCreateAt).toEqual([]);
    expect((await region.get('/api/v1/funding-calls')).json().canCreateAt).toMatchObject([{ id: dalarnaId }]);
  });

  it('computes allocations from an Excel key file by the largest remainder, and writes nothing on errors', async () => {
    const created = (
      await region.post('/api/v1/funding-calls', call(dalarnaId, { totalSek: 1_000_003 }))
    ).json();
    const preview = await upload(region, created.id, dalarnaKey, true);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ saved: false, keyTotal: 11_601, errors: [] });
    expect(p.rows.reduce((a: number, r: { allocatedSek: number }) => a + r.allocatedSek, 0)).toBe(1_000_003);
    expect(await count(t, 'funding_allocations')).toBeGreaterThan(0);
    const beforeRows = (await region.get(`/api/v1/funding-calls/${created.id}/allocations`)).json().rows;
    expect(beforeRows).toEqual([]);

    const bad = Buffer.from('Kommunkod;Invånare 80+\n2080;-1\n0180;400\n9999;5\n', 'utf8');
    const shown = (await upload(region, created.id, bad, true)).json();
    expect(shown.errors.map((e: { line: number; code: string }) => `${e.line}:${e.code}`)).toEqual([
      '2:negative',
      '3:municipality_outside_call',
      '4:unknown_municipality',
    ]);
    // A municipality learns nothing of a draft, and may not set allocations once it is opened.
    expect((await upload(falun, created.id, dalarnaKey)).statusCode).toBe(404);
    await region.patch(`/api/v1/funding-calls/${created.id}`, { status: 'open' });
    const before = await writes();
    const refused = await upload(region, created.id, bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('funding_key_invalid');
    expect(fieldCodes(refused)).toContain('file.line.3.municipality:municipality_outside_call');
    expect((await upload(falun, created.id, dalarnaKey)).statusCode).toBe(403);
    expect(await writes()).toBe(before);

    const saved = await upload(region, created.id, dalarnaKey);
    expect(saved.json().saved).toBe(true);
    const overview = (await region.get(`/api/v1/funding-calls/${created.id}/allocations`)).json();
    expect(overview.view).toBe('owner');
    expect(overview.rows.map((r: { municipality: { code: string } }) => r.municipality.code)).toEqual([
      '2039',
      '2080',
      '2081',
      '2085',
    ]);
    expect(overview.totals.allocatedSek).toBe(1_000_003);
  });

  it('takes entered allocations within the total and the call’s area', async () => {
    const created = (
      await region.post('/api/v1/funding-calls', call(dalarnaId, { allocationKey: 'entered' }))
    ).json();
    const url = `/api/v1/funding-calls/${created.id}/allocations`;
    const ok = await region.request({
      method: 'PUT',
      url,
      payload: {
        allocations: [
          { municipalityCode: '2080', allocatedSek: 600_000 },
          { municipalityCode: '2081', allocatedSek: 400_000 },
        ],
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().totals).toMatchObject({ municipalities: 2, allocatedSek: 1_000_000 });
    await region.patch(`/api/v1/funding-calls/${created.id}`, { status: 'open' });
    const before = await writes();
    const over = await region.request({
      method: 'PUT',
      url,
      payload: { allocations: [{ municipalityCode: '2080', allocatedSek: 1_000_001 }] },
    });
    expect(fieldCodes(over)).toEqual(['body.allocations:allocations_exceed_total']);
    const outside = await region.request({
      method: 'PUT',
      url,
      payload: { allocations: [{ municipalityCode: '0180', allocatedSek: 1 }] },
    });
    expect(fieldCodes(outside)).toEqual(['body.allocations.0.municipalityCode:municipality_outside_call']);
    const negative = await region.request({
      method: 'PUT',
      url,
      payload: { allocations: [{ municipalityCode: '2080', allocatedSek: -1 }] },
    });
    expect(fieldCodes(negative)).toEqual(['body.allocations.0.allocatedSek:negative']);
    expect((await falun.request({ method: 'PUT', url, payload: { allocations: [] } })).statusCode).toBe(403);
    expect(await writes()).toBe(before);
  });

  it('lets a municipality requisition its own allocation before the deadline, and report afterwards', async () => {
    const created = (await region.post('/api/v1/funding-calls', call(dalarnaId))).json();
    await upload(region, created.id, dalarnaKey);
    const own = (code: string) => `/api/v1/funding-calls/${created.id}/allocations/${code}`;
    // Not open yet.
    expect((await falun.post(`${own('2080')}/requisition`, { amountSek: 1000 })).statusCode).toBe(404);
    expect((await region.patch(`/api/v1/funding-calls/${created.id}`, { status: 'open' })).statusCode).toBe(
      200,
    );

    const before = await writes();
    const above = await falun.post(`${own('2080')}/requisition`, { amountSek: 999_999 });
    expect(above.statusCode).toBe(400);
    expect(fieldCodes(above)).toEqual(['body.amountSek:above_allocation']);
    expect((await borlange.post(`${own('2080')}/requisition`, { amountSek: 1000 })).statusCode).toBe(403);
    expect((await region.post(`${own('2080')}/requisition`, { amountSek: 1000 })).statusCode).toBe(403);
    const early = await borlange.post(`${own('2081')}/report`, {
      text: 'Vi har inte rekvirerat men redovisar.',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('funding_not_requisitioned');
    expect(await writes()).toBe(before);

    const done = await falun.post(`${own('2080')}/requisition`, { amountSek: 200_000 });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      requisitionedSek: 200_000,
      status: 'requisitioned',
      canReport: true,
    });

    // Others' allocations: Borlänge sees its own row only; the region sees every Dalarna row.
    const seenByBorlange = (await borlange.get(`/api/v1/funding-calls/${created.id}/allocations`)).json();
    expect(seenByBorlange.view).toBe('own');
    expect(seenByBorlange.rows.map((r: { municipality: { code: string } }) => r.municipality.code)).toEqual([
      '2081',
    ]);
    expect((await borlange.get(own('2080'))).statusCode).toBe(404);

    const reported = await falun.post(`${own('2080')}/report`, {
      text: 'Medlen används till digital nattillsyn.',
    });
    expect(reported.statusCode).toBe(200);
    expect(reported.json()).toMatchObject({ status: 'reported', linkedFunding: [] });
    // Reported: the requisition is settled.
    expect((await falun.post(`${own('2080')}/requisition`, { amountSek: 1000 })).statusCode).toBe(409);

    // After the deadline: a clear 409.
    await region.patch(`/api/v1/funding-calls/${created.id}`, { requisitionDeadline: day(-1) });
    const late = await borlange.post(`${own('2081')}/requisition`, { amountSek: 1000 });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('funding_requisition_closed');
  });

  it('shows the region its municipalities in a national call, with Falun’s requisition and linked funding used', async () => {
    const id = await demoCall('Stimulansmedel välfärdsteknik i äldreomsorgen');
    const overview = (await region.get(`/api/v1/funding-calls/${id}/allocations`)).json();
    expect(overview.view).toBe('region');
    expect(overview.rows).toHaveLength(15);
    const falunRow = overview.rows.find(
      (r: { municipality: { code: string } }) => r.municipality.code === '2080',
    );
    expect(falunRow.requisitionedSek).toBeGreaterThan(0);
    expect(falunRow.usedSek).toBe(250_000);
    expect(falunRow.canRequisition).toBe(false);
    const all = (await admin.get(`/api/v1/funding-calls/${id}/allocations`)).json();
    expect(all.rows.length).toBeGreaterThan(280);
    expect(all.totals.allocatedSek).toBe(500_000_000);
    // Falun sees its own row with what it may do.
    const mine = (await falun.get(`/api/v1/funding-calls/${id}/allocations`)).json();
    expect(mine.rows).toHaveLength(1);
    expect(mine.rows[0]).toMatchObject({ canRequisition: true });
    const detail = (await falun.get(`/api/v1/funding-calls/${id}/allocations/2080`)).json();
    expect(detail.linkedFunding).toMatchObject([
      { initiative: { name: 'Digital nattillsyn i hemtjänsten' }, usedSek: 250_000 },
    ]);
  });

  it('marks a municipality at risk when the requisition deadline passed without a requisition', async () => {
    const id = await demoCall('Regionala stimulansmedel för trygghetslarm');
    const overview = (await region.get(`/api/v1/funding-calls/${id}/allocations`)).json();
    const risky = overview.rows.filter((r: { atRisk: boolean }) => r.atRisk);
    expect(risky.map((r: { municipality: { code: string } }) => r.municipality.code)).toEqual(['2085']);
    expect(risky[0]).toMatchObject({ riskReasons: ['requisition_missed'], status: 'not_requisitioned' });
    expect(overview.totals.atRisk).toBe(1);
  });

  it('links an initiative funding row to a call only from the stimulus source and an allocated participant', async () => {
    const id = await demoCall('Stimulansmedel välfärdsteknik i äldreomsorgen');
    const [initiative] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from initiatives where title = 'Läkemedelsautomater för hemmaboende'`,
    );
    const [owner] = await queryRows<{ id: string; code: string }>(
      t.db,
      sql`select o.id, o.code from initiatives i join organisations o on o.id = i.owner_organisation_id
          where i.id = ${initiative!.id}`,
    );
    const coordinator = owner!.code === '2081' ? borlange : falun;
    const url = `/api/v1/initiatives/${initiative!.id}/funding`;
    const before = await count(t, 'initiative_funding');
    const own = await coordinator.post(url, {
      source: 'own',
      year: 2026,
      usedSek: 10,
      fundingCallId: id,
      recipientMunicipalityId: owner!.id,
    });
    expect(fieldCodes(own)).toEqual(['body.fundingCallId:funding_link_not_stimulus']);
    const stockholm = await orgId(t, 'Stockholm', 'municipality');
    const outsider = await coordinator.post(url, {
      source: 'stimulus',
      year: 2026,
      fundingCallId: id,
      recipientMunicipalityId: stockholm,
    });
    expect(fieldCodes(outsider)).toEqual(['body.recipientMunicipalityId:funding_recipient_not_allocated']);
    expect(await count(t, 'initiative_funding')).toBe(before);
    const linked = await coordinator.post(url, {
      source: 'stimulus',
      year: 2026,
      usedSek: 12_345,
      fundingCallId: id,
      recipientMunicipalityId: owner!.id,
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json()).toMatchObject({ fundingCallId: id, recipientMunicipalityId: owner!.id });
    const row = (await admin.get(`/api/v1/funding-calls/${id}/allocations/${owner!.code}`)).json();
    expect(row.linkedFunding.some((f: { usedSek: number }) => f.usedSek === 12_345)).toBe(true);
  });
});

describe('funding reminders', () => {
  it('e-mails the coordinators 7 days before the requisition deadline once, however often it runs', async () => {
    const created = (
      await region.post(
        '/api/v1/funding-calls',
        call(dalarnaId, { title: 'Påminnelsemedel', requisitionDeadline: day(5) }),
      )
    ).json();
    await upload(region, created.id, dalarnaKey);
    await region.patch(`/api/v1/funding-calls/${created.id}`, { status: 'open' });
    const mailer = createMailer(t.db, { from: 'test@valfardsnavet.se' });
    const mails = () =>
      queryRows<{ to: string; subject: string }>(
        t.db,
        sql`select "to", subject from outbox where subject like ${'%Påminnelsemedel%'} order by "to"`,
      );
    await sendFundingReminders(t.db, mailer, 'http://localhost');
    const first = await mails();
    expect(first.map((m) => m.to)).toEqual([
      'samordnare.borlange@demo.valfardsnavet.se',
      'samordnare.falun@demo.valfardsnavet.se',
    ]);
    expect(first[0]!.subject).toContain('rekvirera');
    await sendFundingReminders(t.db, mailer, 'http://localhost');
    expect(await mails()).toHaveLength(2);
    const claimed = await queryRows<{ days: number }>(
      t.db,
      sql`select days_before as days from funding_reminders_sent where call_id = ${created.id}`,
    );
    // Falun, Borlänge, Ludvika and Älvdalen have shares; only Falun and Borlänge have coordinators.
    expect(claimed.map((c) => c.days)).toEqual([7, 7, 7, 7]);
  });
});
