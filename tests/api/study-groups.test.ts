import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { verbs } from '../../src/shared/contracts/learning.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { codes, count, loadCourses, orgId, userId } from './programmes.fixtures.ts';

let t: TestApp;
let course: string;
let norr: string;
let groupId: string;
let pastMeeting: string;
const u = {} as Record<'personal' | 'erik' | 'lina' | 'ulla', string>;

beforeAll(async () => {
  t = await createTestApp();
  course = (await loadCourses(t)).staffCourse;
  norr = await orgId(t, 'Hemtjänsten Norr', 'unit');
  u.personal = await userId(t, 'personal.falun');
  u.erik = await userId(t, 'erik.wallin');
  u.lina = await userId(t, 'lina.persson');
  u.ulla = await userId(t, 'ulla.aberg');
});
afterAll(() => t.close());

const items = async (user: string) =>
  (
    await queryRows<{ item: string }>(
      t.db,
      sql`select i.item from enrolment_items i join enrolments e on e.id = i.enrolment_id
          where e.user_id = ${user} and e.course_id = ${course} order by i.item`,
    )
  ).map((r) => r.item);

describe('forming a study group', () => {
  it('lets the manager form a group from the unit, enrolling members on the course', async () => {
    const chef = await t.as('chef.falun');
    const res = await chef.post('/api/v1/study-groups', {
      name: 'Reflektionsgruppen',
      organisationId: norr,
      courseId: course,
      memberIds: [u.personal, u.erik, u.lina],
    });
    expect(res.statusCode).toBe(201);
    const g = res.json();
    groupId = g.id;
    expect(g).toMatchObject({
      name: 'Reflektionsgruppen',
      organisation: { id: norr, name: 'Hemtjänsten Norr' },
      course: { id: course, key: 'testkurs-mini' },
      canManage: true,
      meetings: [],
    });
    expect(g.members.map((m: { name: string }) => m.name)).toEqual([
      'Amir Haddad',
      'Erik Wallin',
      'Lina Persson',
    ]);
    const enrolled = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from enrolments where course_id = ${course}
          and user_id in (${u.personal}, ${u.erik}, ${u.lina})`,
    );
    expect(enrolled[0]!.n).toBe(3);
  });

  it('refuses people outside the unit, non-units, other managers and staff', async () => {
    const before = await count(t, 'study_groups');
    const chef = await t.as('chef.falun');
    const outside = await chef.post('/api/v1/study-groups', {
      name: 'X',
      organisationId: norr,
      courseId: course,
      memberIds: [u.personal, u.ulla],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors).toEqual([
      expect.objectContaining({ path: 'body.memberIds.1', code: 'not_unit_member' }),
    ]);
    const falun = await orgId(t, 'Falun', 'municipality');
    const municipality = await (await t.as('samordnare.falun')).post('/api/v1/study-groups', {
      name: 'X',
      organisationId: falun,
      courseId: course,
      memberIds: [u.personal],
    });
    expect(codes(municipality)).toEqual(['not_a_unit']);
    const body = { name: 'Y', organisationId: norr, courseId: course, memberIds: [u.personal] };
    expect((await (await t.as('chef.lugnet')).post('/api/v1/study-groups', body)).statusCode).toBe(404);
    expect((await (await t.as('personal.falun')).post('/api/v1/study-groups', body)).statusCode).toBe(403);
    expect(
      (await chef.post('/api/v1/study-groups', { ...body, name: 'Reflektionsgruppen' })).statusCode,
    ).toBe(409);
    expect((await chef.post('/api/v1/study-groups', { ...body, memberIds: [] })).statusCode).toBe(400);
    expect((await chef.post('/api/v1/study-groups', { ...body, courseId: norr })).statusCode).toBe(400);
    expect(await count(t, 'study_groups')).toBe(before);
  });

  it('lists groups for those who run them and their members only', async () => {
    const list = async (local: string) =>
      (
        (await (await t.as(local)).get('/api/v1/study-groups')).json().items as {
          name: string;
          canManage: boolean;
          memberCount: number;
        }[]
      ).filter((g) => g.name === 'Reflektionsgruppen');
    expect(await list('chef.falun')).toEqual([expect.objectContaining({ canManage: true, memberCount: 3 })]);
    expect(await list('personal.falun')).toEqual([expect.objectContaining({ canManage: false })]);
    expect(await list('samordnare.falun')).toHaveLength(1);
    expect(await list('chef.borlange')).toEqual([]);
    expect(await list('jonas.oberg')).toEqual([]);
    expect((await (await t.as('chef.borlange')).get('/api/v1/study-groups')).json().items).toEqual([]);
    expect((await (await t.as('jonas.oberg')).get(`/api/v1/study-groups/${groupId}`)).statusCode).toBe(404);
  });
});

describe('reflection meetings and attendance', () => {
  it('plans a meeting on a module and shows its reflection questions', async () => {
    const chef = await t.as('chef.falun');
    const res = await chef.post(`/api/v1/study-groups/${groupId}/meetings`, {
      moduleKey: 'm1',
      startsAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      durationMinutes: 45,
      place: 'Personalrummet',
    });
    expect(res.statusCode).toBe(201);
    pastMeeting = res.json().id;
    expect(res.json()).toMatchObject({
      moduleKey: 'm1',
      moduleTitle: 'Modul m1',
      place: 'Personalrummet',
      durationMinutes: 45,
      reflectionQuestions: ['Vad tar du med dig?', 'Vad vill du pröva?'],
      attended: [],
      attendanceRecordedAt: null,
    });
    const before = await count(t, 'study_group_meetings');
    expect(
      codes(
        await chef.post(`/api/v1/study-groups/${groupId}/meetings`, {
          moduleKey: 'm9',
          startsAt: new Date().toISOString(),
          place: 'X',
        }),
      ),
    ).toEqual(['unknown_module']);
    expect(
      (
        await chef.post(`/api/v1/study-groups/${groupId}/meetings`, {
          moduleKey: 'm1',
          startsAt: 'tomorrow',
          place: 'X',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await (
          await t.as('personal.falun')
        ).post(`/api/v1/study-groups/${groupId}/meetings`, {
          moduleKey: 'm1',
          startsAt: new Date().toISOString(),
          place: 'X',
        })
      ).statusCode,
    ).toBe(403);
    expect(await count(t, 'study_group_meetings')).toBe(before);
  });

  it('records attendance as attended statements that count as the module’s meeting item, once', async () => {
    const chef = await t.as('chef.falun');
    const url = `/api/v1/study-groups/${groupId}/meetings/${pastMeeting}/attendance`;
    const res = await chef.request({
      method: 'PUT',
      url,
      payload: { attended: [u.personal, u.erik], note: 'Vi pratade om nattillsyn med kamera.' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().attended.sort()).toEqual([u.personal, u.erik].sort());
    expect(res.json().note).toBe('Vi pratade om nattillsyn med kamera.');
    expect(await items(u.personal)).toEqual(['meeting:m1']);
    expect(await items(u.lina)).toEqual([]);
    const statements = await queryRows<{ verb: string; object_id: string; duration: string }>(
      t.db,
      sql`select verb, object_id, result->>'duration' as duration from learning_statements where user_id = ${u.personal} and course_id = ${course}`,
    );
    expect(statements).toEqual([
      {
        verb: verbs.attended,
        object_id: 'https://valfardsnavet.se/xapi/courses/testkurs-mini/modules/m1',
        duration: 'PT45M',
      },
    ]);
    const seconds = await queryRows<{ seconds_spent: number; items_completed: number }>(
      t.db,
      sql`select seconds_spent, items_completed from enrolments where user_id = ${u.personal} and course_id = ${course}`,
    );
    expect(seconds[0]).toEqual({ seconds_spent: 2700, items_completed: 1 });

    const stored = await count(t, 'learning_statements');
    await chef.request({ method: 'PUT', url, payload: { attended: [u.personal, u.erik], note: 'Samma.' } });
    expect(await count(t, 'learning_statements')).toBe(stored);

    // Erik was recorded by mistake: his statement is voided and the item goes.
    const fixed = await chef.request({ method: 'PUT', url, payload: { attended: [u.personal], note: null } });
    expect(fixed.json().attended).toEqual([u.personal]);
    expect(await items(u.erik)).toEqual([]);
    const erik = await queryRows<{ verb: string }>(
      t.db,
      sql`select verb from learning_statements where user_id = ${u.erik} and course_id = ${course} order by seq`,
    );
    expect(erik.map((s) => s.verb)).toEqual([verbs.attended, 'http://adlnet.gov/expapi/verbs/voided']);

    // Monthly activity (what reports read) keeps Amir's meeting and takes Erik's back out, once.
    const months = async (user: string) =>
      queryRows<{ statements: number; seconds: number }>(
        t.db,
        sql`select coalesce(sum(em.statements), 0)::int as statements, coalesce(sum(em.seconds), 0)::int as seconds
            from enrolment_months em join enrolments e on e.id = em.enrolment_id
            where e.user_id = ${user} and e.course_id = ${course}`,
      );
    expect((await months(u.erik))[0]).toEqual({ statements: 0, seconds: 0 });
    expect((await months(u.personal))[0]).toMatchObject({ seconds: 2700 });
    await chef.request({ method: 'PUT', url, payload: { attended: [u.personal], note: null } });
    expect((await months(u.erik))[0]).toEqual({ statements: 0, seconds: 0 });
  });

  it('shows members the meeting without others’ attendance or the note', async () => {
    const mine = (await (await t.as('personal.falun')).get(`/api/v1/study-groups/${groupId}?lang=en`)).json();
    expect(mine.canManage).toBe(false);
    expect(mine.meetings[0]).toMatchObject({ attended: [u.personal], note: null, moduleTitle: 'Module m1' });
    const lina = (await (await t.as('lina.persson')).get(`/api/v1/study-groups/${groupId}`)).json();
    expect(lina.meetings[0].attended).toEqual([]);
  });

  it('refuses non-members, future meetings, staff and unknown meetings, writing nothing', async () => {
    const chef = await t.as('chef.falun');
    const stored = await count(t, 'learning_statements');
    const url = `/api/v1/study-groups/${groupId}/meetings/${pastMeeting}/attendance`;
    const outsider = await chef.request({ method: 'PUT', url, payload: { attended: [u.ulla] } });
    expect(codes(outsider)).toEqual(['not_group_member']);
    const future = (
      await chef.post(`/api/v1/study-groups/${groupId}/meetings`, {
        moduleKey: 'm2',
        startsAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
        place: 'Personalrummet',
      })
    ).json().id;
    const early = await chef.request({
      method: 'PUT',
      url: `/api/v1/study-groups/${groupId}/meetings/${future}/attendance`,
      payload: { attended: [u.personal] },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('meeting_not_started');
    const staff = await t.as('personal.falun');
    expect((await staff.request({ method: 'PUT', url, payload: { attended: [] } })).statusCode).toBe(403);
    expect(
      (
        await chef.request({
          method: 'PUT',
          url: `/api/v1/study-groups/${groupId}/meetings/${groupId}/attendance`,
          payload: { attended: [] },
        })
      ).statusCode,
    ).toBe(404);
    expect((await chef.request({ method: 'PUT', url, payload: { attended: ['x'] } })).statusCode).toBe(400);
    expect(await count(t, 'learning_statements')).toBe(stored);
  });
});
