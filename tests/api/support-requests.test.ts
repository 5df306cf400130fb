import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { pdfWith } from '../fixtures/document-files.ts';
import { multipartFile } from '../support/multipart.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';
import { expectProblem, offerBody, orgId, outboxTo, supportCounts } from './support.fixtures.ts';

/** Support requests: asking, the thread, assignment, status and closing, with notices (issue 17). */

let t: TestApp;
let region: Agent;
let falun: Agent;
let borlange: Agent;
let kramfors: Agent;
let norr: Agent;
let staff: Agent;
let dalarna: string;
let offerId: string;
let requestId: string;
let regionUserId: string;
let technologyKey: string;

const requestBody = (extra: Record<string, unknown> = {}) => ({
  municipalityCode: '2080',
  providerOrganisationId: dalarna,
  offerId,
  subject: 'Upphandling av trygghetslarm',
  body: 'Vårt avtal för trygghetslarm går ut nästa år. Vi vill ha stöd att upphandla tillsammans med andra.',
  technologyKeys: [technologyKey],
  urgency: 'high',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  [region, falun, borlange, kramfors, norr, staff] = await Promise.all([
    t.as('region.dalarna'),
    t.as('samordnare.falun'),
    t.as('samordnare.borlange'),
    t.as('samordnare.kramfors'),
    t.as('samordnare.akademinorr'),
    t.as('personal.falun'),
  ]);
  dalarna = await orgId(t, 'region', '20');
  offerId = (await region.post('/api/v1/support-offers', offerBody(dalarna))).json().id;
  regionUserId = (await region.get('/api/v1/me')).json().id;
  technologyKey = (
    await queryRows<{ key: string }>(t.db, sql`select key from technologies order by key limit 1`)
  )[0]!.key;
});
afterAll(() => t.close());

describe('asking for support', () => {
  it("lets Falun's coordinator ask its region, taking the need from the offer and e-mailing the region", async () => {
    const res = await falun.post('/api/v1/support-requests', requestBody());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      subject: 'Upphandling av trygghetslarm',
      municipality: { code: '2080' },
      provider: { id: dalarna },
      offer: { id: offerId, responseDays: 5 },
      need: 'upphandlingsstod',
      urgency: 'high',
      status: 'new',
      side: 'municipality',
      canManage: false,
      canWrite: true,
      technologies: [{ key: technologyKey }],
    });
    requestId = res.json().id;
    const mails = await outboxTo(t, 'region.dalarna', '%Upphandling av trygghetslarm%');
    expect(mails.map((m) => m.subject)).toContain('Ny stödförfrågan: Upphandling av trygghetslarm');
    expect(mails[0]!.text).toContain(`/stod/forfragningar/${requestId}`);
  });

  it('refuses other municipalities, staff and other regions, writing nothing', async () => {
    const before = await supportCounts(t);
    expectProblem(await borlange.post('/api/v1/support-requests', requestBody()), 403, 'forbidden');
    expectProblem(await staff.post('/api/v1/support-requests', requestBody()), 403, 'forbidden');
    expectProblem(await kramfors.post('/api/v1/support-requests', requestBody()), 403, 'forbidden');
    expectProblem(await region.post('/api/v1/support-requests', requestBody()), 403, 'forbidden');
    expect(await supportCounts(t)).toEqual(before);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const before = await supportCounts(t);
    const vasternorrland = await orgId(t, 'region', '22');
    const cases: [Record<string, unknown>, string][] = [
      [{ subject: '' }, 'body.subject'],
      [{ body: 'kort' }, 'body.body'],
      [{ urgency: 'asap' }, 'body.urgency'],
      [{ offerId: null, need: null }, 'body.need'],
      [{ municipalityCode: '20800' }, 'body.municipalityCode'],
      [
        { providerOrganisationId: vasternorrland, offerId: null, need: 'upphandlingsstod' },
        'body.providerOrganisationId',
      ],
      [{ technologyKeys: ['finns-inte'] }, 'body.technologyKeys.0'],
      [{ offerId: '00000000-0000-4000-8000-000000000000' }, 'body.offerId'],
    ];
    for (const [extra, path] of cases) {
      expectProblem(
        await falun.post('/api/v1/support-requests', requestBody(extra)),
        400,
        'validation_failed',
        path,
      );
    }
    expect(await supportCounts(t)).toEqual(before);
  });
});

