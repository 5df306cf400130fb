import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { AKADEMI_NORR } from '../../src/server/db/demo/demo-people.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';
import { associationId, expectProblem, offerBody, orgId, put, supportCounts } from './support.fixtures.ts';

/** Support offers, the needs links of the maturity results and the report (issue 17). */

let t: TestApp;
let region: Agent;
let falun: Agent;
let kramfors: Agent;
let norr: Agent;
let staff: Agent;
let admin: Agent;
let dalarna: string;
let akademiNorr: string;
let offerId: string;

beforeAll(async () => {
  t = await createTestApp();
  [region, falun, kramfors, norr, staff, admin] = await Promise.all([
    t.as('region.dalarna'),
    t.as('samordnare.falun'),
    t.as('samordnare.kramfors'),
    t.as('samordnare.akademinorr'),
    t.as('personal.falun'),
    t.as('admin'),
  ]);
  dalarna = await orgId(t, 'region', '20');
  akademiNorr = await associationId(t, AKADEMI_NORR);
});
afterAll(() => t.close());

describe('support offers', () => {
  it("lets the region's coordinator publish an offer", async () => {
    const res = await region.post(
      '/api/v1/support-offers',
      offerBody(dalarna, { title: 'Kravstöd för larm' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      title: 'Kravstöd för larm',
      provider: { id: dalarna, kind: 'region' },
      need: 'upphandlingsstod',
      responseDays: 5,
      status: 'active',
      canEdit: true,
    });
    offerId = res.json().id;
  });

  it('refuses municipalities, staff and other providers, writing nothing', async () => {
    const before = await supportCounts(t);
    expectProblem(await falun.post('/api/v1/support-offers', offerBody(dalarna)), 403, 'forbidden');
    expectProblem(await staff.post('/api/v1/support-offers', offerBody(dalarna)), 403, 'forbidden');
    expectProblem(await norr.post('/api/v1/support-offers', offerBody(dalarna)), 403, 'forbidden');
    expectProblem(
      await norr.request({
        method: 'PUT',
        url: `/api/v1/support-offers/${offerId}`,
        payload: offerBody(dalarna),
      }),
      404,
      'not_found',
    );
    expectProblem(
      await put(falun, `/api/v1/support-offers/${offerId}`, offerBody(dalarna)),
      403,
      'forbidden',
    );
    expect(await supportCounts(t)).toEqual(before);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const before = await supportCounts(t);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ responseDays: 0 }, 'body.responseDays', 'response_days_range'],
      [{ responseDays: 2.5 }, 'body.responseDays', 'response_days_range'],
      [{ need: 'allt' }, 'body.need', 'invalid_value'],
      [{ kind: 'lunch' }, 'body.kind', 'invalid_value'],
      [{ title: 'x' }, 'body.title', 'min_three_chars'],
    ];
    for (const [extra, path, code] of cases) {
      const res = await region.post('/api/v1/support-offers', offerBody(dalarna, extra));
      expectProblem(res, 400, 'validation_failed', path);
      expect(res.json().errors.find((e: { path: string }) => e.path === path).code).toBe(code);
    }
    // A municipality is not a provider of support.
    const falunId = await orgId(t, 'municipality', '2080');
    expectProblem(
      await admin.post('/api/v1/support-offers', offerBody(falunId)),
      400,
      'validation_failed',
      'body.providerOrganisationId',
    );
    expect(await supportCounts(t)).toEqual(before);
  });

  it('lets the provider change and close it; the municipality reads active offers of its providers', async () => {
    const res = await put(region, `/api/v1/support-offers/${offerId}`, {
      ...offerBody(dalarna),
      providerOrganisationId: undefined,
      responseDays: 3,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().responseDays).toBe(3);
    const list = await falun.get('/api/v1/support-offers?municipality=2080&status=active');
    expect(list.statusCode).toBe(200);
    const mine = list.json().items.find((o: { id: string }) => o.id === offerId);
    expect(mine).toMatchObject({ canEdit: false, responseDays: 3 });
    // Kramfors (another region) does not see Dalarna's offers; staff see no offers at all.
    const other = await kramfors.get('/api/v1/support-offers');
    expect(other.json().items.some((o: { id: string }) => o.id === offerId)).toBe(false);
    expectProblem(await staff.get('/api/v1/support-offers'), 403, 'forbidden');
    const closed = await put(region, `/api/v1/support-offers/${offerId}`, {
      ...offerBody(dalarna),
      providerOrganisationId: undefined,
      status: 'closed',
    });
    expect(closed.json().status).toBe('closed');
    const active = await falun.get('/api/v1/support-offers?status=active');
    expect(active.json().items.some((o: { id: string }) => o.id === offerId)).toBe(false);
  });
});

