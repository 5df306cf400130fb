import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MunicipalityResults, RoundResults } from '../../src/shared/contracts/assessment-results.ts';
import { pdfText } from '../support/pdf-text.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  createRound,
  createTemplate,
  orgIdByName,
  resultsContent,
  type SheetInput,
  sheet,
} from './assessment-results.fixtures.ts';

/**
 * Issue 14, defect 1: a sheet not submitted (open, or reopened by the round's owner) is a draft. In a
 * round that shares its results, other participants see it only as a status; the owner sees it marked
 * preliminary and counts it only when asking to. Averages are over what the counts on screen say.
 */
let t: TestApp;
let region: string;
let versionId: string;
let round: string;

const [U, N, M] = ['upphandling', 'natverk', 'medel'];
/** Every text of the two drafts; none may reach anyone but the round's owner. */
const DRAFT_TEXTS = [
  'BORLANGE-UTKAST-KOMMENTAR',
  'BORLANGE-UTKAST-ONSKAN',
  'https://example.org/borlange-utkast.pdf',
  'AVESTA-KOMMENTAR',
  'AVESTA-ONSKAN',
];

const draft = (s: SheetInput, status: 'open' | 'reopened', evidenceUrl?: string): SheetInput => ({
  ...s,
  status,
  answers: { ...s.answers, g1: { ...s.answers.g1!, evidenceUrl } },
});

/**
 * Falun, Säter and Hedemora submitted (governance 38, 25, 100; competence 88, 50, 38); Borlänge's
 * sheet is open (100, 100) and Avesta's reopened (0, 0). All five are in Dalarna.
 */
const sheets = (): SheetInput[] => [
  sheet('2080', 2, 'started', 4, 5, [U, N, M], 'Falun önskar', 'Faluns kommentar'),
  draft(
    sheet('2081', 5, 'achieved', 5, 5, [M, N, U], 'BORLANGE-UTKAST-ONSKAN', 'BORLANGE-UTKAST-KOMMENTAR'),
    'open',
    'https://example.org/borlange-utkast.pdf',
  ),
  sheet('2082', 3, 'not_planned', 3, 3, [U, M, N]),
  sheet('2083', 5, 'not_relevant', 3, 2, [M, U, N]),
  draft(sheet('2084', 1, 'not_planned', 1, 1, [N, M, U], 'AVESTA-ONSKAN', 'AVESTA-KOMMENTAR'), 'reopened'),
];
const SUBMITTED_AVERAGE = { governance: 54, competence: 59 };
const ALL_AVERAGE = { governance: 53, competence: 55 };
const NO_SCORES = { governance: null, competence: null };

const sharedRound = (name: string) =>
  createRound(t.db, {
    versionId,
    ownerId: region,
    name,
    opensOn: '2026-01-01',
    closesOn: '2099-12-31',
    shareResults: true,
    sheets: sheets(),
  });

beforeAll(async () => {
  t = await createTestApp();
  [versionId] = (await createTemplate(t.db, [{ content: resultsContent }])) as [string];
  region = await orgIdByName(t.db, 'Region Dalarna', 'region');
  round = await sharedRound('Delad omgång med utkast');
});
afterAll(() => t.close());

