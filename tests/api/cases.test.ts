import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfWith, plainZip, pngImage, windowsExecutable } from '../fixtures/document-files.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';
import { caseBody, counts, demoCaseId, put, upload } from './cases.fixtures.ts';

/** Cases: writing, the review workflow and attachments (issue 8). Reading and sharing: cases-sharing. */

let t: TestApp;
let falun: Agent;
let borlange: Agent;
let region: Agent;
let norr: Agent;
let staff: Agent;
let manager: Agent;
let admin: Agent;
let draftId: string;

beforeAll(async () => {
  t = await createTestApp();
  [falun, borlange, region, norr, staff, manager, admin] = await Promise.all([
    t.as('samordnare.falun'),
    t.as('samordnare.borlange'),
    t.as('region.dalarna'),
    t.as('samordnare.akademinorr'),
    t.as('personal.falun'),
    t.as('chef.falun'),
    t.as('admin'),
  ]);
});
afterAll(() => t.close());

const expectProblem = (
  res: { statusCode: number; json(): { code: string } },
  status: number,
  code: string,
) => {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(res.json().code).toBe(code);
};

describe('writing a case', () => {
  it('lets a municipal coordinator write a draft for its own municipality, audited', async () => {
    const before = await counts(t);
    const res = await falun.post('/api/v1/cases', caseBody());
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      status: 'draft',
      municipality: { code: '2080', name: 'Falun', isModel: false },
      technologies: [{ key: 'digital-night-supervision' }],
      canEdit: true,
      canSubmit: true,
      canReview: false,
      editor: { contactName: 'Testa Testsson', contactConsent: true },
    });
    draftId = c.id;
    const after = await counts(t);
    expect(after.cases).toBe(before.cases + 1);
    expect(after.audit_log).toBe(before.audit_log + 1);
  });

  it('refuses other roles and other municipalities, and bad input, writing nothing', async () => {
    const before = await counts(t);
    const refused: [Agent, Record<string, unknown>, number, string][] = [
      [staff, caseBody(), 403, 'forbidden'],
      [manager, caseBody(), 403, 'forbidden'],
      [falun, caseBody({ municipalityCode: '2081' }), 403, 'forbidden'],
      // A region reviews its municipalities' cases but does not write them.
      [region, caseBody(), 403, 'forbidden'],
      [falun, caseBody({ title: '' }), 400, 'validation_failed'],
      [falun, caseBody({ technologyKeys: [] }), 400, 'validation_failed'],
      [falun, caseBody({ technologyKeys: ['no-such-thing'] }), 400, 'unknown_technology'],
      [falun, caseBody({ contactName: null }), 400, 'validation_failed'],
      [falun, caseBody({ municipalityCode: '9999' }), 400, 'validation_failed'],
      [falun, caseBody({ sizeBand: 'huge' }), 400, 'validation_failed'],
      [falun, caseBody({ indicatorIds: ['00000000-0000-4000-8000-000000000000'] }), 400, 'validation_failed'],
    ];
    for (const [agent, body, status, code] of refused) {
      const res = await agent.post('/api/v1/cases', body);
      expectProblem(res, status, code);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const consent = await falun.post('/api/v1/cases', caseBody({ contactName: null }));
    expect(consent.json().errors).toContainEqual(
      expect.objectContaining({ path: 'body.contactName', code: 'contact_required' }),
    );
    expect(await counts(t)).toEqual(before);
  });

  it('links only indicators of initiatives the municipality owns or takes part in', async () => {
    const borlangeCase = await borlange.get(`/api/v1/cases/${await demoCaseId(t, 'Läkemedelsrobotar')}`);
    const foreignIndicator = borlangeCase.json().editor.indicatorIds[0];
    expect(foreignIndicator).toBeTruthy();
    const res = await falun.post('/api/v1/cases', caseBody({ indicatorIds: [foreignIndicator] }));
    expectProblem(res, 400, 'validation_failed');
    expect(res.json().errors[0]).toMatchObject({ path: 'body.indicatorIds.0', code: 'unknown_indicator' });
    const own = await falun.get(
      `/api/v1/cases/${await demoCaseId(t, 'Digital nattillsyn i Hemtjänsten Norr')}`,
    );
    expect(own.json().indicators[0]).toMatchObject({
      name: 'Arbetstid för nattliga tillsynsbesök',
      unit: 'timmar/år',
    });
  });

  it('offers its authors the municipality’s own initiatives and indicators to link, and links them', async () => {
    const res = await falun.get('/api/v1/cases/link-choices?municipality=2080');
    expect(res.statusCode).toBe(200);
    const night = res
      .json()
      .initiatives.find((i: { title: string }) => i.title === 'Digital nattillsyn i hemtjänsten');
    const worktime = night.indicators.find(
      (i: { name: string }) => i.name === 'Arbetstid för nattliga tillsynsbesök',
    );
    expect(worktime).toMatchObject({ unit: 'timmar/år' });
    for (const [a, q, status] of [
      [staff, '2080', 403],
      [region, '2080', 403],
      [borlange, '2080', 403],
      [falun, '9999', 404],
      [falun, 'Falun', 400],
    ] as const)
      expect((await a.get(`/api/v1/cases/link-choices?municipality=${q}`)).statusCode, `${q}`).toBe(status);
    const linked = await falun.post(
      '/api/v1/cases',
      caseBody({ initiativeId: night.id, indicatorIds: [worktime.id], title: 'Med mätningar' }),
    );
    expect(linked.statusCode).toBe(201);
    expect(linked.json()).toMatchObject({
      initiative: { title: 'Digital nattillsyn i hemtjänsten' },
      indicators: [{ name: 'Arbetstid för nattliga tillsynsbesök', baselineValue: 3285 }],
    });
  });

  it('lets its authors change a draft; others get 403 or 404 and nothing changes', async () => {
    const url = `/api/v1/cases/${draftId}`;
    const ok = await put(falun, url, {
      ...caseBody({ title: 'Nattillsyn i Söder, ändrad' }),
      municipalityCode: undefined,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().title).toBe('Nattillsyn i Söder, ändrad');
    const before = await counts(t);
    expectProblem(await put(borlange, url, caseBody()), 404, 'not_found');
    expectProblem(await put(staff, url, caseBody()), 404, 'not_found');
    expectProblem(await put(region, url, caseBody()), 403, 'forbidden');
    expectProblem(await put(falun, url, caseBody({ phaseReached: 'done' })), 400, 'validation_failed');
    expectProblem(await put(falun, url, caseBody({ technologyKeys: ['nope'] })), 400, 'unknown_technology');
    expect(await counts(t)).toEqual(before);
  });
});