describe('support needs of the maturity results', () => {
  it('gives each of the four needs with the offers open to the municipality', async () => {
    const res = await falun.get('/api/v1/support-needs?municipality=2080');
    expect(res.statusCode, res.body).toBe(200);
    const needs = res
      .json()
      .items.map((i: { need: string }) => i.need)
      .sort();
    expect(needs).toEqual(['befintligt-stod', 'externa-aktorer', 'stimulansmedel', 'upphandlingsstod']);
    expect((await region.get('/api/v1/support-needs?municipality=2080')).statusCode).toBe(200);
  });

  it("orders the needs by the municipality's ranking on its latest submitted sheet, with its requests", async () => {
    const [ranking] = await queryRows<{ order: string[] }>(
      t.db,
      sql`select a.value->'order' as order from assessment_answers a
          join assessment_sheets s on s.round_id = a.round_id and s.municipality_id = a.municipality_id
          join assessment_rounds r on r.id = a.round_id
          join organisations m on m.id = a.municipality_id
          where m.code = '2080' and a.question_key = 'rangordning-stod' and s.status = 'submitted'
          order by r.opens_on desc, s.submitted_at desc limit 1`,
    );
    expect(ranking?.order).toHaveLength(4);
    const res = (await region.get('/api/v1/support-needs?municipality=2080')).json();
    expect(res.items.map((i: { need: string }) => i.need)).toEqual(ranking!.order);
    expect(res.items.map((i: { rank: number }) => i.rank)).toEqual([1, 2, 3, 4]);
    // The demo's Falun request about stimulus funds sits under its need, the offers under theirs.
    const stimulus = res.items.find((i: { need: string }) => i.need === 'stimulansmedel');
    expect(stimulus.requests.map((r: { subject: string }) => r.subject)).toContain(
      'Rekvisition av stimulansmedel för digital nattillsyn',
    );
    expect(stimulus.offers.map((o: { title: string }) => o.title)).toContain(
      'Hjälp att söka och redovisa stimulansmedel',
    );
  });

  it('refuses other municipalities, staff and bad codes', async () => {
    expectProblem(await kramfors.get('/api/v1/support-needs?municipality=2080'), 403, 'forbidden');
    expectProblem(await staff.get('/api/v1/support-needs?municipality=2080'), 403, 'forbidden');
    expectProblem(
      await falun.get('/api/v1/support-needs?municipality=20x0'),
      400,
      'validation_failed',
      'querystring.municipality',
    );
  });
});

describe('the support report', () => {
  it("gives the region's requests per municipality, need and month, as JSON, CSV and XLSX", async () => {
    const req = await falun.post('/api/v1/support-requests', {
      municipalityCode: '2080',
      providerOrganisationId: dalarna,
      need: 'stimulansmedel',
      subject: 'Ansökan om stimulansmedel',
      body: 'Vi behöver hjälp att söka stimulansmedel för trygghetskameror.',
    });
    expect(req.statusCode, req.body).toBe(201);
    const res = await region.get('/api/v1/support-requests/report?region=20');
    expect(res.statusCode, res.body).toBe(200);
    const month = new Date().toISOString().slice(0, 7);
    expect(res.json().rows).toContainEqual({
      municipality: { code: '2080', name: 'Falun' },
      need: 'stimulansmedel',
      month,
      requests: expect.any(Number),
    });
    const csv = await region.get('/api/v1/support-requests/report?region=20&format=csv&lang=sv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Samordning av stimulansmedel');
    const xlsx = await region.get('/api/v1/support-requests/report?region=20&format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses municipalities, other providers and bad scopes', async () => {
    expectProblem(await falun.get('/api/v1/support-requests/report?region=20'), 403, 'forbidden');
    expectProblem(await norr.get('/api/v1/support-requests/report?region=20'), 403, 'forbidden');
    expectProblem(await staff.get('/api/v1/support-requests/report?region=20'), 403, 'forbidden');
    expectProblem(
      await region.get('/api/v1/support-requests/report'),
      400,
      'validation_failed',
      'querystring.region',
    );
    expectProblem(
      await region.get(`/api/v1/support-requests/report?region=20&association=${akademiNorr}`),
      400,
      'validation_failed',
      'querystring.association',
    );
    expectProblem(
      await region.get('/api/v1/support-requests/report?region=20&format=pdf'),
      400,
      'validation_failed',
      'querystring.format',
    );
    expect((await norr.get(`/api/v1/support-requests/report?association=${akademiNorr}`)).statusCode).toBe(
      200,
    );
  });
});