const get = async (who: string, path: string) => (await t.as(who)).get(`/api/v1/assessment-rounds/${path}`);
const results = async (who: string, query = '', id = round) => {
  const res = await get(who, `${id}/results${query}`);
  expect(res.statusCode).toBe(200);
  return res;
};
const comparison = async (who: string, code: string, query = '', id = round) => {
  const res = await get(who, `${id}/municipalities/${code}/results${query}`);
  expect(res.statusCode).toBe(200);
  return res;
};
const row = (r: RoundResults, code: string) => r.municipalities.find((m) => m.code === code)!;
const expectNoDrafts = (text: string) => {
  for (const secret of DRAFT_TEXTS) expect(text).not.toContain(secret);
};
async function xlsxCells(payload: Buffer) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return Object.fromEntries(
    wb.worksheets.map((ws) => [
      ws.name,
      Array.from(ws.getSheetValues(), (r) => (Array.isArray(r) ? Array.from(r, (c) => c ?? null) : [])),
    ]),
  ) as Record<string, unknown[][]>;
}
describe('another participant in a shared round', () => {
  it('sees an open or reopened sheet only as its status, and averages over the submitted ones', async () => {
    for (const query of ['', '?includePreliminary=true']) {
      const res = await results('samordnare.falun', query);
      expectNoDrafts(res.body);
      const body = res.json() as RoundResults;
      expect(body).toMatchObject({ view: 'all', canIncludePreliminary: false, includesPreliminary: false });
      expect(row(body, '2081')).toEqual({
        code: '2081',
        name: 'Borlänge',
        status: 'open',
        scores: NO_SCORES,
        preliminary: false,
      });
      expect(row(body, '2084')).toMatchObject({ status: 'reopened', scores: NO_SCORES, preliminary: false });
      expect(row(body, '2080')).toMatchObject({ scores: { governance: 38, competence: 88 } });
      // "3 of 5 have submitted", and the averages are over those three.
      expect(body.completion).toEqual({ participants: 5, submitted: 3, preliminary: 0 });
      expect(body.average).toEqual(SUBMITTED_AVERAGE);
      expect(body.distribution.find((d) => d.key === 'g2')!.answered).toBe(3);
      expect(body.supportNeeds.items[0]).toMatchObject({ key: U, responses: 3 });
      expect(body.wishes.map((w) => w.text)).toEqual(['Falun önskar']);
    }
  });

  it('gets no answers, scores or comments of a draft in CSV or XLSX', async () => {
    for (const query of ['?format=csv', '?format=csv&includePreliminary=true']) {
      const csv = await results('samordnare.falun', query);
      expectNoDrafts(csv.body);
      expect(csv.body).toContain('Faluns kommentar');
      expect(csv.body).toContain('Medelvärde (3 inlämnade)');
    }
    const xlsx = await results('samordnare.falun', '?format=xlsx&includePreliminary=true');
    const cells = await xlsxCells(xlsx.rawPayload);
    expectNoDrafts(JSON.stringify(cells));
    const answered = cells.Svar!.map((r) => r[1]);
    expect(answered).toContain('Falun');
    expect(answered).not.toContain('Borlänge');
    expect(answered).not.toContain('Avesta');
    const scores = cells.Poäng!;
    // Municipality, code, status, preliminary, governance, competence: a draft is a status, nothing more.
    expect(scores.find((r) => r[1] === 'Borlänge')!.slice(1)).toEqual([
      'Borlänge',
      '2081',
      'open',
      '',
      '',
      '',
    ]);
    expect(scores.find((r) => r[1] === 'Avesta')!.slice(1)).toEqual([
      'Avesta',
      '2084',
      'reopened',
      '',
      '',
      '',
    ]);
    expect(scores.find((r) => String(r[1]).startsWith('Medelvärde'))!.slice(5)).toEqual([54, 59]);
  });

  it('gets a draft’s municipality results and PDF with its status and nothing else', async () => {
    for (const code of ['2081', '2084'])
      for (const query of ['', '?includePreliminary=true']) {
        const res = await comparison('samordnare.falun', code, query);
        expectNoDrafts(res.body);
        const body = res.json() as MunicipalityResults;
        expect(body.municipality).toMatchObject({ code, preliminary: false });
        expect(body.scores).toEqual(NO_SCORES);
        for (const q of body.questions)
          expect([q.answer, q.score, q.comment, q.evidenceUrl]).toEqual([null, null, null, null]);
      }
    const pdf = await get(
      'samordnare.falun',
      `${round}/municipalities/2081/results.pdf?includePreliminary=true`,
    );
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Kommunen har inte lämnat in sina svar.');
    expect(text).not.toContain('Nivå 5');
    expectNoDrafts(text);
  });

  it('compares its own results only with submitted sheets, and lists drafts without scores', async () => {
    const body = (await comparison('samordnare.falun', '2080')).json() as MunicipalityResults;
    const regionGroup = body.groups.find((g) => g.kind === 'region')!;
    // Säter (25, 50) and Hedemora (100, 38): Borlänge and Avesta have not submitted.
    expect(regionGroup).toMatchObject({ count: 2, scores: { governance: 63, competence: 44 } });
    expect(regionGroup.members!.find((m) => m.code === '2081')).toMatchObject({
      scores: NO_SCORES,
      preliminary: false,
    });
    const peers = (
      await comparison('samordnare.falun', '2080', '?peers=2081,2082,2084')
    ).json() as MunicipalityResults;
    expect(peers.groups.find((g) => g.kind === 'peers')).toMatchObject({
      count: 1,
      scores: { governance: 25, competence: 50 },
    });
  });

  it('refuses a malformed flag with 400', async () => {
    expect((await get('samordnare.falun', `${round}/results?includePreliminary=yes`)).statusCode).toBe(400);
    expect(
      (await get('region.dalarna', `${round}/municipalities/2080/results?includePreliminary=1`)).statusCode,
    ).toBe(400);
  });
});

