import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import {
  DEFAULT_TEMPLATE_KEY,
  defaultTemplateContent,
} from '../../src/server/db/reference/assessment-template.ts';
import { sendDueReminders } from '../../src/server/features/assessments/reminders.ts';
import { createMailer } from '../../src/server/features/mail/mailer.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';
import { codes, count } from './programmes.fixtures.ts';

let t: TestApp;
let region: Agent;
let falun: Agent;
let dalarnaId: string;
let versionId: string;
let roundId: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const sheetUrl = (code: string, id = roundId) => `/api/v1/assessment-rounds/${id}/municipalities/${code}`;
const put = (a: Agent, code: string, answers: unknown[], id = roundId) =>
  a.request({ method: 'PUT', url: sheetUrl(code, id), payload: { answers } });
const answerOf = (res: { json(): unknown }, key: string) =>
  (res.json() as { answers: { questionKey: string; value: unknown; revision: number }[] }).answers.find(
    (a) => a.questionKey === key,
  );
const orgId = async (kind: string, code: string) =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where kind = ${kind} and code = ${code}`,
    )
  )[0]!.id;

const openRound = (a: Agent, extra: Record<string, unknown> = {}) =>
  a.post('/api/v1/assessment-rounds', {
    name: 'Testomgång',
    templateVersionId: versionId,
    ownerOrganisationId: dalarnaId,
    municipalityCodes: ['2080', '2081'],
    opensOn: day(-1),
    closesOn: day(5),
    shareResults: false,
    ...extra,
  });

beforeAll(async () => {
  t = await createTestApp();
  region = await t.as('region.dalarna');
  falun = await t.as('samordnare.falun');
  dalarnaId = await orgId('region', '20');
  const templates = (await region.get('/api/v1/assessment-templates')).json().items as {
    key: string;
    versions: { id: string; version: number }[];
  }[];
  versionId = templates.find((x) => x.key === DEFAULT_TEMPLATE_KEY)!.versions[0]!.id;
  const created = await openRound(region);
  expect(created.statusCode).toBe(201);
  roundId = created.json().id;
});
afterAll(() => t.close());

describe('the default template', () => {
  it('is published nationally as version 1 with 5–8 questions per area and level descriptors', async () => {
    const res = await falun.get('/api/v1/assessment-templates');
    expect(res.statusCode).toBe(200);
    const template = (res.json().items as { key: string; id: string; owner: { kind: string } }[]).find(
      (x) => x.key === DEFAULT_TEMPLATE_KEY,
    )!;
    expect(template.owner.kind).toBe('nation');
    const details = (await falun.get(`/api/v1/assessment-templates/${template.id}`)).json();
    expect(details.latest).toEqual(defaultTemplateContent);
    for (const s of defaultTemplateContent.sections.filter((x) => x.area !== 'support')) {
      expect(s.questions.length).toBeGreaterThanOrEqual(5);
      expect(s.questions.length).toBeLessThanOrEqual(8);
      for (const q of s.questions) expect(q.levels).toHaveLength(5);
    }
  });
});

describe('template versions', () => {
  const content = (keys: string[]) => ({
    name: { sv: 'Regional mall', en: 'Regional template' },
    description: { sv: 'Test', en: 'Test' },
    sections: [
      {
        key: 'styrning',
        area: 'governance',
        title: { sv: 'Styrning', en: 'Governance' },
        questions: keys.map((key) => ({
          key,
          type: 'status',
          text: { sv: `Fråga ${key}`, en: `Question ${key}` },
          scored: true,
        })),
      },
    ],
  });

  it('lets a region create its own template, publish versions and map carried-over questions', async () => {
    const created = await region.post('/api/v1/assessment-templates', {
      key: 'dalarna-extra',
      ownerOrganisationId: dalarnaId,
      content: content(['a', 'b']),
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ hasDraft: true, versions: [] });
    // Nothing published before: nothing can carry over.
    const early = await region.post(`/api/v1/assessment-templates/${id}/versions`, {
      carriesOver: { a: 'a' },
    });
    expect(early.statusCode).toBe(400);
    expect(codes(early)).toContain('unknown_previous_key');
    const v1 = await region.post(`/api/v1/assessment-templates/${id}/versions`, {});
    expect(v1.statusCode).toBe(201);
    expect(v1.json()).toMatchObject({ hasDraft: false, versions: [{ version: 1 }] });

    const bad = await region.post(`/api/v1/assessment-templates/${id}/versions`, {
      content: content(['a2', 'c']),
      carriesOver: { a2: 'a', c: 'zzz', nope: 'b' },
    });
    expect(bad.statusCode).toBe(400);
    expect(codes(bad).sort()).toEqual(['unknown_previous_key', 'unknown_question']);
    const v2 = await region.post(`/api/v1/assessment-templates/${id}/versions`, {
      content: content(['a2', 'c']),
      carriesOver: { a2: 'a' },
    });
    expect(v2.statusCode).toBe(201);
    expect(
      v2.json().versions.map((v: { version: number; carriesOver: unknown }) => [v.version, v.carriesOver]),
    ).toEqual([
      [1, {}],
      [2, { a2: 'a' }],
    ]);
    // Another region's coordinator neither sees nor publishes it; a municipality cannot create templates.
    const norr = await t.as('samordnare.akademinorr');
    expect((await norr.get(`/api/v1/assessment-templates/${id}`)).statusCode).toBe(404);
    expect(
      ((await norr.get('/api/v1/assessment-templates')).json().items as { key: string }[]).map((x) => x.key),
    ).not.toContain('dalarna-extra');
    expect((await falun.post(`/api/v1/assessment-templates/${id}/versions`, {})).statusCode).toBe(404);
    const mine = await falun.post('/api/v1/assessment-templates', {
      key: 'falun-egen',
      ownerOrganisationId: await orgId('municipality', '2080'),
      content: content(['x']),
    });
    expect(mine.statusCode).toBe(403);
    const taken = await region.post('/api/v1/assessment-templates', {
      key: 'dalarna-extra',
      ownerOrganisationId: dalarnaId,
      content: content(['x']),
    });
    expect(taken.statusCode).toBe(409);
  });

  it('saves the draft of the next version for the owner only, and refuses a bad draft', async () => {
    const created = await region.post('/api/v1/assessment-templates', {
      key: 'dalarna-utkast',
      ownerOrganisationId: dalarnaId,
      content: content(['a']),
    });
    const id = created.json().id;
    await region.post(`/api/v1/assessment-templates/${id}/versions`, {});
    const saved = await region.request({
      method: 'PUT',
      url: `/api/v1/assessment-templates/${id}/draft`,
      payload: { content: content(['a', 'b']) },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ hasDraft: true, versions: [{ version: 1 }] });
    expect(saved.json().draft.sections[0].questions).toHaveLength(2);
    expect(saved.json().latest.sections[0].questions).toHaveLength(1);

    const duplicate = await region.request({
      method: 'PUT',
      url: `/api/v1/assessment-templates/${id}/draft`,
      payload: { content: content(['a', 'a']) },
    });
    expect(duplicate.statusCode).toBe(400);
    const norr = await t.as('samordnare.akademinorr');
    const other = await norr.request({
      method: 'PUT',
      url: `/api/v1/assessment-templates/${id}/draft`,
      payload: { content: content(['x']) },
    });
    expect(other.statusCode).toBe(404);
    // A municipal coordinator sees the national template but may not change it.
    const national = (
      (await falun.get('/api/v1/assessment-templates')).json().items as { id: string; key: string }[]
    ).find((x) => x.key === DEFAULT_TEMPLATE_KEY)!;
    const forbidden = await falun.request({
      method: 'PUT',
      url: `/api/v1/assessment-templates/${national.id}/draft`,
      payload: { content: content(['x']) },
    });
    expect(forbidden.statusCode).toBe(403);
    const after = (await region.get(`/api/v1/assessment-templates/${id}`)).json();
    expect(after.draft.sections[0].questions.map((q: { key: string }) => q.key)).toEqual(['a', 'b']);
    expect((await region.get(`/api/v1/assessment-templates/${national.id}`)).json().hasDraft).toBe(false);
  });
});

describe('rounds', () => {
  it('are opened by the region for its own municipalities only', async () => {
    const view = (await region.get(`/api/v1/assessment-rounds/${roundId}`)).json();
    expect(view.sheets.map((s: { code: string }) => s.code).sort()).toEqual(['2080', '2081']);
    expect(view.sheets[0]).toMatchObject({ status: 'open', answered: 0, total: 26 });
    expect(view.canRun).toBe(true);

    const before = await count(t, 'assessment_rounds');
    const outside = await openRound(region, { municipalityCodes: ['2080', '1280'] });
    expect(outside.statusCode).toBe(400);
    expect(codes(outside)).toEqual(['municipality_outside_scope']);
    const backwards = await openRound(region, { closesOn: day(-3) });
    expect(backwards.statusCode).toBe(400);
    for (const who of ['samordnare.falun', 'chef.falun', 'samordnare.akademinorr']) {
      expect((await openRound(await t.as(who))).statusCode).toBe(403);
    }
    expect(await count(t, 'assessment_rounds')).toBe(before);
  });

  it('are opened by an association for its member municipalities only', async () => {
    const norr = await t.as('samordnare.akademinorr');
    const akademiNorr = (
      await queryRows<{ id: string }>(
        t.db,
        sql`select id from organisations where kind = 'association' and name = 'Akademi Norr'`,
      )
    )[0]!.id;
    const before = await count(t, 'assessment_rounds');
    const outside = await openRound(norr, {
      ownerOrganisationId: akademiNorr,
      municipalityCodes: ['2506', '2080'],
    });
    expect(outside.statusCode).toBe(400);
    expect(codes(outside)).toEqual(['municipality_outside_scope']);
    expect(await count(t, 'assessment_rounds')).toBe(before);
    // Dalarna's coordinator cannot open a round in the association's name.
    expect(
      (await openRound(region, { ownerOrganisationId: akademiNorr, municipalityCodes: ['2506'] })).statusCode,
    ).toBe(403);
    const created = await openRound(norr, {
      ownerOrganisationId: akademiNorr,
      municipalityCodes: ['2506', '2505'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      canRun: true,
      municipalityCount: 2,
      owner: { name: 'Akademi Norr' },
    });
    expect((await region.get(`/api/v1/assessment-rounds/${created.json().id}`)).statusCode).toBe(404);
  });

  it('show a participating municipality only its own row, and nothing to others', async () => {
    const own = await falun.get(`/api/v1/assessment-rounds/${roundId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().sheets.map((s: { code: string }) => s.code)).toEqual(['2080']);
    expect(own.json().canRun).toBe(false);
    const list = (await falun.get('/api/v1/assessment-rounds')).json().items as { id: string }[];
    expect(list.map((r) => r.id)).toContain(roundId);
    const kramfors = await t.as('samordnare.kramfors');
    expect((await kramfors.get(`/api/v1/assessment-rounds/${roundId}`)).statusCode).toBe(404);
    expect(
      ((await kramfors.get('/api/v1/assessment-rounds')).json().items as { id: string }[]).map((r) => r.id),
    ).not.toContain(roundId);
  });
});

