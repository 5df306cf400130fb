import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verbs } from '../../src/shared/contracts/learning.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import {
  addPerson,
  addUnit,
  finishMiniCourse,
  loadCourses,
  orgId,
  statement,
} from './programmes.fixtures.ts';

let t: TestApp;
let programmeId: string;
const people: Record<'s1' | 's2' | 'm1' | 's3' | 'a1' | 'a2', string> = {
  s1: '',
  s2: '',
  m1: '',
  s3: '',
  a1: '',
  a2: '',
};
let kUnit: string;

const login = async (local: string) => {
  const a = t.agent();
  await a.login(demoEmail(local));
  return a;
};

/**
 * A known dataset: Kramfors unit with three staff (woman, man, gender unknown) and a manager (woman);
 * Arjeplog unit with two staff (other, not stated). One completes, one is active now, one was active
 * 40 days ago, three have not started.
 */
beforeAll(async () => {
  t = await createTestApp();
  const { staffCourse, managerCourse } = await loadCourses(t);
  kUnit = await addUnit(t, '2282', 'Rapportenheten Kramfors');
  const aUnit = await addUnit(t, '2506', 'Rapportenheten Arjeplog');
  people.s1 = await addPerson(t, 'r.s1', 'Rut Ek', kUnit, 'staff', 'woman');
  people.s2 = await addPerson(t, 'r.s2', 'Rolf Ek', kUnit, 'staff', 'man');
  people.m1 = await addPerson(t, 'r.m1', 'Rebecka Ek', kUnit, 'manager', 'woman');
  people.s3 = await addPerson(t, 'r.s3', 'Robin Ek', kUnit, 'staff', null);
  people.a1 = await addPerson(t, 'r.a1', 'Alex Ek', aUnit, 'staff', 'other');
  people.a2 = await addPerson(t, 'r.a2', 'Aino Ek', aUnit, 'staff', 'not_stated');
  const coordinator = await t.as('samordnare.akademinorr');
  const res = await coordinator.post('/api/v1/programmes', {
    name: 'Rapportprogrammet',
    ownerOrganisationId: await orgId(t, 'Akademi Norr', 'association'),
    startsOn: new Date(Date.now() - 90 * 86400_000).toISOString().slice(0, 10),
    endsOn: '2030-12-31',
    municipalityCodes: ['2282', '2506'],
    targetParticipants: 10,
    funding: { esfProjectNumber: '2023/00123', grantedSek: 1_000_000 },
    courses: [
      { track: 'staff', courseId: staffCourse },
      { track: 'managers', courseId: managerCourse },
    ],
  });
  programmeId = res.json().id;
  const enrol = await coordinator.post(`/api/v1/programmes/${programmeId}/enrolments`, {
    userIds: Object.values(people),
  });
  expect(enrol.json().created).toBe(6);
  const s1 = await login('r.s1');
  expect((await s1.post('/api/v1/learning-records', { statements: finishMiniCourse() })).statusCode).toBe(
    200,
  );
  const s2 = await login('r.s2');
  await s2.post('/api/v1/learning-records', {
    statements: [
      statement('testkurs-mini', verbs.completed, 'm1/lessons/l1', { result: { duration: 'PT4M' } }),
    ],
  });
  const a1 = await login('r.a1');
  await a1.post('/api/v1/learning-records', {
    statements: [
      statement('testkurs-mini', verbs.completed, 'm1/lessons/l1', {
        result: { duration: 'PT10M' },
        timestamp: new Date(Date.now() - 40 * 86400_000).toISOString(),
      }),
    ],
  });
});
afterAll(() => t.close());

const group = (list: { key: string }[], key: string) => list.find((g) => g.key === key);

