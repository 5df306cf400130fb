import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { CMI5_COURSE_ID, cmi5Zip, packageForm, scorm2004Zip } from '../support/course-packages.ts';
import { type Agent, createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { accessToken, createClient } from './api-clients.fixtures.ts';
import { auStatement, fetchToken, launched, lms, PUBLIC_URL, sendStatements } from './cmi5.fixtures.ts';
import { addPerson, addUnit, loadCourses, orgId } from './programmes.fixtures.ts';

/**
 * Results of imported SCORM and cmi5 courses (issue 18) in the programme report and on the author's
 * feedback page. A programme of Akademi Norr in Kramfors and Arjeplog: staff take a SCORM 2004 course,
 * managers a cmi5 course.
 */

let t: TestApp;
let programmeId: string;
let scormCourse: string;
let cmi5Course: string;
/** Module keys per course, in package order. */
let scormModules: string[];
let cmi5Modules: string[];
const people = { s1: '', s2: '', m1: '', a1: '' };

const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.db, q);

const login = async (local: string) => {
  const a = t.agent();
  await a.login(demoEmail(local));
  return a;
};

async function importAs(author: Agent, zip: Buffer, fields: Record<string, string>) {
  const res = await author.request({
    method: 'POST',
    url: '/api/v1/courses/import',
    ...packageForm(zip, fields),
  });
  expect(res.statusCode).toBe(201);
  const body = res.json() as { courseId: string; modules: { key: string }[] };
  return { id: body.courseId, modules: body.modules.map((m) => m.key) };
}

async function enrolmentOf(userId: string, courseId: string) {
  const [row] = await rows<{ id: string }>(
    sql`select id from enrolments where user_id = ${userId} and course_id = ${courseId}`,
  );
  return row!.id;
}

/** One committed, terminated SCORM 2004 attempt with the CMI data given. */
async function commit(local: string, userId: string, moduleKey: string, cmi: Record<string, string>) {
  const learner = await login(local);
  const enrolment = await enrolmentOf(userId, scormCourse);
  const res = await learner.request({
    method: 'PUT',
    url: `/api/v1/enrolments/${enrolment}/modules/${moduleKey}/scorm`,
    payload: { attempt: 1, seq: 1, cmi, terminated: true },
  });
  expect(res.statusCode).toBe(200);
}

const interactions = (answers: [string, string][]) =>
  Object.fromEntries(
    answers.flatMap(([id, result], n) => [
      [`cmi.interactions.${n}.id`, id],
      [`cmi.interactions.${n}.result`, result],
      [`cmi.interactions.${n}.description`, `Fråga ${id}`],
    ]),
  );

