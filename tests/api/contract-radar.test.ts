import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { sendContractAlerts } from '../../src/server/features/contract-radar/contract-alerts.ts';
import { createMailer } from '../../src/server/features/mail/mailer.ts';
import type { Radar } from '../../src/shared/contracts/contract-radar.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';
import {
  clearRadarData,
  inDays,
  inMonths,
  insertContract,
  radarSupplier,
  setAdoption,
} from './contract-radar.fixtures.ts';
import { associationId, expectProblem } from './support.fixtures.ts';

/** The expiry radar of contracts: who reads which area, values, opportunities, files and alerts (issue 17). */

const ALARM = 'digital-safety-alarm';
const STOVE = 'stove-guard';

let t: TestApp;
let region: Agent;
let falun: Agent;
let norr: Agent;
let admin: Agent;
let staff: Agent;
let manager: Agent;
let akademiNorr: string;
let falunAlarm: string;

const radar = async (a: Agent, query = '') => {
  const res = await a.get(`/api/v1/contracts/radar${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Radar;
};
const contractOf = (r: Radar, title: string) => r.contracts.find((c) => c.title === title);

beforeAll(async () => {
  t = await createTestApp();
  [region, falun, norr, admin, staff, manager] = await Promise.all([
    t.as('region.dalarna'),
    t.as('samordnare.falun'),
    t.as('samordnare.akademinorr'),
    t.as('admin'),
    t.as('personal.falun'),
    t.as('chef.falun'),
  ]);
  akademiNorr = await associationId(t, 'Akademi Norr');
  await clearRadarData(t, [ALARM, STOVE]);
  const supplierId = await radarSupplier(t);
  falunAlarm = await insertContract(t, {
    municipalityCode: '2080',
    supplierId,
    title: 'Trygghetslarm Falun',
    endsOn: inMonths(10),
    noticeMonths: 3,
    annualValueSek: 500_000,
    technologies: [ALARM],
    extensions: [
      { months: 12, decideBy: inDays(-5) },
      { months: 12, decideBy: inMonths(4) },
    ],
  });
  await insertContract(t, {
    municipalityCode: '2081',
    supplierId,
    title: 'Trygghetslarm Borlänge',
    endsOn: inMonths(20),
    noticeMonths: 6,
    annualValueSek: 800_000,
    technologies: [ALARM],
  });
  await insertContract(t, {
    municipalityCode: '2080',
    supplierId,
    title: 'Gammalt larmavtal Falun',
    endsOn: inDays(-1),
    technologies: [ALARM],
  });
  await insertContract(t, {
    municipalityCode: '2282',
    supplierId,
    title: 'Trygghetslarm Kramfors',
    endsOn: inMonths(12),
    annualValueSek: 300_000,
    technologies: [ALARM],
  });
  await insertContract(t, {
    municipalityCode: '2082',
    supplierId,
    title: 'Spisvakter Säter',
    endsOn: inMonths(30),
    technologies: [STOVE],
  });
  await setAdoption(t, '2062', STOVE, 'planned');
  await setAdoption(t, '2029', STOVE, 'piloting');
  await setAdoption(t, '2082', STOVE, 'planned');
});
afterAll(() => t.close());

describe('a region’s radar', () => {
  it('shows the regional coordinator her municipalities’ contracts not yet ended, with values and decisions', async () => {
    const r = await radar(region, '?region=20');
    expect(r.area).toMatchObject({ kind: 'region', code: '20' });
    const titles = r.contracts.map((c) => c.title);
    expect(titles).toEqual(
      expect.arrayContaining(['Trygghetslarm Falun', 'Trygghetslarm Borlänge', 'Spisvakter Säter']),
    );
    expect(titles).not.toContain('Gammalt larmavtal Falun');
    expect(titles).not.toContain('Trygghetslarm Kramfors');
    // The first option's date passed: the next decision is the second option.
    expect(contractOf(r, 'Trygghetslarm Falun')).toMatchObject({
      id: falunAlarm,
      municipalityCode: '2080',
      technologyKeys: [ALARM],
      endsOn: inMonths(10),
      nextDecisionOn: inMonths(4),
      decisionKind: 'extension',
      extensionsRemaining: 1,
      annualValueSek: 500_000,
    });
    // No option: the notice period before the end.
    expect(contractOf(r, 'Trygghetslarm Borlänge')).toMatchObject({
      nextDecisionOn: inMonths(14),
      decisionKind: 'notice',
      extensionsRemaining: 0,
      annualValueSek: 800_000,
    });
    expect(r.municipalities).toHaveLength(15);
    expect(r.municipalities.find((m) => m.code === '2080')?.earliestDecisionOn).toBe(inMonths(4));
    expect(r.municipalities.find((m) => m.code === '2021')?.earliestDecisionOn).toBeNull();
  });

  it('finds the alarm contracts ending within 18 months and the planned stove guards without a contract', async () => {
    const r = await radar(region, '?region=20');
    const together = r.opportunities.filter((o) => o.kind === 'ending_together');
    expect(together).toEqual([
      {
        kind: 'ending_together',
        group: expect.objectContaining({ kind: 'region', name: r.area.name }),
        technology: { key: ALARM, name: expect.any(String) },
        municipalities: [
          { code: '2081', name: 'Borlänge' },
          { code: '2080', name: 'Falun' },
        ],
        window: { from: inMonths(10), to: inMonths(20) },
        startProcurementUrl: '/upphandlingar/ny?teknik=digital-safety-alarm&kommuner=2081,2080',
      },
    ]);
    // The demo's mapping plans other technologies too: look at the stove guards.
    const planned = r.opportunities.filter(
      (o) => o.kind === 'planned_without_contract' && o.technology.key === STOVE,
    );
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({
      technology: { key: STOVE },
      municipalities: [
        { code: '2029', name: 'Leksand' },
        { code: '2062', name: 'Mora' },
      ],
      window: null,
      startProcurementUrl: '/upphandlingar/ny?teknik=stove-guard&kommuner=2029,2062',
    });
  });

  it('lists the nearest decisions up to the limit and counts them all', async () => {
    const all = await radar(region, '?region=20');
    const one = await radar(region, '?region=20&limit=1');
    expect(one.contracts).toEqual([all.contracts[0]]);
    expect(one.contractsTotal).toBe(all.contractsTotal);
    expect(all.contractsTotal).toBe(all.contracts.length);
    // The opportunities come from every contract, not only those listed.
    expect(one.opportunities).toEqual(all.opportunities);
  });

  it('filters by technology', async () => {
    const r = await radar(region, `?region=20&technology=${STOVE}`);
    expect(r.technology?.key).toBe(STOVE);
    expect(r.contracts.map((c) => c.title)).toEqual(['Spisvakter Säter']);
    expect(r.opportunities.map((o) => o.kind)).toEqual(['planned_without_contract']);
  });

  it('lets Falun’s coordinator read her region’s radar, with Borlänge’s contract but without its value', async () => {
    const r = await radar(falun, '?region=20');
    expect(contractOf(r, 'Trygghetslarm Falun')?.annualValueSek).toBe(500_000);
    expect(contractOf(r, 'Trygghetslarm Borlänge')).toMatchObject({
      endsOn: inMonths(20),
      annualValueSek: null,
    });
    expect(r.opportunities.some((o) => o.municipalities.some((m) => m.code === '2081'))).toBe(true);
  });
});

describe('other areas', () => {
  it('gives national administrators the country, without any value', async () => {
    const r = await radar(admin);
    expect(r.area.kind).toBe('nation');
    expect(r.municipalities.length).toBe(290);
    expect(r.contracts.map((c) => c.title)).toContain('Trygghetslarm Kramfors');
    expect(r.contracts.every((c) => c.annualValueSek === null)).toBe(true);
    expect(
      r.opportunities.some(
        (o) => o.kind === 'ending_together' && o.group.kind === 'region' && o.technology.key === ALARM,
      ),
    ).toBe(true);
  });

  it('gives an association’s coordinator her association, with its members’ values', async () => {
    const r = await radar(norr, `?association=${akademiNorr}`);
    expect(r.area).toMatchObject({ kind: 'association', id: akademiNorr });
    expect(r.municipalities).toHaveLength(11);
    expect(contractOf(r, 'Trygghetslarm Kramfors')?.annualValueSek).toBe(300_000);
    expect(r.contracts.map((c) => c.title)).not.toContain('Trygghetslarm Falun');
  });
});

describe('refusals', () => {
  it('refuses staff, managers, other regions and the country to those below the nation', async () => {
    expectProblem(await staff.get('/api/v1/contracts/radar?region=20'), 403, 'forbidden');
    expectProblem(await manager.get('/api/v1/contracts/radar?region=20'), 403, 'forbidden');
    expectProblem(await falun.get('/api/v1/contracts/radar'), 403, 'forbidden');
    expectProblem(await falun.get('/api/v1/contracts/radar?region=22'), 403, 'forbidden');
    expectProblem(await region.get('/api/v1/contracts/radar'), 403, 'forbidden');
    expectProblem(await region.get('/api/v1/contracts/radar?region=22'), 403, 'forbidden');
    expectProblem(await region.get(`/api/v1/contracts/radar?association=${akademiNorr}`), 403, 'forbidden');
    expectProblem(await norr.get('/api/v1/contracts/radar?region=20'), 403, 'forbidden');
    expect((await t.agent().get('/api/v1/contracts/radar?region=20')).statusCode).toBe(401);
  });

  it('answers bad input with 400 naming the parameter', async () => {
    const cases: [string, string, string?][] = [
      ['?region=99', 'querystring.region', 'unknown_region'],
      ['?region=dalarna', 'querystring.region'],
      [`?region=20&association=${akademiNorr}`, 'querystring.association', 'one_scope_only'],
      ['?association=00000000-0000-4000-8000-000000000000', 'querystring.association', 'unknown_association'],
      ['?association=abc', 'querystring.association'],
      ['?region=20&format=pdf', 'querystring.format'],
      ['?region=20&limit=0', 'querystring.limit'],
      ['?region=20&limit=many', 'querystring.limit'],
      ['?region=20&technology=finns-inte', 'querystring.technology', 'unknown_technology'],
    ];
    for (const [query, path, code] of cases) {
      const res = await region.get(`/api/v1/contracts/radar${query}`);
      expectProblem(res, 400, 'validation_failed', path);
      if (code) expect(res.json().errors.map((e: { code: string }) => e.code)).toContain(code);
    }
  });
});

describe('files', () => {
  it('gives a CSV for Swedish Excel: BOM, semicolons, the values the reader may see', async () => {
    const res = await falun.get('/api/v1/contracts/radar?region=20&format=csv&lang=sv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*\.csv"/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.rawPayload.subarray(3).toString('utf8').split('\r\n');
    expect(lines).toContain(
      'Kommun;Kommunkod;Avtal;Teknik;Leverantör;Slutdatum;Nästa beslut senast;Beslut om;Förlängningar kvar;Årligt värde (kr)',
    );
    const falunLine = lines.find((l) => l.includes('Trygghetslarm Falun'))!;
    expect(falunLine.split(';')).toEqual([
      'Falun',
      '2080',
      'Trygghetslarm Falun',
      expect.any(String),
      'Påhittade Larm AB',
      inMonths(10),
      inMonths(4),
      'Förlängning',
      '1',
      '500000',
    ]);
    expect(
      lines
        .find((l) => l.includes('Trygghetslarm Borlänge'))!
        .split(';')
        .at(-1),
    ).toBe('');
    expect(lines.some((l) => l.startsWith('Avtal som löper ut samtidigt;'))).toBe(true);
  });

  it('gives a workbook with a sheet of contracts and one of opportunities', async () => {
    const res = await region.get('/api/v1/contracts/radar?region=20&format=xlsx&lang=sv');
    expect(res.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const contracts = wb.getWorksheet('Avtal')!;
    const rows = contracts.getSheetValues().slice(2) as unknown[][];
    const borlange = rows.find((r) => r?.[3] === 'Trygghetslarm Borlänge')!;
    expect(borlange[1]).toBe('Borlänge');
    expect(borlange[10]).toBe(800_000);
    const opportunities = wb.getWorksheet('Samordningsmöjligheter')!;
    const first = opportunities.getRow(2).values as unknown[];
    expect(first[1]).toBe('Avtal som löper ut samtidigt');
    expect(first[4]).toBe('Borlänge, Falun');
    expect(String(first[7])).toContain('/upphandlingar/ny?teknik=digital-safety-alarm&kommuner=2081,2080');
  });
});

describe('alerts', () => {
  it('e-mails Falun’s coordinators 12, 6 and 3 months before a decision, once however often it runs', async () => {
    const supplierId = await radarSupplier(t, 'Låtsasvakten AB');
    const soon = await insertContract(t, {
      municipalityCode: '2080',
      supplierId,
      title: 'Nattillsyn Falun',
      endsOn: inMonths(5),
      noticeMonths: 3,
      technologies: ['digital-night-supervision'],
    });
    const later = await insertContract(t, {
      municipalityCode: '2080',
      supplierId,
      title: 'Läkemedelsautomater Falun',
      endsOn: inMonths(14),
      noticeMonths: 3,
      technologies: ['medication-dispenser'],
    });
    const mailer = createMailer(t.db, { from: 'test@example.org' });
    const first = await sendContractAlerts(t.db, mailer, 'https://navet.example');
    const second = await sendContractAlerts(t.db, mailer, 'https://navet.example');
    expect(first.sent).toBeGreaterThanOrEqual(2);
    expect(second.sent).toBe(0);
    const sent = await queryRows<{ contract_id: string; months_before: number; decision_on: string }>(
      t.db,
      sql`select contract_id, months_before, decision_on::text as decision_on from contract_alerts_sent
          where contract_id in (${soon}::uuid, ${later}::uuid) order by months_before`,
    );
    expect(sent).toEqual([
      { contract_id: soon, months_before: 3, decision_on: inMonths(2) },
      { contract_id: later, months_before: 12, decision_on: inMonths(11) },
    ]);
    const mails = await queryRows<{ subject: string; text: string }>(
      t.db,
      sql`select subject, text from outbox where "to" like 'samordnare.falun@%'
          and (subject like '%Nattillsyn Falun%' or subject like '%Läkemedelsautomater Falun%')`,
    );
    expect(mails.map((m) => m.subject).sort()).toEqual([
      '12 månader kvar till beslut: Läkemedelsautomater Falun',
      '3 månader kvar till beslut: Nattillsyn Falun',
    ]);
    expect(mails[0]!.text).toContain('https://navet.example/avtalsradar');
    // Borlänge's coordinator keeps Borlänge's register, not Falun's.
    const [other] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from outbox where "to" like 'samordnare.borlange@%'
          and subject like '%Falun%'`,
    );
    expect(other!.n).toBe(0);
  });

  it('two instances at once send an alert once', async () => {
    const supplierId = await radarSupplier(t, 'Fantasilås AB');
    const id = await insertContract(t, {
      municipalityCode: '2081',
      supplierId,
      title: 'Digitala lås Borlänge',
      endsOn: inMonths(6),
      technologies: ['digital-lock'],
    });
    const mailer = createMailer(t.db, { from: 'test@example.org' });
    await Promise.all([
      sendContractAlerts(t.db, mailer, 'https://navet.example'),
      sendContractAlerts(t.db, mailer, 'https://navet.example'),
    ]);
    const [row] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from outbox where subject = '6 månader kvar till beslut: Digitala lås Borlänge'`,
    );
    expect(row!.n).toBe(1);
    const [claimed] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from contract_alerts_sent where contract_id = ${id}::uuid`,
    );
    expect(claimed!.n).toBe(1);
  });
});

describe('the start page', () => {
  it('lists decisions within three months for the municipality’s own coordinators only', async () => {
    const todos = async (a: Agent) =>
      (await a.get('/api/v1/me/start')).json().todos as { kind: string; count: number; to: string }[];
    // Falun's night supervision (from the alerts above) must be decided within two months.
    const item = (await todos(falun)).find((x) => x.kind === 'contract_decision');
    expect(item).toMatchObject({ to: '/avtalsradar', dueOn: inMonths(2) });
    expect((await todos(region)).some((x) => x.kind === 'contract_decision')).toBe(false);
  });
});