describe('the answer sheet', () => {
  it('saves answers per question with revisions, names and history', async () => {
    const history = await count(t, 'assessment_answer_history');
    const res = await put(falun, '2080', [
      {
        questionKey: 'strategi',
        value: { level: 3 },
        comment: 'Strategin från 2019 ska revideras.',
        baseRevision: 0,
      },
    ]);
    expect(res.statusCode).toBe(200);
    expect(answerOf(res, 'strategi')).toMatchObject({
      value: { level: 3 },
      revision: 1,
      comment: 'Strategin från 2019 ska revideras.',
      updatedBy: 'Maria Sundin',
    });
    expect(res.json()).toMatchObject({ answered: 1, total: 26, canEdit: true, status: 'open' });
    expect(await count(t, 'assessment_answer_history')).toBe(history + 1);
  });

  it('refuses invalid answers with 400 per item, writing nothing', async () => {
    const before = await count(t, 'assessment_answers');
    const history = await count(t, 'assessment_answer_history');
    const cases: [unknown[], string][] = [
      [[{ questionKey: 'budget', value: { level: 7 } }], 'level_out_of_range'],
      [[{ questionKey: 'rangordning-stod', value: { order: ['upphandlingsstod'] } }], 'ranking_incomplete'],
      [[{ questionKey: 'onskemal-region', value: { text: 'x'.repeat(2001) } }], 'text_too_long'],
      [[{ questionKey: 'finns-inte', value: { level: 2 } }], 'unknown_question'],
      [[{ questionKey: 'budget', value: { status: 'achieved' } }], 'level_out_of_range'],
    ];
    for (const [answers, code] of cases) {
      // A valid answer alongside the bad one is not written either: all or nothing.
      const res = await put(falun, '2080', [{ questionKey: 'wifi', value: { level: 4 } }, ...answers]);
      expect(res.statusCode).toBe(400);
      expect(codes(res)).toEqual([code]);
      expect(res.json().errors[0].path).toMatch(/^body\.answers\.1\./);
    }
    const tooLongComment = await put(falun, '2080', [
      { questionKey: 'wifi', value: null, comment: 'x'.repeat(4001) },
    ]);
    expect(tooLongComment.statusCode).toBe(400);
    const script = await put(falun, '2080', [
      { questionKey: 'wifi', value: { level: 2 }, evidenceUrl: 'javascript:alert(1)' },
    ]);
    expect(script.statusCode).toBe(400);
    expect(await count(t, 'assessment_answers')).toBe(before);
    expect(await count(t, 'assessment_answer_history')).toBe(history);
  });

  it('refuses a choice not offered on a template with choices', async () => {
    const id = (
      await region.post('/api/v1/assessment-templates', {
        key: 'dalarna-val',
        ownerOrganisationId: dalarnaId,
        content: {
          name: { sv: 'Val', en: 'Choice' },
          description: { sv: 'Test', en: 'Test' },
          sections: [
            {
              key: 's',
              area: 'organisation',
              title: { sv: 'S', en: 'S' },
              questions: [
                {
                  key: 'vem',
                  type: 'single',
                  text: { sv: 'Vem äger frågan?', en: 'Who owns it?' },
                  options: [
                    { key: 'socialchef', label: { sv: 'Socialchef', en: 'Head of social services' } },
                    { key: 'it', label: { sv: 'IT-chef', en: 'Head of IT' } },
                  ],
                },
              ],
            },
          ],
        },
      })
    ).json().id;
    const version = (await region.post(`/api/v1/assessment-templates/${id}/versions`, {})).json().versions[0]
      .id;
    const round = (
      await openRound(region, { templateVersionId: version, municipalityCodes: ['2080'] })
    ).json().id;
    const bad = await put(falun, '2080', [{ questionKey: 'vem', value: { option: 'kommunchef' } }], round);
    expect(bad.statusCode).toBe(400);
    expect(codes(bad)).toEqual(['option_not_offered']);
    expect(
      (await put(falun, '2080', [{ questionKey: 'vem', value: { option: 'it' } }], round)).statusCode,
    ).toBe(200);
  });

  it('keeps both answers when two people save different questions at once', async () => {
    await t.db.execute(
      sql`insert into memberships (user_id, organisation_id, role)
          select u.id, o.id, 'municipal_coordinator' from users u, organisations o
          where u.email = 'lina.persson@demo.valfardsnavet.se' and o.kind = 'municipality' and o.code = '2080'`,
    );
    const lina = await t.as('lina.persson');
    const [a, b] = await Promise.all([
      put(falun, '2080', [{ questionKey: 'handlingsplan', value: { level: 2 }, baseRevision: 0 }]),
      put(lina, '2080', [{ questionKey: 'beslutsmandat', value: { level: 4 }, baseRevision: 0 }]),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const sheet = await falun.get(sheetUrl('2080'));
    expect(answerOf(sheet, 'handlingsplan')).toMatchObject({
      value: { level: 2 },
      updatedBy: 'Maria Sundin',
    });
    expect(answerOf(sheet, 'beslutsmandat')).toMatchObject({
      value: { level: 4 },
      updatedBy: 'Lina Persson',
    });
  });

  it('answers a stale save of the same question with 409 and the stored answer', async () => {
    const first = await put(falun, '2080', [{ questionKey: 'budget', value: { level: 2 }, baseRevision: 0 }]);
    expect(answerOf(first, 'budget')!.revision).toBe(1);
    const lina = await t.as('lina.persson');
    const stale = await put(lina, '2080', [{ questionKey: 'budget', value: { level: 5 }, baseRevision: 0 }]);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'answer_conflict',
      current: [{ questionKey: 'budget', value: { level: 2 }, revision: 1, updatedBy: 'Maria Sundin' }],
    });
    expect(answerOf(await falun.get(sheetUrl('2080')), 'budget')).toMatchObject({ value: { level: 2 } });
    // Keeping one's own answer: save again against the revision now seen.
    const kept = await put(lina, '2080', [{ questionKey: 'budget', value: { level: 5 }, baseRevision: 1 }]);
    expect(answerOf(kept, 'budget')).toMatchObject({ value: { level: 5 }, revision: 2 });
  });

  it('is hidden from other municipalities and read-only to the region', async () => {
    const borlange = await t.as('samordnare.borlange');
    expect((await borlange.get(sheetUrl('2080'))).statusCode).toBe(404);
    expect((await put(borlange, '2080', [{ questionKey: 'wifi', value: { level: 1 } }])).statusCode).toBe(
      404,
    );
    expect((await (await t.as('samordnare.kramfors')).get(sheetUrl('2080'))).statusCode).toBe(404);
    expect((await (await t.as('chef.falun')).get(sheetUrl('2080'))).statusCode).toBe(404);
    const asRegion = await region.get(sheetUrl('2080'));
    expect(asRegion.statusCode).toBe(200);
    expect(asRegion.json().canEdit).toBe(false);
    expect((await put(region, '2080', [{ questionKey: 'wifi', value: { level: 1 } }])).statusCode).toBe(403);
  });
});