describe('the start page', () => {
  const todos = async (a: Agent) =>
    (await a.get('/api/v1/me/start')).json().todos as { kind: string; count: number; to: string }[];

  it('lists requests to answer for the region and unread answers for the municipality', async () => {
    const toAnswer = (await todos(region)).find((x) => x.kind === 'support_to_answer');
    expect(toAnswer?.count).toBeGreaterThanOrEqual(1);
    // The demo's Borlänge request has the region's answer, not yet opened.
    const unread = (await todos(borlange)).find((x) => x.kind === 'support_answers_to_read');
    expect(unread).toMatchObject({ count: 1 });
    const opened = (await borlange.get(`/api/v1/support-requests/${unread!.to.split('/').at(-1)}`)).json();
    expect(opened.unread).toBe(false);
    expect((await todos(borlange)).some((x) => x.kind === 'support_answers_to_read')).toBe(false);
    expect((await todos(staff)).some((x) => x.kind.startsWith('support_'))).toBe(false);
  });
});

describe('seeing requests', () => {
  it('shows the request to its municipality and its region, nobody else', async () => {
    const ids = async (a: Agent) =>
      (await a.get('/api/v1/support-requests?limit=200')).json().items.map((r: { id: string }) => r.id);
    expect(await ids(falun)).toContain(requestId);
    expect(await ids(region)).toContain(requestId);
    expect(await ids(borlange)).not.toContain(requestId);
    expect(await ids(norr)).not.toContain(requestId);
    expectProblem(await staff.get('/api/v1/support-requests'), 403, 'forbidden');
    expectProblem(await borlange.get(`/api/v1/support-requests/${requestId}`), 404, 'not_found');
    expectProblem(await norr.get(`/api/v1/support-requests/${requestId}`), 404, 'not_found');
    expectProblem(
      await falun.get('/api/v1/support-requests?status=nej'),
      400,
      'validation_failed',
      'querystring.status',
    );
    expectProblem(
      await falun.get('/api/v1/support-requests?cursor=x'),
      400,
      'validation_failed',
      'querystring.cursor',
    );
  });

  it('filters by status, municipality, offer and need, and pages with a cursor', async () => {
    const q = await region.get(
      `/api/v1/support-requests?status=new&municipality=2080&offer=${offerId}&need=upphandlingsstod`,
    );
    expect(q.json().items.map((r: { id: string }) => r.id)).toEqual([requestId]);
    const first = (await region.get('/api/v1/support-requests?limit=1')).json();
    expect(first.items).toHaveLength(1);
    if (first.nextCursor) {
      const next = (await region.get(`/api/v1/support-requests?limit=1&cursor=${first.nextCursor}`)).json();
      expect(next.items[0].id).not.toBe(first.items[0].id);
    }
  });
});

