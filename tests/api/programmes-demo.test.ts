import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('learning demo data', () => {
  it('has the Akademi Norr programme with 460 participants, reported to its coordinator', async () => {
    const a = await t.as('samordnare.akademinorr');
    const list = (await a.get('/api/v1/programmes')).json().items as { id: string; name: string }[];
    const an = list.find((p) => p.name === 'Välfärdsteknologi i omsorgen')!;
    const p = (await a.get(`/api/v1/programmes/${an.id}`)).json();
    expect(p).toMatchObject({
      targetParticipants: 460,
      enrolled: 460,
      funding: { esfProjectNumber: '2023/00123' },
    });
    expect(p.municipalities).toHaveLength(11);
    expect(p.courses.map((c: { courseKey: string }) => c.courseKey).sort()).toEqual([
      'leda-inforandet',
      'valfardsteknik-i-vardagen',
    ]);
    const r = (await a.get(`/api/v1/programmes/${an.id}/report`)).json();
    expect(r.totals.enrolled).toBe(460);
    expect(r.totals.completed).toBeGreaterThan(100);
    expect(r.totals.started).toBeGreaterThan(r.totals.completed);
    expect(r.totals.started).toBeLessThan(460);
    expect(r.byTrack.find((g: { key: string }) => g.key === 'managers').enrolled).toBe(33);
  });

  it('has the Dalarna leadership programme with 21 managers', async () => {
    const a = await t.as('region.dalarna');
    const dl = (
      (await a.get('/api/v1/programmes')).json().items as { name: string; enrolled: number }[]
    ).find((p) => p.name === 'Leda digital omställning i Dalarna');
    expect(dl?.enrolled).toBe(21);
  });

  it('keeps counters consistent with the items and statements inserted in bulk', async () => {
    const bad = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from enrolments e
          where e.items_completed <> (select count(*) from enrolment_items i where i.enrolment_id = e.id)
             or (e.started_at is null) <> (e.items_completed = 0)
             or e.started_at <> (select min(timestamp) from learning_statements s where s.enrolment_id = e.id)
             or e.last_activity_at <> (select max(timestamp) from learning_statements s where s.enrolment_id = e.id)`,
    );
    expect(bad[0]!.n).toBe(0);
  });

  it('gives the Falun manager a study group with one past meeting and the staff member progress', async () => {
    const chef = await t.as('chef.falun');
    const groups = (await chef.get('/api/v1/study-groups')).json().items as {
      id: string;
      memberCount: number;
    }[];
    expect(groups).toHaveLength(1);
    const g = (await chef.get(`/api/v1/study-groups/${groups[0]!.id}`)).json();
    const past = g.meetings.filter((m: { attendanceRecordedAt: string | null }) => m.attendanceRecordedAt);
    expect(past).toHaveLength(1);
    expect(past[0].attended).toHaveLength(3);
    expect(past[0].reflectionQuestions.length).toBeGreaterThanOrEqual(2);
    const mine = (await (await t.as('personal.falun')).get('/api/v1/me/learning')).json().items;
    const course = mine.find(
      (e: { course: { key: string } }) => e.course.key === 'valfardsteknik-i-vardagen',
    );
    expect(course.modules[0].completed).toBe(true);
    expect(course.completedItems).toContain(`meeting:${course.modules[0].key}`);
  });
});