describe('review and publication', () => {
  it('is submitted by its author only', async () => {
    expectProblem(await borlange.post(`/api/v1/cases/${draftId}/submit`), 404, 'not_found');
    expectProblem(await region.post(`/api/v1/cases/${draftId}/submit`), 403, 'forbidden');
    const res = await falun.post(`/api/v1/cases/${draftId}/submit`);
    expect(res.json()).toMatchObject({ status: 'submitted', canEdit: false });
    expectProblem(await falun.post(`/api/v1/cases/${draftId}/submit`), 409, 'case_not_editable');
    expectProblem(await put(falun, `/api/v1/cases/${draftId}`, caseBody()), 409, 'case_not_editable');
  });

  it('appears in the review queue of the region covering it, not of others', async () => {
    const queue = async (a: Agent) =>
      (
        (await a.get('/api/v1/cases?status=submitted')).json().items as { id: string; canReview: boolean }[]
      ).filter((c) => c.id === draftId);
    expect(await queue(region)).toEqual([expect.objectContaining({ canReview: true })]);
    expect(await queue(admin)).toEqual([expect.objectContaining({ canReview: true })]);
    expect(await queue(falun)).toEqual([expect.objectContaining({ canReview: false })]);
    expect(await queue(norr)).toEqual([]);
    expect(await queue(borlange)).toEqual([]);
    expect(await queue(staff)).toEqual([]);
  });

  it('is published by a reviewer covering the municipality, never by a municipal coordinator', async () => {
    const before = await counts(t);
    expectProblem(await falun.post(`/api/v1/cases/${draftId}/publish`), 403, 'forbidden');
    expectProblem(await norr.post(`/api/v1/cases/${draftId}/publish`), 404, 'not_found');
    expectProblem(await staff.post(`/api/v1/cases/${draftId}/publish`), 404, 'not_found');
    expect(await counts(t)).toEqual(before);
    const res = await region.post(`/api/v1/cases/${draftId}/publish`);
    expect(res.json()).toMatchObject({ status: 'published', canWithdraw: true, canContact: true });
    expect(res.json().publishedAt).toBeTruthy();
    expectProblem(await region.post(`/api/v1/cases/${draftId}/publish`), 409, 'case_not_submitted');
    expect((await staff.get(`/api/v1/cases/${draftId}`)).json()).toMatchObject({
      status: 'published',
      editor: null,
    });
  });

  it('is returned with a note, which its authors then read and act on', async () => {
    const id = (await falun.post('/api/v1/cases', caseBody({ title: 'Att skicka tillbaka' }))).json().id;
    await falun.post(`/api/v1/cases/${id}/submit`);
    expectProblem(await region.post(`/api/v1/cases/${id}/return`, { note: '' }), 400, 'validation_failed');
    expectProblem(await falun.post(`/api/v1/cases/${id}/return`, { note: 'Egen retur' }), 403, 'forbidden');
    const res = await region.post(`/api/v1/cases/${id}/return`, {
      note: 'Lägg till kostnaderna per brukare.',
    });
    expect(res.json()).toMatchObject({ status: 'returned' });
    const mine = (await falun.get(`/api/v1/cases/${id}`)).json();
    expect(mine).toMatchObject({
      canEdit: true,
      editor: { reviewNote: 'Lägg till kostnaderna per brukare.' },
    });
    expectProblem(
      await region.post(`/api/v1/cases/${id}/return`, { note: 'Igen' }),
      409,
      'case_not_submitted',
    );
  });

  it('is withdrawn by its author or a reviewer, and then disappears for everyone else', async () => {
    expectProblem(await staff.post(`/api/v1/cases/${draftId}/withdraw`), 403, 'forbidden');
    expectProblem(await borlange.post(`/api/v1/cases/${draftId}/withdraw`), 403, 'forbidden');
    const res = await falun.post(`/api/v1/cases/${draftId}/withdraw`);
    expect(res.json()).toMatchObject({ status: 'withdrawn', canEdit: true });
    expectProblem(await staff.get(`/api/v1/cases/${draftId}`), 404, 'not_found');
    expectProblem(await region.post(`/api/v1/cases/${draftId}/withdraw`), 409, 'case_not_published');
  });
});

