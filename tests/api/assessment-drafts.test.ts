import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MunicipalityResults, RoundResults } from '../../src/shared/contracts/assessment-results.ts';
import type { RoundSummary, RoundView } from '../../src/shared/contracts/assessments.ts';
import { pdfText } from '../support/pdf-text.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  createRound,
  createTemplate,
  orgIdByName,
  resultsContent,
  sheet,
} from './assessment-results.fixtures.ts';

/**
 * Issue 16: results count only submitted sheets of others. One round, two participants: Falun has
 * submitted, Borlänge's sheet is a draft full of answers. Whatever another participant asks for —
 * the round list, the round, the results, their files, a comparison, a PDF — counts Falun's sheet only,
 * and no answer, comment, wish or link of Borlänge's draft appears in it.
 */
let t: TestApp;
let round: string;
const SECRETS = ['BORLANGE-UTKAST-ONSKAN', 'BORLANGE-UTKAST-KOMMENTAR', 'https://example.org/strategi.pdf'];

beforeAll(async () => {
  t = await createTestApp();
  const [versionId] = (await createTemplate(t.db, [{ content: resultsContent }])) as [string];
  round = await createRound(t.db, {
    versionId,
    ownerId: await orgIdByName(t.db, 'Region Dalarna', 'region'),
    name: 'Ett inskickat och ett utkast',
    opensOn: '2026-01-01',
    closesOn: '2099-12-31',
    shareResults: true,
    sheets: [
      sheet('2080', 2, 'started', 4, 5, ['upphandling', 'natverk', 'medel'], 'Falun önskar'),
      {
        ...sheet('2081', 5, 'achieved', 1, 1, ['medel', 'natverk', 'upphandling'], SECRETS[0], SECRETS[1]),
        status: 'open',
      },
    ],
  });
});
afterAll(() => t.close());

const get = async (who: string, path: string) => (await t.as(who)).get(`/api/v1/${path}`);
const ok = async (who: string, path: string) => {
  const res = await get(who, path);
  expect(res.statusCode, path).toBe(200);
  return res;
};
const noSecrets = (text: string) => {
  for (const s of SECRETS) expect(text).not.toContain(s);
};

describe('another participant, with one sheet submitted and one a draft', () => {
  it('counts only its own sheet in the round list and the round', async () => {
    const list = ((await ok('samordnare.falun', 'assessment-rounds')).json() as { items: RoundSummary[] })
      .items;
    expect(list.find((r) => r.id === round)).toMatchObject({ municipalityCount: 1, submittedCount: 1 });
    const view = (await ok('samordnare.falun', `assessment-rounds/${round}`)).json() as RoundView;
    expect(view.sheets.map((s) => s.code)).toEqual(['2080']);
  });

  it('gets results from the submitted sheet only, whatever it asks for', async () => {
    for (const query of ['', '?includePreliminary=true', '?lang=en']) {
      const res = await ok('samordnare.falun', `assessment-rounds/${round}/results${query}`);
      noSecrets(res.body);
      const body = res.json() as RoundResults;
      expect(body.completion).toEqual({ participants: 2, submitted: 1, preliminary: 0 });
      expect(body.average).toEqual({ governance: 38, competence: 88 });
      expect(body.municipalities.find((m) => m.code === '2081')).toMatchObject({
        status: 'open',
        scores: { governance: null, competence: null },
        preliminary: false,
      });
      expect(body.distribution.every((d) => d.answered === 1)).toBe(true);
      expect(body.supportNeeds.items.map((n) => n.responses)).toEqual([1, 1, 1]);
      expect(body.wishes.map((w) => w.text)).toEqual(['Falun önskar']);
    }
  });

  it('gets files with the submitted sheet’s answers and none of the draft’s', async () => {
    const csv = await ok('samordnare.falun', `assessment-rounds/${round}/results?format=csv`);
    noSecrets(csv.body);
    expect(csv.body).toContain('Falun önskar');
    const xlsx = await ok('samordnare.falun', `assessment-rounds/${round}/results?format=xlsx`);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = wb.worksheets
      .flatMap((ws) => ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : [])))
      .map((c) => JSON.stringify(c ?? null))
      .join(' ');
    noSecrets(cells);
    expect(cells).toContain('Falun önskar');
  });

  it('compares without the draft, and sees the draft’s own page as a status only', async () => {
    const ownRes = await ok('samordnare.falun', `assessment-rounds/${round}/municipalities/2080/results`);
    const own = ownRes.json() as MunicipalityResults;
    expect(own.groups.find((g) => g.kind === 'region')).toMatchObject({ count: 0, scores: null });
    const res = await ok('samordnare.falun', `assessment-rounds/${round}/municipalities/2081/results`);
    noSecrets(res.body);
    const draft = res.json() as MunicipalityResults;
    expect(draft.municipality).toMatchObject({ status: 'open', preliminary: false });
    expect(draft.questions.every((q) => q.answer === null && q.comment === null)).toBe(true);
    const pdf = await ok('samordnare.falun', `assessment-rounds/${round}/municipalities/2081/results.pdf`);
    noSecrets(await pdfText(pdf.rawPayload));
  });
});

describe('who may ask, and how', () => {
  it('refuses staff (403) and hides the round from another region (404), writing nothing', async () => {
    expect((await get('personal.falun', `assessment-rounds/${round}/results`)).statusCode).toBe(403);
    expect((await get('samordnare.kramfors', `assessment-rounds/${round}/results`)).statusCode).toBe(404);
    expect(
      (await get('samordnare.kramfors', `assessment-rounds/${round}/municipalities/2081/results`)).statusCode,
    ).toBe(404);
  });

  it('answers malformed input with 400', async () => {
    for (const path of [
      'assessment-rounds/not-a-uuid/results',
      `assessment-rounds/${round}/results?includePreliminary=maybe`,
      `assessment-rounds/${round}/results?format=pdf`,
    ]) {
      const res = await get('samordnare.falun', path);
      expect(res.statusCode, path).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
