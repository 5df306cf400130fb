import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import type { MunicipalityResults, RoundResults } from '../../src/shared/contracts/assessment-results.ts';
import type { TemplateContent } from '../../src/shared/contracts/assessments.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  createRound,
  createTemplate,
  nationId,
  orgIdByName,
  resultsContent,
  type SheetInput,
  sheet,
} from './assessment-results.fixtures.ts';

let t: TestApp;
let region: string;
let r2025: string;
let r2026: string;
let national: string;

/** Version 2 renames question g1 to `strategi`; carries_over maps it back so trends survive. */
const v2: TemplateContent = {
  ...resultsContent,
  sections: resultsContent.sections.map((s) => ({
    ...s,
    questions: s.questions.map((q) => (q.key === 'g1' ? { ...q, key: 'strategi' } : q)),
  })),
};
const renamed = (s: SheetInput): SheetInput => {
  const { g1, ...rest } = s.answers;
  return { ...s, answers: g1 ? { ...rest, strategi: g1 } : rest };
};
const U = 'upphandling';
const N = 'natverk';
const M = 'medel';

beforeAll(async () => {
  t = await createTestApp();
  const [v1id, v2id] = await createTemplate(t.db, [
    { content: resultsContent },
    { content: v2, carriesOver: { strategi: 'g1' } },
  ]);
  region = await orgIdByName(t.db, 'Region Dalarna', 'region');
  await createRound(t.db, {
    versionId: v1id!,
    ownerId: region,
    name: 'Dalarna 2024',
    opensOn: '2024-03-01',
    sheets: [sheet('2080', 1, 'planned', 2, 2, [U, N, M], undefined, 'Falun 2024: ingen strategi')],
  });
  const dalarna2025 = [
    sheet('2080', 2, 'started', 4, 5, [U, N, M], 'Mer upphandlingsstöd', 'Strategin är under arbete'),
    sheet('2081', 4, 'achieved', 1, 3, [N, U, M], 'Borlänges önskan', 'Borlänges hemliga kommentar'),
    sheet('2082', 3, 'not_planned', 3, 3, [U, M, N]),
    sheet('2083', 5, 'not_relevant', 2, 2, [M, U, N]),
  ].map(renamed);
  r2025 = await createRound(t.db, {
    versionId: v2id!,
    ownerId: region,
    name: 'Dalarna 2025',
    opensOn: '2025-03-01',
    sheets: dalarna2025,
  });
  r2026 = await createRound(t.db, {
    versionId: v2id!,
    ownerId: region,
    name: 'Dalarna 2026',
    opensOn: '2026-03-01',
    shareResults: true,
    sheets: dalarna2025,
  });
  // Model municipalities (three Akademi Norr members) answer a national round; 2418 and Falun too.
  await t.db.execute(
    sql`update organisations set flags = array['model_municipality'] where kind = 'municipality' and code in ('2506', '2505', '2425')`,
  );
  national = await createRound(t.db, {
    versionId: v1id!,
    ownerId: await nationId(t.db),
    name: 'Nationell 2025',
    opensOn: '2025-02-01',
    sheets: [
      sheet('2506', 5, 'achieved', 5, 5, [U, N, M]),
      sheet('2505', 3, 'started', 3, 3, [N, U, M]),
      sheet('2425', 1, 'not_planned', 1, 1, [M, N, U]),
      sheet('2418', 2, 'planned', 2, 2, [U, N, M], undefined, 'Kommentar från 2418'),
      sheet('2080', 3, 'started', 3, 3, [U, N, M]),
    ],
  });
});
afterAll(() => t.close());

const results = async (who: string, roundId: string, query = '') => {
  const a = await t.as(who);
  return a.get(`/api/v1/assessment-rounds/${roundId}/results${query}`);
};
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;