const AUS = [
  {
    id: `${CMI5_COURSE_ID}/au/lektion`,
    title: { sv: 'Lektion' },
    url: 'lektion/index.html',
    moveOn: 'CompletedAndPassed',
    masteryScore: 0.6,
  },
  { id: `${CMI5_COURSE_ID}/au/extra`, title: { sv: 'Extra' }, url: 'extra/index.html', moveOn: 'Completed' },
];

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL });
  const academy = await orgId(t, 'Akademi Norr', 'association');
  const coordinator = await t.as('samordnare.akademinorr');
  const scorm = await importAs(coordinator, scorm2004Zip(), { ownerOrganisationId: academy, track: 'staff' });
  const cmi5 = await importAs(coordinator, cmi5Zip(AUS), { ownerOrganisationId: academy, track: 'managers' });
  [scormCourse, scormModules, cmi5Course, cmi5Modules] = [scorm.id, scorm.modules, cmi5.id, cmi5.modules];

  const kUnit = await addUnit(t, '2282', 'Importenheten Kramfors');
  const aUnit = await addUnit(t, '2506', 'Importenheten Arjeplog');
  people.s1 = await addPerson(t, 'i.s1', 'Ida Berg', kUnit, 'staff', 'woman');
  people.s2 = await addPerson(t, 'i.s2', 'Ivar Berg', kUnit, 'staff', 'man');
  people.m1 = await addPerson(t, 'i.m1', 'Inga Berg', kUnit, 'manager', 'woman');
  people.a1 = await addPerson(t, 'i.a1', 'Iris Berg', aUnit, 'staff', 'other');
  const res = await coordinator.post('/api/v1/programmes', {
    name: 'Importprogrammet',
    ownerOrganisationId: academy,
    startsOn: new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10),
    endsOn: '2030-12-31',
    municipalityCodes: ['2282', '2506'],
    targetParticipants: 10,
    courses: [
      { track: 'staff', courseId: scormCourse },
      { track: 'managers', courseId: cmi5Course },
    ],
  });
  expect(res.statusCode).toBe(201);
  programmeId = res.json().id;
  const enrol = await coordinator.post(`/api/v1/programmes/${programmeId}/enrolments`, {
    userIds: Object.values(people),
  });
  expect(enrol.json().created).toBe(4);

  // SCORM: Ida passes the test, Ivar fails it, Iris leaves the first SCO unfinished.
  const test = scormModules[2]!;
  await commit('i.s1', people.s1, test, {
    'cmi.completion_status': 'completed',
    'cmi.score.scaled': '0.9',
    'cmi.score.raw': '9',
    'cmi.score.max': '10',
    'cmi.session_time': 'PT5M',
    ...interactions([
      ['q1', 'correct'],
      ['q2', 'incorrect'],
    ]),
  });
  await commit('i.s2', people.s2, test, {
    'cmi.completion_status': 'completed',
    'cmi.score.scaled': '0.5',
    'cmi.score.raw': '5',
    'cmi.score.max': '10',
    'cmi.session_time': 'PT10M',
    ...interactions([
      ['q2', 'incorrect'],
      ['q1', 'incorrect'],
      ['q3', 'correct'],
    ]),
  });
  await commit('i.a1', people.a1, scormModules[0]!, {
    'cmi.completion_status': 'incomplete',
    'cmi.session_time': 'PT1M',
  });

  // cmi5: Inga completes and passes the lesson with 18 of 20; the extra AU is waived.
  const manager = await login('i.m1');
  const enrolment = await enrolmentOf(people.m1, cmi5Course);
  const l = launched(
    await manager.post(`/api/v1/enrolments/${enrolment}/modules/${cmi5Modules[0]}/cmi5-launch`),
  );
  const auth = await fetchToken(t, l);
  const sent = await sendStatements(t, auth, [
    auStatement(l, 'initialized'),
    auStatement(l, 'completed', { moveOn: true, result: { completion: true, duration: 'PT3M' } }),
    auStatement(l, 'passed', {
      moveOn: true,
      result: { success: true, duration: 'PT4M', score: { scaled: 0.9, raw: 18, min: 0, max: 20 } },
    }),
  ]);
  expect(sent.statusCode).toBe(200);
  const client = await createClient(t, 'samordnare.akademinorr', academy, ['cmi5:admin'], 'LMS');
  const token = await accessToken(t, client);
  const waive = await lms(t, token, 'POST', `/registrations/${l.registration}/waive-au/1`, {
    reason: 'Tested Out',
  });
  expect(waive.statusCode).toBe(204);
});
afterAll(() => t.close());

const reportUrl = () => `/api/v1/programmes/${programmeId}/report`;