describe('the round’s owner', () => {
  it('sees drafts marked preliminary, outside the averages unless asked for', async () => {
    for (const who of ['region.dalarna', 'admin']) {
      const res = await results(who);
      const body = res.json() as RoundResults;
      expect(body).toMatchObject({ canIncludePreliminary: true, includesPreliminary: false });
      expect(row(body, '2081')).toMatchObject({
        status: 'open',
        scores: { governance: 100, competence: 100 },
        preliminary: true,
      });
      expect(row(body, '2084')).toMatchObject({
        scores: { governance: 0, competence: 0 },
        preliminary: true,
      });
      expect(row(body, '2080').preliminary).toBe(false);
      expect(body.completion).toEqual({ participants: 5, submitted: 3, preliminary: 0 });
      expect(body.average).toEqual(SUBMITTED_AVERAGE);
      expect(body.supportNeeds.items[0]).toMatchObject({ key: U, responses: 3 });
      expect(body.distribution.find((d) => d.key === 'g2')!.answered).toBe(3);
      expect(body.wishes).toContainEqual({
        municipality: 'Borlänge',
        text: 'BORLANGE-UTKAST-ONSKAN',
        preliminary: true,
      });

      const asked = (await results(who, '?includePreliminary=true')).json() as RoundResults;
      expect(asked.includesPreliminary).toBe(true);
      expect(asked.completion).toEqual({ participants: 5, submitted: 3, preliminary: 2 });
      expect(asked.average).toEqual(ALL_AVERAGE);
      expect(asked.supportNeeds.items[0]).toMatchObject({ key: M, responses: 5 });
      expect(asked.distribution.find((d) => d.key === 'g2')!.answered).toBe(5);
      // The view cache keeps the two apart.
      expect(((await results(who)).json() as RoundResults).average).toEqual(SUBMITTED_AVERAGE);
    }
  });

  it('exports drafts marked preliminary, counted only when asked for', async () => {
    const csv = (await results('region.dalarna', '?format=csv')).body;
    expect(csv).toContain('BORLANGE-UTKAST-KOMMENTAR');
    expect(csv).toContain('preliminärt');
    expect(csv).toContain('Medelvärde (3 inlämnade)');
    const asked = (await results('region.dalarna', '?format=csv&includePreliminary=true')).body;
    expect(asked).toContain('Medelvärde (3 inlämnade + 2 preliminära)');
    const cells = await xlsxCells((await results('region.dalarna', '?format=xlsx&lang=en')).rawPayload);
    const scores = cells.Scores!;
    expect(scores.find((r) => r[1] === 'Borlänge')!.slice(1)).toEqual([
      'Borlänge',
      '2081',
      'open',
      'preliminary',
      100,
      100,
    ]);
    expect(scores.find((r) => String(r[1]).startsWith('Average'))!.slice(1)).toEqual([
      'Average (3 submitted)',
      '',
      '',
      '',
      54,
      59,
    ]);
    const comment = cells.Answers!.find((r) => r[6] === 'BORLANGE-UTKAST-KOMMENTAR')!;
    expect(comment[8]).toBe('preliminary');
  });

  it('sees a draft’s municipality results marked preliminary and compares with drafts when asked', async () => {
    const draftView = (await comparison('region.dalarna', '2081')).json() as MunicipalityResults;
    expect(draftView.municipality).toMatchObject({ status: 'open', preliminary: true });
    expect(draftView.questions.find((q) => q.key === 'g1')!.comment).toBe('BORLANGE-UTKAST-KOMMENTAR');
    const pdf = await get('region.dalarna', `${round}/municipalities/2081/results.pdf`);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Preliminärt: kommunen har inte lämnat in sina svar');
    expect(text).toContain('BORLANGE-UTKAST-KOMMENTAR');

    const falun = (await comparison('region.dalarna', '2080')).json() as MunicipalityResults;
    const group = falun.groups.find((g) => g.kind === 'region')!;
    expect(group).toMatchObject({ count: 2, scores: { governance: 63, competence: 44 } });
    expect(group.members!.find((m) => m.code === '2081')).toMatchObject({
      scores: { governance: 100, competence: 100 },
      preliminary: true,
    });
    const asked = (
      await comparison('region.dalarna', '2080', '?includePreliminary=true')
    ).json() as MunicipalityResults;
    expect(asked.includesPreliminary).toBe(true);
    // Borlänge 100, Säter 25, Hedemora 100, Avesta 0 → 56; 100, 50, 38, 0 → 47.
    expect(asked.groups.find((g) => g.kind === 'region')).toMatchObject({
      count: 4,
      scores: { governance: 56, competence: 47 },
    });
    const askedPdf = await pdfText(
      (await get('region.dalarna', `${round}/municipalities/2080/results.pdf?includePreliminary=true`))
        .rawPayload,
    );
    expect(askedPdf).toContain('räknar även med preliminära svar');
  });
});

