import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { addPerson, count, loadCourses, orgId, userId } from './programmes.fixtures.ts';

let t: TestApp;
let course: string;
let norr: string;
let falun: string;
const u = {} as Record<'erik' | 'ulla' | 'jonas', string>;

beforeAll(async () => {
  t = await createTestApp();
  course = (await loadCourses(t)).staffCourse;
  norr = await orgId(t, 'Hemtjänsten Norr', 'unit');
  falun = await orgId(t, 'Falun', 'municipality');
  u.erik = await userId(t, 'erik.wallin');
  u.ulla = await userId(t, 'ulla.aberg');
  u.jonas = await userId(t, 'jonas.oberg');
  // Erik and Jonas are enrolled on the test course by their manager, through the existing endpoint.
  const chef = await t.as('chef.falun');
  const res = await chef.post('/api/v1/enrolments', { courseId: course, userIds: [u.erik, u.jonas] });
  expect(res.statusCode).toBe(200);
});
afterAll(() => t.close());

interface Member {
  userId: string;
  name: string;
  status: string;
  role: string;
  units: { id: string; name: string }[];
  enrolments: { courseId: string; status: string }[];
}

describe('the team page', () => {
  it('lists the people of the manager’s unit with status, in Swedish order', async () => {
    const res = await (await t.as('chef.falun')).get('/api/v1/team');
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.units).toEqual([{ id: norr, name: 'Hemtjänsten Norr' }]);
    const names = v.items.map((m: Member) => m.name);
    expect(names).toEqual(
      expect.arrayContaining(['Amir Haddad', 'Erik Wallin', 'Jonas Öberg', 'Sara Holmgren']),
    );
    expect(names).not.toContain('Ulla Åberg');
    expect(names).toEqual([...names].sort(new Intl.Collator('sv').compare));
    const sara = v.items.find((m: Member) => m.name === 'Sara Holmgren');
    expect(sara.role).toBe('manager');
    expect(v.total).toBe(v.items.length);
    expect(v.courses.map((c: { id: string }) => c.id)).toContain(course);
  });

  it('filters by course and status, searches by name and pages', async () => {
    const chef = await t.as('chef.falun');
    const notStarted = (await chef.get(`/api/v1/team?courseId=${course}&status=not_started`)).json();
    expect(notStarted.items.map((m: Member) => m.name).sort()).toEqual(['Erik Wallin', 'Jonas Öberg']);
    expect(notStarted.items[0].enrolments).toEqual([
      expect.objectContaining({ courseId: course, status: 'not_started' }),
    ]);
    const notEnrolled = (await chef.get(`/api/v1/team?courseId=${course}&status=not_enrolled`)).json();
    expect(notEnrolled.items.map((m: Member) => m.name)).toContain('Amir Haddad');
    expect(notEnrolled.counts.not_started).toBe(2);
    const found = (await chef.get('/api/v1/team?q=amir')).json();
    expect(found.items.map((m: Member) => m.name)).toEqual(['Amir Haddad']);
    const first = (await chef.get('/api/v1/team?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await chef.get(`/api/v1/team?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(2);
    const ids = [...first.items, ...second.items].map((m: Member) => m.userId);
    expect(new Set(ids).size).toBe(4);
    const byStatus = (await chef.get('/api/v1/team?sort=status')).json();
    expect(byStatus.items.length).toBe(first.total);
  });

  it('gives the municipality’s coordinator every unit, one unit on request', async () => {
    const coord = await t.as('samordnare.falun');
    const all = (await coord.get('/api/v1/team')).json();
    expect(all.units.map((x: { name: string }) => x.name)).toEqual(
      expect.arrayContaining(['Hemtjänsten Norr', 'Hemtjänsten Söder']),
    );
    expect(all.items.map((m: Member) => m.name)).toContain('Ulla Åberg');
    const one = await coord.get(`/api/v1/team?unitId=${norr}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().items.map((m: Member) => m.name)).not.toContain('Ulla Åberg');
  });

  it('refuses staff, other municipalities and bad parameters', async () => {
    expect((await (await t.as('personal.falun')).get('/api/v1/team')).statusCode).toBe(403);
    expect((await (await t.as('chef.borlange')).get(`/api/v1/team?unitId=${norr}`)).statusCode).toBe(404);
    expect((await (await t.as('samordnare.borlange')).get(`/api/v1/team?unitId=${norr}`)).statusCode).toBe(
      404,
    );
    const chef = await t.as('chef.falun');
    expect((await chef.get('/api/v1/team?unitId=x')).statusCode).toBe(400);
    expect((await chef.get('/api/v1/team?status=late')).statusCode).toBe(400);
    expect((await chef.get('/api/v1/team?cursor=%21%21')).statusCode).toBe(400);
    const coord = await t.as('samordnare.falun');
    const notUnit = await coord.get(`/api/v1/team?unitId=${falun}`);
    expect(notUnit.statusCode).toBe(400);
    expect(notUnit.json().errors[0]).toMatchObject({ path: 'querystring.unitId', code: 'not_a_unit' });
  });
});

describe('exporting the team', () => {
  it('downloads CSV for Excel and XLSX with the same filters', async () => {
    const chef = await t.as('chef.falun');
    const csv = await chef.get(`/api/v1/team/export?format=csv&courseId=${course}&status=not_started`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="mitt-team-.*\.csv"/);
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.rawPayload.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('Namn;Roll;Enhet;Status;Kurs;Program;Klart (%);Senast aktiv;Slutförd;Intyg');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(';')[0])
        .sort(),
    ).toEqual(['Erik Wallin', 'Jonas Öberg']);
    const xlsx = await chef.get('/api/v1/team/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses staff and a missing format', async () => {
    expect((await (await t.as('personal.falun')).get('/api/v1/team/export?format=csv')).statusCode).toBe(403);
    expect((await (await t.as('chef.falun')).get('/api/v1/team/export')).statusCode).toBe(400);
  });
});

describe('reminding people', () => {
  it('mails those with unfinished courses once a day, audited with ids only', async () => {
    const chef = await t.as('chef.falun');
    const idle = { userId: await addPerson(t, 'nora.ny', 'Nora Ny', norr, 'staff', null) };
    const outboxBefore = await count(t, 'outbox');
    const res = await chef.post('/api/v1/team/reminders', { userIds: [u.erik, idle.userId] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      sent: 1,
      results: [
        { userId: u.erik, outcome: 'sent' },
        { userId: idle.userId, outcome: 'nothing_to_remind' },
      ],
    });
    expect(await count(t, 'outbox')).toBe(outboxBefore + 1);
    const [mail] = await queryRows<{ subject: string; text: string }>(
      t.db,
      sql`select subject, text from outbox where "to" = ${demoEmail('erik.wallin')} order by created_at desc limit 1`,
    );
    expect(mail!.subject).toContain('påminnelse');
    expect(mail!.text).toContain('/utbildning');
    const [audit] = await queryRows<{ after: unknown }>(
      t.db,
      sql`select after from audit_log where action = 'learning.reminded' order by at desc limit 1`,
    );
    expect(audit!.after).toEqual({ userIds: [u.erik] });
    const again = await chef.post('/api/v1/team/reminders', { userIds: [u.erik] });
    expect(again.json()).toEqual({ sent: 0, results: [{ userId: u.erik, outcome: 'already_today' }] });
    expect(await count(t, 'outbox')).toBe(outboxBefore + 1);
    const team = (await chef.get('/api/v1/team?q=erik')).json();
    expect(team.items[0].lastRemindedAt).toEqual(expect.any(String));
  });

  it('refuses people outside my units, staff and bad input, writing nothing', async () => {
    const before = await count(t, 'learning_reminders');
    const outboxBefore = await count(t, 'outbox');
    const chef = await t.as('chef.falun');
    expect((await chef.post('/api/v1/team/reminders', { userIds: [u.jonas, u.ulla] })).statusCode).toBe(403);
    expect((await chef.post('/api/v1/team/reminders', { userIds: [] })).statusCode).toBe(400);
    expect((await chef.post('/api/v1/team/reminders', { userIds: ['x'] })).statusCode).toBe(400);
    const staff = await t.as('personal.falun');
    expect((await staff.post('/api/v1/team/reminders', { userIds: [u.jonas] })).statusCode).toBe(403);
    const other = await t.as('chef.borlange');
    expect((await other.post('/api/v1/team/reminders', { userIds: [u.jonas] })).statusCode).toBe(403);
    expect(await count(t, 'learning_reminders')).toBe(before);
    expect(await count(t, 'outbox')).toBe(outboxBefore);
  });
});

describe('overdue', () => {
  it('marks an unfinished programme enrolment past the programme’s end as overdue', async () => {
    const created = await (await t.as('samordnare.falun')).post('/api/v1/programmes', {
      name: 'Falun sent ute',
      ownerOrganisationId: falun,
      startsOn: '2025-01-01',
      endsOn: '2027-06-30',
      municipalityCodes: ['2080'],
      targetParticipants: 5,
      funding: {},
      courses: [{ track: 'staff', courseId: course }],
    });
    expect(created.statusCode).toBe(201);
    const programme = created.json().id;
    const chef = await t.as('chef.falun');
    expect(
      (await chef.post(`/api/v1/programmes/${programme}/enrolments`, { userIds: [u.jonas] })).statusCode,
    ).toBe(200);
    await queryRows(
      t.db,
      sql`update programmes set ends_on = '2025-06-30' where id = ${programme} returning id`,
    );
    const overdue = (await chef.get('/api/v1/team?status=overdue')).json();
    expect(overdue.items.map((m: Member) => m.name)).toEqual(['Jonas Öberg']);
    expect(overdue.items[0].enrolments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ programmeName: 'Falun sent ute', status: 'overdue' }),
      ]),
    );
    expect(overdue.counts.overdue).toBe(1);
  });
});