describe('the programme report of a programme with imported courses', () => {
  it('summarises each module of each imported course, without names on screen', async () => {
    const res = await (await t.as('samordnare.akademinorr')).get(reportUrl());
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.importedResults).toEqual([]);
    expect(
      r.importedCourses.map((c: { courseId: string; format: string }) => [c.courseId, c.format]),
    ).toEqual([
      [scormCourse, 'scorm2004'],
      [cmi5Course, 'cmi5'],
    ]);
    const [scorm, cmi5] = r.importedCourses;
    expect(scorm.modules.map((m: { key: string }) => m.key)).toEqual(scormModules);
    expect(scorm.modules[0]).toMatchObject({ started: 1, completed: 0, passed: 0, failed: 0, scored: 0 });
    expect(scorm.modules[1]).toMatchObject({ started: 0, averageScore: null, medianScore: null });
    expect(scorm.modules[2]).toMatchObject({
      started: 2,
      completed: 2,
      passed: 1,
      failed: 1,
      scored: 2,
      averageScore: 0.7,
      medianScore: 0.7,
    });
    expect(cmi5.modules[0]).toMatchObject({
      started: 1,
      completed: 1,
      passed: 1,
      waived: 0,
      averageScore: 0.9,
    });
    expect(cmi5.modules[1]).toMatchObject({ started: 1, completed: 0, waived: 1, scored: 0 });
    expect(res.body).not.toContain('Ida Berg');
  });

  it('lists each learner’s result per module with the participant list', async () => {
    const res = await (await t.as('samordnare.akademinorr')).get(`${reportUrl()}?participants=true`);
    const results = res.json().importedResults as Record<string, unknown>[];
    expect(results.map((x) => [x.name, x.moduleKey])).toEqual([
      ['Iris Berg', scormModules[0]],
      ['Ida Berg', scormModules[2]],
      ['Inga Berg', cmi5Modules[0]],
      ['Inga Berg', cmi5Modules[1]],
      ['Ivar Berg', scormModules[2]],
    ]);
    expect(results.find((x) => x.name === 'Ida Berg')).toEqual({
      userId: people.s1,
      name: 'Ida Berg',
      municipality: 'Kramfors',
      unit: 'Importenheten Kramfors',
      courseId: scormCourse,
      moduleKey: scormModules[2],
      moduleTitle: 'Kunskapstest',
      format: 'scorm2004',
      completion: 'completed',
      success: 'passed',
      scoreScaled: 0.9,
      scoreRaw: 9,
      scoreMax: 10,
      secondsTotal: 300,
      attempts: 1,
      waived: null,
      sessions: null,
    });
    expect(results.find((x) => x.name === 'Ivar Berg')).toMatchObject({
      success: 'failed',
      scoreScaled: 0.5,
    });
    const [lesson, extra] = results.filter((x) => x.name === 'Inga Berg');
    expect(lesson).toMatchObject({
      format: 'cmi5',
      completion: 'completed',
      success: 'passed',
      scoreScaled: 0.9,
      scoreRaw: 18,
      scoreMax: 20,
      waived: false,
      sessions: 1,
      secondsTotal: null,
      attempts: null,
    });
    expect(extra).toMatchObject({ completion: 'incomplete', success: 'unknown', waived: true, sessions: 0 });
  });

  it('gives a municipal coordinator the results of their municipality only', async () => {
    const r = (await (await t.as('samordnare.kramfors')).get(`${reportUrl()}?participants=true`)).json();
    expect(r.importedCourses[0].modules[0]).toMatchObject({ started: 0 });
    expect(r.importedCourses[0].modules[2]).toMatchObject({ started: 2 });
    expect(r.importedResults.map((x: { name: string }) => x.name)).not.toContain('Iris Berg');
  });

  it('adds the imported courses to the CSV and the workbook', async () => {
    const coordinator = await t.as('samordnare.akademinorr');
    const csv = await coordinator.get(`${reportUrl()}?format=csv&lang=sv`);
    const lines = csv.rawPayload.subarray(3).toString('utf8').split('\r\n');
    expect(lines).toContain('Importerade kurser per modul');
    expect(lines).toContain('Resultat i importerade kurser');
    expect(lines.find((l) => l.startsWith('Ida Berg;'))).toBe(
      'Ida Berg;Kramfors;Importenheten Kramfors;Dokumentation enligt SoL;Kunskapstest;SCORM 2004;Slutförd;Godkänd;90;9;10;0,1;1;;',
    );
    expect(lines.find((l) => l.startsWith('Inga Berg;') && l.includes('Extra'))).toMatch(
      /;cmi5;Ej slutförd;Okänd;;;;;;Ja;0$/,
    );
    // The participant-only CSV is still the funder's list alone.
    const only = await coordinator.get(`${reportUrl()}?format=csv&part=participants&lang=en`);
    expect(only.rawPayload.subarray(3).toString('utf8')).not.toContain('Imported course results');

    const xlsx = await coordinator.get(`${reportUrl()}?format=xlsx&lang=en`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Imported course results')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Participant');
    expect(book.getWorksheet('Imported courses by module')).toBeDefined();
  });

  it('adds nothing for a programme without imported courses: the fields are empty', async () => {
    const coordinator = await t.as('samordnare.akademinorr');
    const other = await coordinator.post('/api/v1/programmes', {
      name: 'Utan import',
      ownerOrganisationId: await orgId(t, 'Akademi Norr', 'association'),
      startsOn: '2026-01-01',
      endsOn: '2030-12-31',
      municipalityCodes: ['2282'],
      targetParticipants: 5,
    });
    const r = (
      await coordinator.get(`/api/v1/programmes/${other.json().id}/report?participants=true`)
    ).json();
    expect(r.importedCourses).toEqual([]);
    expect(r.importedResults).toEqual([]);
  });

  it('refuses learners and other municipalities, and bad input', async () => {
    expect((await (await login('i.s1')).get(reportUrl())).statusCode).toBe(403);
    expect((await (await login('i.m1')).get(`${reportUrl()}?participants=true`)).statusCode).toBe(403);
    expect((await (await t.as('samordnare.falun')).get(reportUrl())).statusCode).toBe(404);
    const coordinator = await t.as('samordnare.akademinorr');
    expect((await coordinator.get(`${reportUrl()}?participants=maybe`)).statusCode).toBe(400);
    expect((await coordinator.get('/api/v1/programmes/nope/report')).statusCode).toBe(400);
  });
});

