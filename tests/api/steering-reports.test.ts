import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { DALARNA_REFERENCE_GROUP, DALARNA_STEERING_GROUP } from '../../src/server/db/demo/networks-demo.ts';
import { swedishToday } from '../../src/server/features/action-plans/plan-history.ts';
import type { SteeringReport } from '../../src/shared/contracts/steering-reports.ts';
import { pdfText } from '../support/pdf-text.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let region: Agent;
let falun: Agent;
let staff: Agent;
let akademi: Agent;
let kramfors: Agent;
let admin: Agent;
const org: Record<string, string> = {};
let steeringGroupId: string;
let referenceGroupId: string;
let draftId: string;

const URL = '/api/v1/reports/steering-group';
const day = (offset: number) => swedishToday(new Date(Date.now() + offset * 86_400_000));
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;
const idOf = async (q: ReturnType<typeof sql>) => (await queryRows<{ id: string }>(t.db, q))[0]!.id;
const body = (extra: Record<string, unknown> = {}) => ({
  organisationId: org.dalarna,
  networkId: steeringGroupId,
  from: day(-182),
  to: day(0),
  ...extra,
});
const section = <K extends SteeringReport['sections'][number]['key']>(r: SteeringReport, key: K) =>
  r.sections.find((s) => s.key === key) as Extract<SteeringReport['sections'][number], { key: K }>;

beforeAll(async () => {
  t = await createTestApp();
  [region, falun, staff, akademi, kramfors, admin] = await Promise.all([
    t.as('region.dalarna'),
    t.as('samordnare.falun'),
    t.as('personal.falun'),
    t.as('samordnare.akademinorr'),
    t.as('samordnare.kramfors'),
    t.as('admin'),
  ]);
  org.dalarna = await idOf(sql`select id from organisations where kind = 'region' and code = '20'`);
  org.falun = await idOf(sql`select id from organisations where kind = 'municipality' and code = '2080'`);
  org.akademi = await idOf(
    sql`select id from organisations where kind = 'association' and name = 'Akademi Norr'`,
  );
  steeringGroupId = await idOf(sql`select id from networks where name = ${DALARNA_STEERING_GROUP}`);
  referenceGroupId = await idOf(sql`select id from networks where name = ${DALARNA_REFERENCE_GROUP}`);
});
afterAll(() => t.close());