describe('programme report', () => {
  it('counts enrolled vs target, started, active, completed and breaks them down', async () => {
    const res = await (await t.as('samordnare.akademinorr')).get(`/api/v1/programmes/${programmeId}/report`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.scope).toEqual({ complete: true, municipalityCodes: ['2282', '2506'] });
    expect(r.totals).toMatchObject({
      enrolled: 6,
      target: 10,
      targetReached: 0.6,
      started: 3,
      activeLast30Days: 2,
      completed: 1,
      completionRate: 0.1667,
      secondsSpent: 660 + 240 + 600,
    });
    expect(group(r.byMunicipality, '2282')).toMatchObject({ label: 'Kramfors', enrolled: 4, completed: 1 });
    expect(group(r.byMunicipality, '2506')).toMatchObject({ label: 'Arjeplog', enrolled: 2, started: 1 });
    expect(group(r.byUnit, kUnit)).toMatchObject({ label: 'Rapportenheten Kramfors', enrolled: 4 });
    expect(r.byTrack.map((g: { key: string; enrolled: number }) => [g.key, g.enrolled])).toEqual([
      ['staff', 5],
      ['managers', 1],
    ]);
    expect(r.byRole.map((g: { key: string; enrolled: number }) => [g.key, g.enrolled])).toEqual([
      ['staff', 5],
      ['manager', 1],
    ]);
    expect(r.byGender.map((g: { key: string; enrolled: number }) => [g.key, g.enrolled])).toEqual([
      ['woman', 2],
      ['man', 1],
      ['other', 1],
      ['not_stated', 2],
    ]);
    const months = r.overTime as {
      month: string;
      enrolled: number;
      active: number;
      cumulativeEnrolled: number;
    }[];
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect(months.at(-1)).toMatchObject({ month: thisMonth, cumulativeEnrolled: 6 });
    expect(months.reduce((s, m) => s + m.enrolled, 0)).toBe(6);
    expect(r.participants).toEqual([]);
  });

  it('gives a municipal coordinator the slice of their municipality only', async () => {
    const r = (
      await (await t.as('samordnare.kramfors')).get(`/api/v1/programmes/${programmeId}/report`)
    ).json();
    expect(r.scope).toEqual({ complete: false, municipalityCodes: ['2282'] });
    expect(r.totals).toMatchObject({ enrolled: 4, completed: 1, target: 10 });
    expect(r.byMunicipality.map((g: { key: string }) => g.key)).toEqual(['2282']);
  });

  it('lists participants per month for the funder, with time spent', async () => {
    const r = (
      await (
        await t.as('samordnare.akademinorr')
      ).get(`/api/v1/programmes/${programmeId}/report?participants=true`)
    ).json();
    const rut = r.participants.find((p: { name: string }) => p.name === 'Rut Ek');
    expect(rut).toMatchObject({
      municipality: 'Kramfors',
      unit: 'Rapportenheten Kramfors',
      gender: 'woman',
      track: 'staff',
      secondsInMonth: 660,
      secondsTotal: 660,
    });
    expect(rut.completedOn).toBe(new Date().toISOString().slice(0, 10));
    expect(r.participants.find((p: { name: string }) => p.name === 'Alex Ek')).toMatchObject({
      gender: 'other',
      secondsInMonth: 600,
    });
    expect(r.participants).toHaveLength(3);
  });

  it('exports CSV for Excel: BOM, semicolons, decimal comma, the participant list', async () => {
    const res = await (await t.as('samordnare.akademinorr')).get(
      `/api/v1/programmes/${programmeId}/report?format=csv&lang=sv`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="rapportprogrammet-.*\.csv"/);
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines).toContain('Inskrivna;6');
    expect(lines).toContain('Andel slutfört (%);16,7');
    expect(lines).toContain('Deltagarlista per månad');
    const month = new Date().toISOString().slice(0, 7);
    expect(lines.find((l) => l.startsWith(`${month};Rut Ek;`))).toBe(
      `${month};Rut Ek;Kramfors;Rapportenheten Kramfors;Kvinna;Medarbetare;${new Date().toISOString().slice(0, 10)};${new Date().toISOString().slice(0, 10)};0,2;0,2`,
    );
    expect(lines.find((l) => l.startsWith('Ej angivet;'))).toBe('Ej angivet;2;0;0;0;0;0');

    const only = await (await t.as('samordnare.akademinorr')).get(
      `/api/v1/programmes/${programmeId}/report?format=csv&part=participants&lang=en`,
    );
    const onlyLines = only.rawPayload.subarray(3).toString('utf8').trim().split('\r\n');
    expect(onlyLines[0]).toBe(
      'Month;Participant;Municipality;Unit;Gender;Track;Start date;End date;Time in month (hours);Time in total (hours)',
    );
    expect(onlyLines).toHaveLength(4);
  });

  it('exports XLSX with a sheet per table, numbers as numbers', async () => {
    const res = await (await t.as('samordnare.akademinorr')).get(
      `/api/v1/programmes/${programmeId}/report?format=xlsx&lang=sv`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Sammanfattning',
      'Per kommun',
      'Per enhet',
      'Per spår',
      'Per roll',
      'Per kön',
      'Per månad',
      'Deltagarlista per månad',
    ]);
    const summary = wb.getWorksheet('Sammanfattning')!;
    const values = new Map<string, unknown>();
    summary.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Inskrivna')).toBe(6);
    expect(values.get('ESF-projektnummer')).toBe('2023/00123');
    expect(values.get('Mål antal deltagare')).toBe(10);
    const gender = wb.getWorksheet('Per kön')!;
    expect(gender.getRow(1).getCell(1).value).toBe('Kön');
    expect(gender.getRow(2).values).toEqual([undefined, 'Kvinna', 2, 1, 1, 1, 50, 0.2]);
    const list = wb.getWorksheet('Deltagarlista per månad')!;
    expect(list.rowCount).toBe(4);
  });

  it('refuses people without report rights and bad parameters', async () => {
    const url = `/api/v1/programmes/${programmeId}/report`;
    expect((await (await login('r.s1')).get(url)).statusCode).toBe(403);
    expect((await (await login('r.m1')).get(url)).statusCode).toBe(403);
    expect((await (await t.as('samordnare.falun')).get(url)).statusCode).toBe(404);
    expect((await (await t.as('region.dalarna')).get(url)).statusCode).toBe(404);
    const a = await t.as('samordnare.akademinorr');
    expect((await a.get(`${url}?format=pdf`)).statusCode).toBe(400);
    expect((await a.get('/api/v1/programmes/nope/report')).statusCode).toBe(400);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
  });
});