describe('attachments', () => {
  let id: string;
  let pdfId: string;
  beforeAll(async () => {
    id = (await falun.post('/api/v1/cases', caseBody({ title: 'Med bilagor' }))).json().id;
  });

  it('takes PDFs and images from its authors, checked by content', async () => {
    const pdf = await upload(falun, id, 'utvärdering.pdf', await pdfWith(['Utvärdering av nattillsynen']));
    expect(pdf.statusCode).toBe(201);
    pdfId = pdf.json().attachments[0].id;
    const png = await upload(falun, id, 'skärmbild.png', pngImage(), 'image/png');
    expect(png.statusCode).toBe(201);
    expect(png.json().attachments.map((a: { mediaType: string }) => a.mediaType)).toEqual([
      'application/pdf',
      'image/png',
    ]);
  });

  it('refuses other files and other people, storing nothing', async () => {
    const before = await counts(t);
    expectProblem(await upload(falun, id, 'program.pdf', windowsExecutable()), 415, 'document_executable');
    expectProblem(
      await upload(falun, id, 'arkiv.zip', plainZip(), 'application/zip'),
      415,
      'attachment_type_not_allowed',
    );
    expectProblem(
      await upload(falun, id, 'bild.png', Buffer.from('inte en bild')),
      415,
      'document_content_mismatch',
    );
    const noFile = await falun.request({
      method: 'POST',
      url: `/api/v1/cases/${id}/attachments`,
      payload: {},
    });
    expectProblem(noFile, 400, 'file_required');
    expectProblem(await upload(borlange, id, 'a.png', pngImage()), 404, 'not_found');
    expectProblem(await upload(staff, id, 'a.png', pngImage()), 404, 'not_found');
    expectProblem(await upload(region, id, 'a.png', pngImage()), 403, 'forbidden');
    expectProblem(await region.delete(`/api/v1/cases/${id}/attachments/${pdfId}`), 403, 'forbidden');
    expect(await counts(t)).toEqual(before);
  });

  it('is read by those who may read the case', async () => {
    const url = `/api/v1/cases/${id}/attachments/${pdfId}`;
    const own = await falun.get(url);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect((await region.get(url)).statusCode).toBe(200);
    expectProblem(await staff.get(url), 404, 'not_found');
    expectProblem(
      await falun.get(`/api/v1/cases/${id}/attachments/00000000-0000-4000-8000-000000000000`),
      404,
      'not_found',
    );
  });

  it('is removed by its authors while the case may be edited', async () => {
    const res = await falun.delete(`/api/v1/cases/${id}/attachments/${pdfId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().attachments).toHaveLength(1);
    expectProblem(await falun.delete(`/api/v1/cases/${id}/attachments/${pdfId}`), 404, 'not_found');
    await falun.post(`/api/v1/cases/${id}/submit`);
    expectProblem(await upload(falun, id, 'sen.png', pngImage()), 409, 'case_not_editable');
    await region.post(`/api/v1/cases/${id}/publish`);
    const image = (await staff.get(`/api/v1/cases/${id}`)).json().attachments[0];
    expect((await staff.get(`/api/v1/cases/${id}/attachments/${image.id}`)).statusCode).toBe(200);
  });
});