describe('creating and reading steering-group reports', () => {
  it('lists the demo reports to the region: a draft for the last half-year and an issued one', async () => {
    const res = await region.get(`${URL}?organisation=${org.dalarna}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { status: string; to: string; network: { id: string } }[];
    expect(items.map((i) => i.status).sort()).toEqual(['draft', 'issued']);
    expect(items.find((i) => i.status === 'draft')).toMatchObject({
      to: day(0),
      network: { id: steeringGroupId },
    });
    expect((await region.get(URL)).json().items).toHaveLength(2);
  });

  it('creates a draft with every section filled from live data, audited', async () => {
    const res = await region.post(URL, body({ diaryNumber: 'RD2026-1' }));
    expect(res.statusCode).toBe(201);
    const r = res.json() as SteeringReport;
    draftId = r.id;
    expect(r).toMatchObject({
      status: 'draft',
      canEdit: true,
      title: `Rapport från ${DALARNA_STEERING_GROUP}`,
      diaryNumber: 'RD2026-1',
      organisation: { id: org.dalarna, kind: 'region' },
      network: { id: steeringGroupId },
      issuedAt: null,
    });
    expect(r.sections.map((s) => s.key)).toEqual([
      'background',
      'mission',
      'mapping',
      'referenceGroup',
      'programmes',
      'maturity',
      'initiatives',
      'nextSteps',
    ]);
    expect(section(r, 'mapping').title).toBe('3. Kartläggning');
    expect(section(r, 'mapping').figures.municipalities).toBe(15);
    const ref = section(r, 'referenceGroup').figures;
    expect(ref.network?.id).toBe(referenceGroupId);
    expect(ref.withoutRepresentative.map((m) => m.name)).toEqual(
      expect.arrayContaining(['Smedjebacken', 'Vansbro', 'Älvdalen']),
    );
    // Swedish order: Å, Ä, Ö last.
    expect(ref.municipalities.at(-1)?.name).toBe('Älvdalen');
    expect(section(r, 'maturity').figures.round).not.toBeNull();
    const audit = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'steering_report.created' and entity_id = ${draftId}`,
    );
    expect(audit[0]!.n).toBe(1);
    expect((await admin.get(`${URL}/${draftId}`)).statusCode).toBe(200);
  });

  it('refuses people without report.steering over the owner, and hides the reports from them', async () => {
    const before = await count('steering_reports');
    for (const agent of [falun, staff, akademi, kramfors]) {
      const res = await agent.post(URL, body());
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
      for (const path of ['', '/pdf', '/docx'])
        expect((await agent.get(`${URL}/${draftId}${path}`)).statusCode).toBe(404);
      expect(
        (
          await agent.request({
            method: 'PUT',
            url: `${URL}/${draftId}/narrative`,
            payload: { sections: { background: 'x' } },
          })
        ).statusCode,
      ).toBe(404);
      expect((await agent.post(`${URL}/${draftId}/issue`)).statusCode).toBe(404);
      expect((await agent.delete(`${URL}/${draftId}`)).statusCode).toBe(404);
      expect((await agent.get(`${URL}?organisation=${org.dalarna}`)).statusCode).toBe(403);
    }
    expect((await falun.get(URL)).statusCode).toBe(403);
    expect((await akademi.get(URL)).json().items).toEqual([]);
    expect((await t.agent().get(URL)).statusCode).toBe(401);
    expect(await count('steering_reports')).toBe(before);
  });

  it('lets an association report on its member municipalities, without a steering group on the platform', async () => {
    const res = await akademi.post(URL, body({ organisationId: org.akademi, networkId: undefined }));
    expect(res.statusCode).toBe(201);
    const r = res.json() as SteeringReport;
    const members = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from association_members where association_id = ${org.akademi}`,
    );
    expect(r).toMatchObject({
      network: null,
      title: 'Rapport från styrgruppen',
      organisation: { kind: 'association' },
    });
    expect(section(r, 'mapping').figures.municipalities).toBe(members[0]!.n);
    expect((await akademi.get(URL)).json().items.map((i: { id: string }) => i.id)).toEqual([r.id]);
    expect((await region.get(`${URL}/${r.id}`)).statusCode).toBe(404);
    expect((await akademi.get(`${URL}/${r.id}/pdf`)).statusCode).toBe(200);
  });

  it('refuses bad input with clear 4xx codes, writing nothing', async () => {
    const before = await count('steering_reports');
    const audits = await count('audit_log');
    const cases: [Agent, Record<string, unknown>, string, string][] = [
      [region, body({ from: day(0), to: day(-1) }), 'body.to', 'ends_before_starts'],
      [region, body({ from: '2020-01-01', to: '2024-01-01' }), 'body.to', 'period_too_long'],
      [region, body({ from: '2026-13-01' }), 'body.from', 'invalid_format'],
      [
        region,
        body({ networkId: '00000000-0000-4000-8000-000000000000' }),
        'body.networkId',
        'not_owners_steering_group',
      ],
      [region, body({ networkId: referenceGroupId }), 'body.networkId', 'not_owners_steering_group'],
      [admin, body({ organisationId: org.akademi }), 'body.networkId', 'not_owners_steering_group'],
      [
        admin,
        body({ organisationId: org.falun, networkId: undefined }),
        'body.organisationId',
        'invalid_report_owner',
      ],
      [
        region,
        body({ organisationId: '00000000-0000-4000-8000-000000000000' }),
        'body.organisationId',
        'unknown_organisation',
      ],
      [region, body({ title: 'x' }), 'body.title', 'too_short'],
    ];
    for (const [agent, payload, path, code] of cases) {
      const res = await agent.post(URL, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors, JSON.stringify(payload)).toContainEqual(
        expect.objectContaining({ path, code }),
      );
    }
    expect(await count('steering_reports')).toBe(before);
    expect(await count('audit_log')).toBe(audits);
    expect((await region.get(`${URL}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await region.get(`${URL}?organisation=00000000-0000-4000-8000-000000000000`)).statusCode).toBe(
      404,
    );
  });
});