// The unit's team report is the team page's (GET /team); the old per-organisation report is gone.
describe('team report', () => {
  it('shows a manager the unit’s people and their progress', async () => {
    const res = await (await login('r.m1')).get(`/api/v1/team?unitId=${kUnit}`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.total).toBe(4);
    expect(r.counts).toMatchObject({ done: 1, not_enrolled: 0 });
    const rut = r.items.find((m: { name: string }) => m.name === 'Rut Ek');
    expect(rut.enrolments[0]).toMatchObject({
      percent: 100,
      programmeName: 'Rapportprogrammet',
      status: 'done',
    });
    const rolf = r.items.find((m: { name: string }) => m.name === 'Rolf Ek');
    expect(rolf.enrolments[0].percent).toBe(17);
    expect(r.items.map((m: { name: string }) => m.name)).toEqual([
      'Rebecka Ek',
      'Robin Ek',
      'Rolf Ek',
      'Rut Ek',
    ]);
  });

  it('lets the municipality’s coordinator see it, and refuses staff and other managers', async () => {
    const url = `/api/v1/team?unitId=${kUnit}`;
    expect((await (await t.as('samordnare.kramfors')).get(url)).statusCode).toBe(200);
    expect((await (await login('r.s1')).get(url)).statusCode).toBe(403);
    expect((await (await t.as('chef.falun')).get(url)).statusCode).toBe(404);
    expect((await (await t.as('samordnare.falun')).get(url)).statusCode).toBe(404);
    const region = await orgId(t, 'Region Dalarna', 'region');
    expect((await (await t.as('region.dalarna')).get(`/api/v1/team?unitId=${region}`)).json().code).toBe(
      'validation_failed',
    );
    expect((await (await t.as('chef.falun')).get('/api/v1/team?unitId=x')).statusCode).toBe(400);
  });
});