describe('submitting and reopening', () => {
  const required = defaultTemplateContent.sections
    .flatMap((s) => s.questions)
    .filter((q) => q.scored || q.type === 'ranking');

  it('refuses a sheet with unanswered questions, listing them', async () => {
    const res = await region.post(`${sheetUrl('2081')}/submit`);
    expect(res.statusCode).toBe(403);
    const borlange = await t.as('samordnare.borlange');
    const missing = await borlange.post(`${sheetUrl('2081')}/submit`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('sheet_incomplete');
    expect(missing.json().errors).toHaveLength(required.length);
  });

  it('locks a complete sheet; only the owner reopens it', async () => {
    const borlange = await t.as('samordnare.borlange');
    const answers = required.map((q) =>
      q.type === 'ranking'
        ? { questionKey: q.key, value: { order: q.options!.map((o) => o.key) } }
        : { questionKey: q.key, value: { level: 3 } },
    );
    expect((await put(borlange, '2081', answers)).statusCode).toBe(200);
    const submitted = await borlange.post(`${sheetUrl('2081')}/submit`);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', canEdit: false });
    const locked = await put(borlange, '2081', [{ questionKey: 'wifi', value: { level: 5 } }]);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('sheet_submitted');

    const view = (await region.get(`/api/v1/assessment-rounds/${roundId}`)).json();
    expect(view.submittedCount).toBe(1);
    expect(view.sheets.find((s: { code: string }) => s.code === '2081')).toMatchObject({
      status: 'submitted',
      answered: required.length,
    });

    expect((await borlange.post(`${sheetUrl('2081')}/reopen`)).statusCode).toBe(403);
    expect((await falun.post(`${sheetUrl('2081')}/reopen`)).statusCode).toBe(404);
    const reopened = await region.post(`${sheetUrl('2081')}/reopen`);
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().status).toBe('reopened');
    expect((await put(borlange, '2081', [{ questionKey: 'wifi', value: { level: 5 } }])).statusCode).toBe(
      200,
    );
  });
});