describe('editing a draft', () => {
  const put = (agent: Agent, payload: unknown) =>
    agent.request({ method: 'PUT', url: `${URL}/${draftId}/narrative`, payload: payload as object });

  it('saves narrative section by section and keeps the others', async () => {
    let res = await put(region, {
      sections: { background: 'Styrgruppen bildades år 2021 – bred förankring i länet.' },
    });
    expect(res.statusCode).toBe(200);
    res = await put(region, { sections: { nextSteps: 'Följa upp åtgärderna.' }, base: { nextSteps: '' } });
    expect(res.statusCode).toBe(200);
    const r = (await region.get(`${URL}/${draftId}`)).json() as SteeringReport;
    expect(section(r, 'background').narrative).toBe(
      'Styrgruppen bildades år 2021 – bred förankring i länet.',
    );
    expect(section(r, 'nextSteps').narrative).toBe('Följa upp åtgärderna.');
    const audit = await queryRows<{ before: unknown; after: unknown }>(
      t.db,
      sql`select before, after from audit_log where action = 'steering_report.narrative_saved' and entity_id = ${draftId} order by id`,
    );
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({
      before: { nextSteps: '' },
      after: { nextSteps: 'Följa upp åtgärderna.' },
    });
  });

  it('refuses a stale base, unknown sections, too long texts and empty saves, changing nothing', async () => {
    const stale = await put(region, { sections: { nextSteps: 'Min version' }, base: { nextSteps: '' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('narrative_conflict');
    for (const payload of [
      { sections: { summary: 'x' } },
      { sections: { background: 'x'.repeat(20_001) } },
      { sections: {} },
      { sections: { background: 42 } },
    ])
      expect((await put(region, payload)).statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
    const r = (await region.get(`${URL}/${draftId}`)).json() as SteeringReport;
    expect(section(r, 'nextSteps').narrative).toBe('Följa upp åtgärderna.');
  });

  it('changes title, diary number and period while a draft, checking the period as a whole', async () => {
    const res = await region.patch(`${URL}/${draftId}`, {
      title: 'Rapport från Styrgrupp för välfärdsteknik',
      diaryNumber: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'Rapport från Styrgrupp för välfärdsteknik',
      diaryNumber: null,
    });
    const bad = await region.patch(`${URL}/${draftId}`, { from: day(1) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toContainEqual(expect.objectContaining({ code: 'ends_before_starts' }));
    expect((await region.patch(`${URL}/${draftId}`, { from: '2020-01-01' })).statusCode).toBe(400);
    expect((await region.patch(`${URL}/${draftId}`, {})).statusCode).toBe(400);
    expect((await region.get(`${URL}/${draftId}`)).json().from).toBe(day(-182));
  });

  it('shows live figures: a new adoption and a new programme participant change the draft', async () => {
    const before = (await region.get(`${URL}/${draftId}`)).json() as SteeringReport;
    const tech = section(before, 'mapping').figures.technologies.find((x) => x.inOperation === 0)!;
    const [{ id: techId }] = (await queryRows<{ id: string }>(
      t.db,
      sql`select id from technologies where key = ${tech.key}`,
    )) as [{ id: string }];
    await t.db.execute(
      sql`insert into technology_adoptions (municipality_id, technology_id, status, users_served)
          values (${org.falun}, ${techId}, 'in_operation', 40)
          on conflict (municipality_id, technology_id) do update set status = 'in_operation', users_served = 40`,
    );
    const programme = await idOf(
      sql`insert into programmes (name, owner_organisation_id, starts_on, ends_on, target_participants)
          values ('Level Up Dalarna', ${org.dalarna}, ${day(-60)}, ${day(60)}, 21) returning id`,
    );
    await t.db.execute(
      sql`insert into programme_municipalities (programme_id, municipality_id) values (${programme}, ${org.falun})`,
    );
    await t.db.execute(
      sql`insert into enrolments (user_id, course_id, programme_id, organisation_id, completed_at)
          values ((select id from users where email like 'lina.persson@%'), (select id from courses limit 1),
                  ${programme}, ${org.falun}, now())`,
    );
    const after = (await region.get(`${URL}/${draftId}`)).json() as SteeringReport;
    const changed = section(after, 'mapping').figures.technologies.find((x) => x.key === tech.key)!;
    expect(changed).toMatchObject({ inOperation: 1, usersServed: 40 });
    const level = section(after, 'programmes').figures.programmes.find((p) => p.name === 'Level Up Dalarna')!;
    expect(level).toMatchObject({ enrolled: 1, completed: 1, targetParticipants: 21 });
    expect(level.byMunicipality).toEqual([{ code: '2080', name: 'Falun', enrolled: 1, completed: 1 }]);
  });
});

describe('exports', () => {
  it('renders a tagged Swedish PDF with the sections and the narrative', async () => {
    const res = await region.get(`${URL}/${draftId}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="rapport-fran-styrgrupp-for-valfardsteknik-.*\.pdf"$/,
    );
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/Lang (sv-SE)');
    expect(raw).toContain('/MarkInfo');
    for (const tag of ['/H1', '/H2', '/P', '/Table', '/TH', '/TD']) expect(raw).toContain(`/S ${tag}`);
    // The bar chart of the maturity means is a Figure with a text alternative.
    expect(raw).toContain('/S /Figure');
    expect(raw).toMatch(/\/Alt [<(]/);
    expect(raw).toContain('/Scope /Column');
    expect(raw).toContain('/Scope /Row');
    const text = await pdfText(pdf);
    for (const s of [
      'Rapport från Styrgrupp för välfärdsteknik',
      '3. Kartläggning',
      '4. Referensgrupp',
      'Älvdalen',
      'Level Up Dalarna',
      'Styrgruppen bildades år 2021 – bred förankring i länet.',
    ])
      expect(text).toContain(s);
  });

  it('renders a DOCX with the narrative, in Swedish', async () => {
    const res = await region.get(`${URL}/${draftId}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    expect(xml).toContain('Styrgruppen bildades år 2021 – bred förankring i länet.');
    expect(xml).toContain('3. Kartläggning');
    expect(xml).toContain('<w:tblHeader');
    expect(new TextDecoder().decode(files['word/styles.xml'])).toContain('sv-SE');
    expect(new TextDecoder().decode(files['docProps/core.xml'])).toContain(
      'Rapport från Styrgrupp för välfärdsteknik',
    );
  });
});

describe('issuing', () => {
  it('freezes figures and narrative: every write is 409, exports and reads stay the same', async () => {
    const res = await region.post(`${URL}/${draftId}/issue`);
    expect(res.statusCode).toBe(200);
    const issued = res.json() as SteeringReport;
    expect(issued).toMatchObject({ status: 'issued', canEdit: false, issuedBy: 'Lars Dahlberg' });
    expect(issued.issuedAt).not.toBeNull();
    const pdfBefore = await pdfText((await region.get(`${URL}/${draftId}/pdf`)).rawPayload);
    expect(pdfBefore).toContain('Fastställd');

    const writes = [
      () =>
        region.request({
          method: 'PUT',
          url: `${URL}/${draftId}/narrative`,
          payload: { sections: { background: 'Ändrad' } },
        }),
      () => region.patch(`${URL}/${draftId}`, { title: 'Ny titel' }),
      () => region.post(`${URL}/${draftId}/issue`),
      () => region.delete(`${URL}/${draftId}`),
      () => admin.patch(`${URL}/${draftId}`, { diaryNumber: 'X' }),
    ];
    for (const write of writes) {
      const w = await write();
      expect(w.statusCode).toBe(409);
      expect(w.json().code).toBe('report_issued');
    }

    // Live data changes after issue: the issued report does not.
    await t.db.execute(
      sql`update technology_adoptions set status = 'in_operation', users_served = coalesce(users_served, 0) + 500
          where municipality_id in (select id from organisations where parent_id = ${org.dalarna})`,
    );
    await t.db.execute(sql`delete from network_members where network_id = ${referenceGroupId}`);
    const again = (await region.get(`${URL}/${draftId}`)).json() as SteeringReport;
    expect(again.sections).toEqual(issued.sections);
    expect(again.figuresAt).toBe(issued.figuresAt);
    expect(await pdfText((await region.get(`${URL}/${draftId}/pdf`)).rawPayload)).toBe(pdfBefore);
    const audit = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'steering_report.issued' and entity_id = ${draftId}`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('deletes a draft, audited, and then it is gone', async () => {
    const r = (await region.post(URL, body())).json() as SteeringReport;
    expect((await region.delete(`${URL}/${r.id}`)).statusCode).toBe(200);
    expect((await region.get(`${URL}/${r.id}`)).statusCode).toBe(404);
    const audit = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'steering_report.deleted' and entity_id = ${r.id}`,
    );
    expect(audit[0]!.n).toBe(1);
  });
});
