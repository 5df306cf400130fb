import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { count, loadCourses, orgId, userId } from './programmes.fixtures.ts';

let t: TestApp;
let groupId: string;
let future: string;
let past: string;
let amir: string;

const inDays = (d: number) => new Date(Date.now() + d * 86400_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  const course = (await loadCourses(t)).staffCourse;
  const norr = await orgId(t, 'Hemtjänsten Norr', 'unit');
  amir = await userId(t, 'personal.falun');
  const chef = await t.as('chef.falun');
  groupId = (
    await chef.post('/api/v1/study-groups', {
      name: 'Träffgruppen',
      organisationId: norr,
      courseId: course,
      memberIds: [amir, await userId(t, 'erik.wallin')],
    })
  ).json().id;
  const plan = async (startsAt: string) =>
    (
      await chef.post(`/api/v1/study-groups/${groupId}/meetings`, {
        moduleKey: 'm1',
        startsAt,
        place: 'Personalrummet',
      })
    ).json().id as string;
  future = await plan(inDays(7));
  past = await plan(inDays(-1));
});
afterAll(() => t.close());

const audits = async (action: string) =>
  (
    await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = ${action}`,
    )
  )[0]!.n;

describe('changing a meeting', () => {
  it('moves a planned meeting and changes its place, audited; members see the change', async () => {
    const chef = await t.as('chef.falun');
    const mails = await count(t, 'outbox');
    const startsAt = inDays(8);
    const res = await chef.patch(`/api/v1/study-groups/${groupId}/meetings/${future}`, {
      startsAt,
      place: 'Stora rummet',
      moduleKey: 'm2',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ place: 'Stora rummet', moduleKey: 'm2', cancelledAt: null });
    expect(Date.parse(res.json().startsAt)).toBe(Date.parse(startsAt));
    expect(res.json().changedAt).toEqual(expect.any(String));
    expect(await audits('studygroup.meeting_updated')).toBe(1);
    // Both members hear of it by e-mail as well.
    expect(await count(t, 'outbox')).toBe(mails + 2);
    const [notice] = await queryRows<{ subject: string }>(
      t.db,
      sql`select subject from outbox order by created_at desc limit 1`,
    );
    expect(notice!.subject).toBe('Träffen är ändrad – Träffgruppen');
    const member = (await (await t.as('personal.falun')).get(`/api/v1/study-groups/${groupId}`)).json();
    expect(member.meetings.find((m: { id: string }) => m.id === future)).toMatchObject({
      place: 'Stora rummet',
    });
  });

  it('refuses members, other managers, bad input and moving an attended meeting, writing nothing', async () => {
    const url = `/api/v1/study-groups/${groupId}/meetings/${future}`;
    const before = await audits('studygroup.meeting_updated');
    const mails = await count(t, 'outbox');
    const staff = await t.as('personal.falun');
    expect((await staff.patch(url, { place: 'X' })).statusCode).toBe(403);
    expect((await (await t.as('chef.borlange')).patch(url, { place: 'X' })).statusCode).toBe(404);
    expect((await (await t.as('samordnare.borlange')).patch(url, { place: 'X' })).statusCode).toBe(404);
    const chef = await t.as('chef.falun');
    expect((await chef.patch(url, {})).statusCode).toBe(400);
    expect((await chef.patch(url, { place: '' })).statusCode).toBe(400);
    expect((await chef.patch(url, { durationMinutes: 5 })).statusCode).toBe(400);
    const unknown = await chef.patch(url, { moduleKey: 'nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'body.moduleKey', code: 'unknown_module' });
    expect(
      (await chef.patch(`/api/v1/study-groups/${groupId}/meetings/${groupId}`, { place: 'X' })).statusCode,
    ).toBe(404);
    const attended = await chef.request({
      method: 'PUT',
      url: `/api/v1/study-groups/${groupId}/meetings/${past}/attendance`,
      payload: { attended: [amir] },
    });
    expect(attended.statusCode).toBe(200);
    const moved = await chef.patch(`/api/v1/study-groups/${groupId}/meetings/${past}`, {
      startsAt: inDays(3),
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().code).toBe('meeting_attendance_recorded');
    expect(await audits('studygroup.meeting_updated')).toBe(before);
    expect(await count(t, 'outbox')).toBe(mails);
    // The place of a held meeting may still be corrected.
    expect(
      (await chef.patch(`/api/v1/study-groups/${groupId}/meetings/${past}`, { place: 'Köket' })).statusCode,
    ).toBe(200);
  });
});

describe('cancelling a meeting', () => {
  it('keeps a cancelled meeting listed as cancelled and refuses changes and attendance to it', async () => {
    const chef = await t.as('chef.falun');
    const url = `/api/v1/study-groups/${groupId}/meetings/${future}`;
    expect((await (await t.as('personal.falun')).post(`${url}/cancel`)).statusCode).toBe(403);
    expect((await (await t.as('chef.borlange')).post(`${url}/cancel`)).statusCode).toBe(404);
    expect((await chef.post(`/api/v1/study-groups/x/meetings/${future}/cancel`)).statusCode).toBe(400);
    expect(await audits('studygroup.meeting_cancelled')).toBe(0);
    const mails = await count(t, 'outbox');
    const res = await chef.post(`${url}/cancel`);
    expect(res.statusCode).toBe(200);
    expect(res.json().cancelledAt).toEqual(expect.any(String));
    expect(await audits('studygroup.meeting_cancelled')).toBe(1);
    expect(await count(t, 'outbox')).toBe(mails + 2);
    const member = (await (await t.as('personal.falun')).get(`/api/v1/study-groups/${groupId}`)).json();
    expect(member.meetings.find((m: { id: string }) => m.id === future).cancelledAt).toEqual(
      expect.any(String),
    );
    const list = (await chef.get('/api/v1/study-groups')).json();
    expect(list.items.find((g: { id: string }) => g.id === groupId).nextMeetingAt).toBeNull();
    const again = await chef.post(`${url}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('meeting_cancelled');
    expect((await chef.patch(url, { place: 'Y' })).json().code).toBe('meeting_cancelled');
    const statements = await count(t, 'learning_statements');
    const attendance = await chef.request({
      method: 'PUT',
      url: `${url}/attendance`,
      payload: { attended: [amir] },
    });
    expect(attendance.statusCode).toBe(409);
    expect(attendance.json().code).toBe('meeting_cancelled');
    expect(await count(t, 'learning_statements')).toBe(statements);
  });

  it('refuses to cancel a meeting with recorded attendance', async () => {
    const chef = await t.as('chef.falun');
    const res = await chef.post(`/api/v1/study-groups/${groupId}/meetings/${past}/cancel`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('meeting_attendance_recorded');
  });
});