describe('the author’s feedback page of an imported course', () => {
  const feedbackUrl = (courseId: string) => `/api/v1/courses/${courseId}/feedback?lang=sv`;

  it('counts each SCORM module’s learners and scores, and the interactions most often wrong', async () => {
    const res = await (await t.as('samordnare.akademinorr')).get(feedbackUrl(scormCourse));
    expect(res.statusCode).toBe(200);
    expect(res.json().format).toBe('scorm2004');
    const modules = res.json().modules;
    expect(modules.map((m: { key: string }) => m.key)).toEqual(scormModules);
    expect(modules[0].packageResults).toMatchObject({ started: 1, completed: 0, wrongInteractions: [] });
    expect(modules[2].packageResults).toEqual({
      started: 2,
      completed: 2,
      passed: 1,
      failed: 1,
      waived: 0,
      scored: 2,
      averageScore: 0.7,
      medianScore: 0.7,
      wrongInteractions: [
        { id: 'q2', description: 'Fråga q2', answers: 2, wrong: 2 },
        { id: 'q1', description: 'Fråga q1', answers: 2, wrong: 1 },
      ],
    });
    expect(res.body).not.toMatch(/Ida Berg|Ivar Berg/);
  });

  it('gives each cmi5 AU its results, with no interactions', async () => {
    const res = await (await t.as('samordnare.akademinorr')).get(feedbackUrl(cmi5Course));
    const [lesson, extra] = res.json().modules;
    expect(lesson.packageResults).toMatchObject({ started: 1, completed: 1, passed: 1, averageScore: 0.9 });
    expect(lesson.packageResults.wrongInteractions).toEqual([]);
    expect(extra.packageResults).toMatchObject({ waived: 1 });
  });

  it('refuses a learner and another municipality’s coordinator, and a bad id', async () => {
    expect((await (await login('i.s1')).get(feedbackUrl(scormCourse))).statusCode).toBe(403);
    expect((await (await t.as('samordnare.falun')).get(feedbackUrl(scormCourse))).statusCode).toBe(403);
    expect((await (await t.as('samordnare.akademinorr')).get(feedbackUrl('nope'))).statusCode).toBe(400);
  });

  it('keeps packageResults null for a course written in the editor', async () => {
    const { staffCourse } = await loadCourses(t);
    const res = await (await t.as('admin')).get(feedbackUrl(staffCourse));
    expect(res.statusCode).toBe(200);
    expect(res.json().format).toBeNull();
    for (const m of res.json().modules) expect(m.packageResults).toBeNull();
  });
});