describe('a closed round', () => {
  it('refuses answers with 409 and writes nothing', async () => {
    const res = await openRound(region, { opensOn: day(-30), closesOn: day(-1) });
    const id = res.json().id;
    expect(res.json().closed).toBe(true);
    const before = await count(t, 'assessment_answers');
    const refused = await put(falun, '2080', [{ questionKey: 'wifi', value: { level: 4 } }], id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('round_closed');
    expect((await falun.post(`${sheetUrl('2080', id)}/submit`)).statusCode).toBe(409);
    expect(await count(t, 'assessment_answers')).toBe(before);
  });
});

describe('reminders', () => {
  it('e-mail coordinators of municipalities that have not submitted, once', async () => {
    const mailer = createMailer(t.db, { from: 'test@valfardsnavet.se' });
    const round = (await openRound(region, { name: 'Påminnelsetest', closesOn: day(3) })).json().id;
    const borlange = await t.as('samordnare.borlange');
    const required = defaultTemplateContent.sections
      .flatMap((s) => s.questions)
      .filter((q) => q.scored || q.type === 'ranking')
      .map((q) =>
        q.type === 'ranking'
          ? { questionKey: q.key, value: { order: q.options!.map((o) => o.key) } }
          : { questionKey: q.key, value: { level: 4 } },
      );
    await put(borlange, '2081', required, round);
    expect((await borlange.post(`${sheetUrl('2081', round)}/submit`)).statusCode).toBe(200);

    const mails = async () =>
      queryRows<{ to: string; subject: string }>(
        t.db,
        sql`select "to", subject from outbox where subject like ${'%Påminnelsetest%'}`,
      );
    expect((await falun.post(`/api/v1/assessment-rounds/${round}/reminders`)).statusCode).toBe(403);
    const sent = await region.post(`/api/v1/assessment-rounds/${round}/reminders`);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ reminded: 1 });
    const first = await mails();
    expect(first.map((m) => m.to).sort()).toEqual([
      'lina.persson@demo.valfardsnavet.se',
      'samordnare.falun@demo.valfardsnavet.se',
    ]);
    // The hourly job finds Falun reminded just now and sends nothing more.
    await sendDueReminders(t.db, mailer, 'http://localhost');
    expect(await mails()).toHaveLength(first.length);
    // Three days on, Falun is due again.
    await t.db.execute(
      sql`update assessment_sheets set reminded_at = now() - interval '4 days' where round_id = ${round}`,
    );
    await sendDueReminders(t.db, mailer, 'http://localhost');
    expect((await mails()).length).toBeGreaterThan(first.length);
  });
});