describe('submitting and reopening', () => {
  it('changes what a participant sees at once, whatever was cached for the owner', async () => {
    const id = await sharedRound('Delad omgång som lämnas in');
    // The owner's view is cached first; another participant must not be answered from it.
    expect(((await results('region.dalarna', '', id)).json() as RoundResults).municipalities).toHaveLength(5);
    const before = (await results('samordnare.falun', '', id)).json() as RoundResults;
    expect(row(before, '2081').scores).toEqual(NO_SCORES);
    expect(before.average).toEqual(SUBMITTED_AVERAGE);
    expect((await comparison('samordnare.falun', '2081', '', id)).json().scores).toEqual(NO_SCORES);

    const borlange = await t.as('samordnare.borlange');
    expect(
      (await borlange.post(`/api/v1/assessment-rounds/${id}/municipalities/2081/submit`)).statusCode,
    ).toBe(200);
    const submitted = (await results('samordnare.falun', '', id)).json() as RoundResults;
    expect(row(submitted, '2081')).toMatchObject({
      status: 'submitted',
      scores: { governance: 100, competence: 100 },
      preliminary: false,
    });
    expect(submitted.completion).toEqual({ participants: 5, submitted: 4, preliminary: 0 });
    // Falun 38, Borlänge 100, Säter 25, Hedemora 100 → 66; 88, 100, 50, 38 → 69.
    expect(submitted.average).toEqual({ governance: 66, competence: 69 });
    expect((await comparison('samordnare.falun', '2081', '', id)).json().scores).toEqual({
      governance: 100,
      competence: 100,
    });

    const owner = await t.as('region.dalarna');
    expect((await owner.post(`/api/v1/assessment-rounds/${id}/municipalities/2081/reopen`)).statusCode).toBe(
      200,
    );
    const reopened = await results('samordnare.falun', '', id);
    expectNoDrafts(reopened.body);
    expect(row(reopened.json() as RoundResults, '2081')).toMatchObject({
      status: 'reopened',
      scores: NO_SCORES,
    });
    expect((reopened.json() as RoundResults).average).toEqual(SUBMITTED_AVERAGE);
    expect((await comparison('samordnare.falun', '2081', '', id)).json().scores).toEqual(NO_SCORES);
  });
});

describe('a sheet reopened by another process', () => {
  it('is not taken for submitted from this process’s cached round', async () => {
    const id = await sharedRound('Delad omgång öppnad i en annan process');
    expect(((await results('samordnare.falun', '', id)).json() as RoundResults).average).toEqual(
      SUBMITTED_AVERAGE,
    );
    // Another instance reopens Säter's sheet and Säter writes a draft: this process is not told.
    await t.db.execute(
      sql`update assessment_sheets set status = 'reopened'
          where round_id = ${id} and municipality_id = (select id from organisations where code = '2082' and kind = 'municipality')`,
    );
    await t.db.execute(
      sql`update assessment_answers set comment = 'SATER-NYTT-UTKAST'
          where round_id = ${id} and question_key = 'g1'
            and municipality_id = (select id from organisations where code = '2082' and kind = 'municipality')`,
    );
    const csv = await results('samordnare.falun', '?format=csv', id);
    expect(csv.body).not.toContain('SATER-NYTT-UTKAST');
    const english = (await results('samordnare.falun', '?lang=en', id)).json() as RoundResults;
    expect(row(english, '2082')).toMatchObject({ status: 'reopened', scores: NO_SCORES });
    const saeter = await comparison('samordnare.falun', '2082', '?lang=en', id);
    expect(saeter.body).not.toContain('SATER-NYTT-UTKAST');
    expect((saeter.json() as MunicipalityResults).scores).toEqual(NO_SCORES);
  });
});

describe('comparisons across rounds', () => {
  it('take model municipalities and earlier rounds from submitted sheets only', async () => {
    // Borlänge, whose sheet here is a draft, becomes a model municipality; Falun left an earlier round's
    // sheet open.
    await t.db.execute(
      sql`update organisations set flags = array['model_municipality'] where kind = 'municipality' and code = '2081'`,
    );
    await createRound(t.db, {
      versionId,
      ownerId: region,
      name: 'Tidigare omgång med utkast',
      opensOn: '2025-01-01',
      sheets: [
        draft(sheet('2080', 5, 'achieved', 5, 5, [U, N, M], undefined, 'FALUN-TIDIGARE-UTKAST'), 'open'),
      ],
    });
    const id = await createRound(t.db, {
      versionId,
      ownerId: region,
      name: 'Omgång efter ett utkast',
      opensOn: '2025-06-01',
      shareResults: true,
      sheets: sheets(),
    });
    for (const who of ['samordnare.falun', 'region.dalarna']) {
      const res = await comparison(who, '2080', '', id);
      expect(res.body).not.toContain('FALUN-TIDIGARE-UTKAST');
      const body = res.json() as MunicipalityResults;
      expect(body.groups.find((g) => g.kind === 'model')).toMatchObject({ count: 0, scores: null });
      expect(body.previous).toEqual([]);
      expect(body.questions.find((q) => q.key === 'g1')!.previousAnswer).toBeNull();
    }
  });
});