describe('round results: scores and support needs', () => {
  it('computes area scores, the average and the ranked support needs with the method', async () => {
    const res = await results('region.dalarna', r2025);
    expect(res.statusCode).toBe(200);
    const body = res.json() as RoundResults;
    expect(body.view).toBe('all');
    expect(body.areas.map((a) => a.key)).toEqual(['governance', 'competence']);
    expect(body.completion).toEqual({ participants: 4, submitted: 4, preliminary: 0 });
    const falun = body.municipalities.find((m) => m.code === '2080')!;
    // (25 + 50) / 2 = 37.5 → 38; (75 + 100) / 2 = 87.5 → 88.
    expect(falun.scores).toEqual({ governance: 38, competence: 88 });
    // Not relevant is left out: Hedemora's governance is level 5 alone.
    expect(body.municipalities.find((m) => m.code === '2083')!.scores.governance).toBe(100);
    expect(body.average).toEqual({ governance: 63, competence: 47 });
    expect(body.scoreMethod).toMatch(/Nivå 1 ger 0 poäng/);
    expect(body.supportNeeds.method).toMatch(/störst behov först/);
    expect(body.supportNeeds.method).not.toMatch(/Borda/);
    expect(body.supportNeeds.items.map((n) => [n.key, n.meanRank, n.points, n.meanImportance])).toEqual([
      ['upphandling', 1.5, 6, 5],
      ['medel', 2.25, 3, 4],
      ['natverk', 2.25, 3, 3],
    ]);
    const g2 = body.distribution.find((d) => d.key === 'g2')!;
    expect(g2.counts.find((c) => c.value === 'achieved')!.count).toBe(1);
    expect(g2.answered).toBe(4);
    expect(body.wishes).toContainEqual({
      municipality: 'Falun',
      text: 'Mer upphandlingsstöd',
      preliminary: false,
    });
  });
});