describe('the demo data', () => {
  it('has Dalarna’s closed 2025 and open 2026 rounds and the model municipalities’ national round', async () => {
    const rounds = (await region.get('/api/v1/assessment-rounds')).json().items as {
      id: string;
      name: string;
      closed: boolean;
      municipalityCount: number;
      submittedCount: number;
    }[];
    const r2025 = rounds.find((r) => r.name === 'Förutsättningar för välfärdsteknik 2025')!;
    expect(r2025).toMatchObject({ closed: true, municipalityCount: 15, submittedCount: 15 });
    const r2026 = rounds.find((r) => r.name === 'Förutsättningar för välfärdsteknik 2026')!;
    expect(r2026.closed).toBe(false);
    expect(r2026.submittedCount).toBeGreaterThan(0);
    const view = (await region.get(`/api/v1/assessment-rounds/${r2026.id}`)).json();
    const falunRow = view.sheets.find((s: { code: string }) => s.code === '2080');
    expect(falunRow.answered).toBeGreaterThan(0);
    expect(falunRow.answered).toBeLessThan(falunRow.total);
    expect(view.sheets.find((s: { code: string }) => s.code === '2081')).toMatchObject({
      answered: 0,
      status: 'open',
    });
    const national = (
      (await (await t.as('admin')).get('/api/v1/assessment-rounds')).json().items as typeof rounds
    ).find((r) => r.name.endsWith('modellkommuner'))!;
    expect(national).toMatchObject({ closed: true, municipalityCount: 10, submittedCount: 10 });
  });
});