describe('handling a request', () => {
  it('lets the region assign it to one of its coordinators', async () => {
    const view = (await region.get(`/api/v1/support-requests/${requestId}`)).json();
    expect(view).toMatchObject({ side: 'provider', canManage: true });
    expect(view.assignees.map((a: { id: string }) => a.id)).toContain(regionUserId);
    const res = await region.patch(`/api/v1/support-requests/${requestId}`, { assigneeId: regionUserId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'assigned', assignee: { id: regionUserId } });
    expect(res.json().events.map((e: { kind: string }) => e.kind)).toEqual(['assigned', 'status']);
  });

  it('refuses the municipality, others and bad input, writing nothing', async () => {
    const before = await supportCounts(t);
    const falunUser = (await falun.get('/api/v1/me')).json().id;
    expectProblem(
      await falun.patch(`/api/v1/support-requests/${requestId}`, { status: 'closed' }),
      403,
      'forbidden',
    );
    expectProblem(
      await norr.patch(`/api/v1/support-requests/${requestId}`, { status: 'closed' }),
      404,
      'not_found',
    );
    expectProblem(
      await region.patch(`/api/v1/support-requests/${requestId}`, { assigneeId: falunUser }),
      400,
      'validation_failed',
      'body.assigneeId',
    );
    expectProblem(
      await region.patch(`/api/v1/support-requests/${requestId}`, { status: 'done' }),
      400,
      'validation_failed',
      'body.status',
    );
    expectProblem(
      await region.patch(`/api/v1/support-requests/${requestId}`, {}),
      400,
      'validation_failed',
      'body.status',
    );
    expectProblem(
      await region.patch('/api/v1/support-requests/nej', { status: 'closed' }),
      400,
      'validation_failed',
      'params.id',
    );
    expectProblem(
      await region.post(`/api/v1/support-requests/${requestId}/messages`, { body: '' }),
      400,
      'validation_failed',
      'body.body',
    );
    expectProblem(
      await borlange.post(`/api/v1/support-requests/${requestId}/messages`, { body: 'Hej' }),
      404,
      'not_found',
    );
    expect(await supportCounts(t)).toEqual(before);
  });

  it("answers in the thread: Falun is e-mailed, sees it unread, and replies back into the region's queue", async () => {
    const res = await region.post(`/api/v1/support-requests/${requestId}/messages`, {
      body: 'Vi samordnar en upphandling med Borlänge. Skicka er nuvarande kravspecifikation.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'answered' });
    expect(res.json().firstAnswerAt).toBeTruthy();
    const mails = await outboxTo(t, 'samordnare.falun', 'Svar på er stödförfrågan%');
    expect(mails).toHaveLength(1);
    const listed = (await falun.get('/api/v1/support-requests'))
      .json()
      .items.find((r: { id: string }) => r.id === requestId);
    expect(listed.unread).toBe(true);
    const opened = (await falun.get(`/api/v1/support-requests/${requestId}`)).json();
    expect(opened.unread).toBe(false);
    expect(opened.events.filter((e: { kind: string }) => e.kind === 'message')[0]).toMatchObject({
      side: 'provider',
      author: 'Lars Dahlberg',
    });
    const reply = await falun.post(`/api/v1/support-requests/${requestId}/messages`, {
      body: 'Här kommer den.',
    });
    expect(reply.json().status).toBe('assigned');
    expect(await outboxTo(t, 'region.dalarna', 'Nytt meddelande i stödförfrågan%')).toHaveLength(1);
  });

  it('takes attachments from both sides while open, checked by content', async () => {
    const pdf = multipartFile(
      'file',
      'kravspecifikation.pdf',
      await pdfWith(['Krav på trygghetslarm']),
      'application/pdf',
    );
    const res = await falun.request({
      method: 'POST',
      url: `/api/v1/support-requests/${requestId}/attachments`,
      ...pdf,
    });
    expect(res.statusCode, res.body).toBe(201);
    const attachment = res.json().attachments[0];
    const file = await region.get(`/api/v1/support-requests/${requestId}/attachments/${attachment.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    const before = await supportCounts(t);
    const bad = multipartFile('file', 'bild.png', Buffer.from('inte en bild'), 'image/png');
    expectProblem(
      await falun.request({
        method: 'POST',
        url: `/api/v1/support-requests/${requestId}/attachments`,
        ...bad,
      }),
      415,
      'document_content_mismatch',
    );
    expectProblem(
      await borlange.request({
        method: 'POST',
        url: `/api/v1/support-requests/${requestId}/attachments`,
        ...pdf,
      }),
      404,
      'not_found',
    );
    expectProblem(
      await borlange.get(`/api/v1/support-requests/${requestId}/attachments/${attachment.id}`),
      404,
      'not_found',
    );
    expect(await supportCounts(t)).toEqual(before);
  });

  it('closes it: Falun is e-mailed, the history stays, and nothing more is written', async () => {
    const res = await region.patch(`/api/v1/support-requests/${requestId}`, { status: 'closed' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', canWrite: false });
    expect(await outboxTo(t, 'samordnare.falun', 'Stödförfrågan avslutad%')).toHaveLength(1);
    const seen = (await falun.get(`/api/v1/support-requests/${requestId}`)).json();
    expect(seen.events.map((e: { kind: string; status: string | null }) => e.status ?? e.kind)).toEqual([
      'assigned',
      'assigned',
      'message',
      'answered',
      'message',
      'assigned',
      'closed',
    ]);
    expectProblem(
      await falun.post(`/api/v1/support-requests/${requestId}/messages`, { body: 'En sak till' }),
      409,
      'support_request_closed',
    );
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id = ${requestId} order by at`,
    );
    expect(audit.map((a) => a.action)).toContain('support_request.closed');
  });
});