describe('who sees what', () => {
  it('lets the round owner and national admins see every municipality by name', async () => {
    for (const who of ['region.dalarna', 'admin']) {
      const body = (await results(who, r2025)).json() as RoundResults;
      expect(body.view).toBe('all');
      expect(body.municipalities.map((m) => m.code).sort()).toEqual(['2080', '2081', '2082', '2083']);
    }
  });

  it('shows a participant its own results and only aggregates of others when not shared', async () => {
    const res = await results('samordnare.borlange', r2025);
    expect(res.statusCode).toBe(200);
    const body = res.json() as RoundResults;
    expect(body.view).toBe('own');
    expect(body.municipalities.map((m) => m.code)).toEqual(['2081']);
    expect(body.average).toEqual({ governance: 63, competence: 47 });
    expect(res.body).not.toContain('Falun');
    expect(body.wishes).toContainEqual({
      municipality: null,
      text: 'Mer upphandlingsstöd',
      preliminary: false,
    });
    expect(body.wishes).toContainEqual({
      municipality: 'Borlänge',
      text: 'Borlänges önskan',
      preliminary: false,
    });
    const other = await (await t.as('samordnare.borlange')).get(
      `/api/v1/assessment-rounds/${r2025}/municipalities/2080/results`,
    );
    expect(other.statusCode).toBe(404);
    const csv = await results('samordnare.borlange', r2025, '?format=csv');
    expect(csv.body).toContain('Borlänges hemliga kommentar');
    expect(csv.body).not.toContain('Strategin är under arbete');
    expect(csv.body).not.toContain('Falun');
  });

  it('shows others by name, with their comments, when the round shares its results', async () => {
    const body = (await results('samordnare.borlange', r2026)).json() as RoundResults;
    expect(body.view).toBe('all');
    expect(body.municipalities.map((m) => m.code).sort()).toEqual(['2080', '2081', '2082', '2083']);
    const falun = await (await t.as('samordnare.borlange')).get(
      `/api/v1/assessment-rounds/${r2026}/municipalities/2080/results`,
    );
    expect(falun.statusCode).toBe(200);
    const shared = falun.json() as MunicipalityResults;
    expect(shared.questions.find((q) => q.key === 'strategi')!.comment).toBe('Strategin är under arbete');
    // Sharing this round does not share Falun's earlier, unshared rounds.
    expect(shared.previous).toEqual([]);
  });

  it('shows an association coordinator its members by name and no one else', async () => {
    const body = (await results('samordnare.akademinorr', national)).json() as RoundResults;
    expect(body.view).toBe('own');
    expect(body.municipalities.map((m) => m.code).sort()).toEqual(['2418', '2425', '2505', '2506']);
    expect(body.completion.participants).toBe(5);
  });

  it('shows a region its own municipalities in a national round', async () => {
    const body = (await results('region.dalarna', national)).json() as RoundResults;
    expect(body.view).toBe('own');
    expect(body.municipalities.map((m) => m.code)).toEqual(['2080']);
  });

  it('withholds aggregates from a participant when fewer than three others could be singled out', async () => {
    const [versionId] = await createTemplate(t.db, [{ content: resultsContent }]);
    const small = await createRound(t.db, {
      versionId: versionId!,
      ownerId: region,
      name: 'Liten omgång',
      opensOn: '2025-04-01',
      sheets: [
        sheet('2080', 2, 'started', 4, 5, [U, N, M], 'Falun önskar'),
        sheet('2081', 4, 'achieved', 1, 3, [N, U, M], 'Borlänge önskar'),
        sheet('2082', 3, 'not_planned', 3, 3, [U, M, N]),
      ],
    });
    const own = (await results('samordnare.falun', small)).json() as RoundResults;
    expect(own.aggregatesHidden).toBe(true);
    expect(own.average).toEqual({ governance: null, competence: null });
    expect(own.distribution).toEqual([]);
    expect(own.supportNeeds.items).toEqual([]);
    expect(own.wishes).toEqual([{ municipality: 'Falun', text: 'Falun önskar', preliminary: false }]);
    const all = (await results('region.dalarna', small)).json() as RoundResults;
    expect(all.aggregatesHidden).toBe(false);
    expect(all.supportNeeds.items).toHaveLength(3);
  });

  it('counts only municipalities that answered towards a group, so one answer is never shown as an average', async () => {
    const [versionId] = await createTemplate(t.db, [{ content: resultsContent }]);
    const sparse = await createRound(t.db, {
      versionId: versionId!,
      ownerId: region,
      name: 'Gles omgång',
      opensOn: '2025-05-01',
      sheets: [
        sheet('2080', 2, 'started', 4, 5, [U, N, M]),
        sheet('2081', 4, 'achieved', 1, 3, [N, U, M], 'Borlänge önskar'),
        { code: '2082', answers: {} },
        { code: '2083', answers: {} },
        { code: '2084', answers: {} },
      ],
    });
    // Five participants, but Falun could single out Borlänge's answers from any aggregate.
    const own = (await results('samordnare.falun', sparse)).json() as RoundResults;
    expect(own.aggregatesHidden).toBe(true);
    expect(own.supportNeeds.items).toEqual([]);
    expect(own.wishes).toEqual([]);
    const mine = (
      await (
        await t.as('samordnare.falun')
      ).get(`/api/v1/assessment-rounds/${sparse}/municipalities/2080/results`)
    ).json() as MunicipalityResults;
    expect(mine.groups.find((g) => g.kind === 'region')).toMatchObject({ count: 1, scores: null });
    // The region sees Borlänge by name anyway, so its comparison shows the figures.
    const asRegion = (
      await (
        await t.as('region.dalarna')
      ).get(`/api/v1/assessment-rounds/${sparse}/municipalities/2080/results`)
    ).json() as MunicipalityResults;
    expect(asRegion.groups.find((g) => g.kind === 'region')).toMatchObject({
      count: 1,
      scores: { governance: 88, competence: 25 },
    });
  });

  it('refuses staff and managers (403) and hides the round from outsiders (404)', async () => {
    for (const who of ['personal.falun', 'chef.falun']) {
      expect((await results(who, r2025)).statusCode).toBe(403);
      expect((await results(who, r2025, '?format=xlsx')).statusCode).toBe(403);
    }
    expect((await results('samordnare.kramfors', r2025)).statusCode).toBe(404);
    expect((await results('samordnare.akademinorr', r2025)).statusCode).toBe(404);
    const kramfors = await t.as('samordnare.kramfors');
    expect(
      (await kramfors.get(`/api/v1/assessment-rounds/${r2025}/municipalities/2080/results`)).statusCode,
    ).toBe(404);
    expect(
      (await kramfors.get(`/api/v1/assessment-rounds/${r2025}/municipalities/2080/results.pdf`)).statusCode,
    ).toBe(404);
    expect((await results('region.dalarna', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/assessment-rounds/${r2025}/results` })).statusCode).toBe(401);
  });
});

describe('a municipality’s comparison', () => {
  const comparison = async (who: string, query = '') =>
    (await t.as(who)).get(`/api/v1/assessment-rounds/${r2025}/municipalities/2080/results${query}`);

  it('compares with the region, the model municipalities and its own previous rounds', async () => {
    const res = await comparison('samordnare.falun');
    expect(res.statusCode).toBe(200);
    const body = res.json() as MunicipalityResults;
    expect(body.scores).toEqual({ governance: 38, competence: 88 });
    const regionGroup = body.groups.find((g) => g.kind === 'region')!;
    // Borlänge 88, Säter 25, Hedemora 100 → 71; 25, 50, 25 → 33. Names stay hidden: not shared.
    expect(regionGroup).toMatchObject({
      count: 3,
      scores: { governance: 71, competence: 33 },
      members: null,
    });
    const model = body.groups.find((g) => g.kind === 'model')!;
    // Their own figures stay hidden: a Dalarna coordinator may not see them by name.
    expect(model).toMatchObject({ count: 3, scores: { governance: 50, competence: 50 }, members: null });
    // Oldest first, any owner's round on the same template that Falun answered.
    expect(body.previous.map((p) => [p.name, p.scores])).toEqual([
      ['Dalarna 2024', { governance: 13, competence: 25 }],
      ['Nationell 2025', { governance: 50, competence: 50 }],
    ]);
    const q = body.questions.find((x) => x.key === 'strategi')!;
    expect(q).toMatchObject({ answer: '2 – Nivå 2', score: 25, comment: 'Strategin är under arbete' });
    // carries_over maps `strategi` back to `g1` of version 1.
    expect(q.previousAnswer).toBe('3 – Nivå 3');
    expect(body.scoreMethod).toMatch(/0–100/);
  });

  it('reports "like mine" peer groups under three as too few, and as an average from three', async () => {
    const two = (await comparison('samordnare.falun', '?peers=2081,2082')).json() as MunicipalityResults;
    expect(two.groups.find((g) => g.kind === 'peers')).toMatchObject({
      count: 2,
      scores: null,
      members: null,
    });
    const three = (
      await comparison('samordnare.falun', '?peers=2081,2082,2083')
    ).json() as MunicipalityResults;
    expect(three.groups.find((g) => g.kind === 'peers')).toMatchObject({
      count: 3,
      scores: { governance: 71, competence: 33 },
      members: null,
    });
    const asRegion = (
      await comparison('region.dalarna', '?peers=2081,2082,2083')
    ).json() as MunicipalityResults;
    expect(
      asRegion.groups
        .find((g) => g.kind === 'peers')!
        .members!.map((m) => m.code)
        .sort(),
    ).toEqual(['2081', '2082', '2083']);
    expect((await comparison('samordnare.falun', '?peers=abc')).statusCode).toBe(400);
  });

  it('gives a tagged PDF summary in Swedish and English', async () => {
    const a = await t.as('samordnare.falun');
    for (const lang of ['sv', 'en']) {
      const res = await a.get(
        `/api/v1/assessment-rounds/${r2025}/municipalities/2080/results.pdf?lang=${lang}`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.rawPayload.toString('latin1')).toContain('/StructTreeRoot');
    }
  });
});

describe('exports', () => {
  it('exports CSV and XLSX with every answer, comment and evidence link', async () => {
    const csv = await results('region.dalarna', r2025, '?format=csv&lang=sv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="dalarna-2025-.*\.csv"/);
    expect(csv.body).toContain('Strategin är under arbete');
    expect(csv.body).toContain('Borlänges hemliga kommentar');
    expect(csv.body).toContain('https://example.org/strategi.pdf');
    expect(csv.body).toContain('Stödbehov i rangordning');
    const xlsx = await results('region.dalarna', r2025, '?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const answers = wb.getWorksheet('Svar')!;
    const cells = answers.getSheetValues().flat().map(String);
    expect(cells).toContain('Borlänges hemliga kommentar');
    expect((await results('region.dalarna', r2025, '?format=pdf')).statusCode).toBe(400);
  });
});

describe('initiative drafts from gaps', () => {
  it('lets the region turn a gap into a draft linked both ways', async () => {
    const a = await t.as('region.dalarna');
    const res = await a.post('/api/v1/initiatives', {
      title: 'Stöd till Falun i styrning',
      purpose: 'Falun har låg poäng i styrning.',
      ownerOrganisationId: region,
      source: { roundId: r2025, municipalityCode: '2080', areaKey: 'governance' },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      status: 'idea',
      owner: { id: region },
      links: [{ roundId: r2025, municipalityCode: '2080', areaKey: 'governance', questionKey: null }],
    });
    expect((await a.get(`/api/v1/initiatives/${created.id}`)).json().title).toBe(
      'Stöd till Falun i styrning',
    );
    const round = (await a.get(`/api/v1/assessment-rounds/${r2025}/results`)).json() as RoundResults;
    expect(round.initiatives).toContainEqual(
      expect.objectContaining({ id: created.id, areaKey: 'governance' }),
    );
    const falun = (
      await a.get(`/api/v1/assessment-rounds/${r2025}/municipalities/2080/results`)
    ).json() as MunicipalityResults;
    expect(falun.initiatives.map((i) => i.id)).toContain(created.id);
    expect(falun.initiativeOwners).toEqual([{ id: region, name: 'Region Dalarna' }]);
    // Another municipality does not see the region's initiative.
    expect(
      (await (await t.as('samordnare.borlange')).get(`/api/v1/initiatives/${created.id}`)).statusCode,
    ).toBe(404);
  });

  it('lets a municipality make a draft for itself from its own question', async () => {
    const a = await t.as('samordnare.falun');
    const falun = await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where code = '2080' and kind = 'municipality'`,
    );
    const res = await a.post('/api/v1/initiatives', {
      title: 'Ta fram en strategi',
      ownerOrganisationId: falun[0]!.id,
      source: { roundId: r2025, municipalityCode: '2080', questionKey: 'strategi' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().links[0].questionKey).toBe('strategi');
  });

  it('refuses the wrong owner, a gap the caller may not see and bad input, writing nothing', async () => {
    const before = [await count('initiatives'), await count('initiative_assessment_links')];
    const falunCoord = await t.as('samordnare.falun');
    const borlange = (
      await queryRows<{ id: string }>(
        t.db,
        sql`select id from organisations where code = '2081' and kind = 'municipality'`,
      )
    )[0]!.id;
    const falunId = (
      await queryRows<{ id: string }>(
        t.db,
        sql`select id from organisations where code = '2080' and kind = 'municipality'`,
      )
    )[0]!.id;
    const base = { title: 'En insats', source: { roundId: r2025 } };
    expect(
      (await falunCoord.post('/api/v1/initiatives', { ...base, ownerOrganisationId: region })).statusCode,
    ).toBe(403);
    expect(
      (await falunCoord.post('/api/v1/initiatives', { ...base, ownerOrganisationId: borlange })).statusCode,
    ).toBe(403);
    expect(
      (
        await falunCoord.post('/api/v1/initiatives', {
          ...base,
          ownerOrganisationId: falunId,
          source: { roundId: r2025, municipalityCode: '2081' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await (
          await t.as('personal.falun')
        ).post('/api/v1/initiatives', { ...base, ownerOrganisationId: falunId })
      ).statusCode,
    ).toBe(403);
    expect(
      (await falunCoord.post('/api/v1/initiatives', { ...base, title: 'x', ownerOrganisationId: falunId }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await falunCoord.post('/api/v1/initiatives', {
          ...base,
          ownerOrganisationId: falunId,
          source: { roundId: r2025, areaKey: 'nonsense' },
        })
      ).statusCode,
    ).toBe(400);
    expect([await count('initiatives'), await count('initiative_assessment_links')]).toEqual(before);
  });
});

describe('the API description', () => {
  it('describes the results and initiative routes in /api/openapi.json', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const p of [
      '/api/v1/assessment-rounds/{id}/results',
      '/api/v1/assessment-rounds/{id}/municipalities/{code}/results',
      '/api/v1/assessment-rounds/{id}/municipalities/{code}/results.pdf',
      '/api/v1/initiatives',
      '/api/v1/initiatives/{id}',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});
