import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { verbs } from '../../../shared/contracts/learning.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { enrolmentItems } from '../../db/schema/index.ts';
import { ACTIVITY_BASE, type CourseRow, requiredItems } from '../learning/course-content.ts';
import * as learning from '../learning/enrolments.repo.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';

/** xAPI's verb for withdrawing an earlier statement (statements are never changed or deleted). */
export const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
export const MEETING_EXTENSION = 'https://valfardsnavet.se/xapi/extensions/meeting';

export interface MeetingRef {
  id: string;
  moduleKey: string;
  startsAt: Date;
  durationMinutes: number;
}

export const moduleActivity = (course: Pick<CourseRow, 'key'>, moduleKey: string) =>
  `${ACTIVITY_BASE}/${course.key}/modules/${moduleKey}`;

/**
 * Records `attended` statements on behalf of participants (the manager saw them there), with the same
 * consequences as a learner's own statements: the `meeting:<module>` item and the enrolment's counters
 * (time spent, first and last activity, completion if the course requires the meeting). Returns the
 * statement id per person.
 */
export async function recordAttendedStatements(
  tx: Db,
  recordedBy: string,
  course: CourseRow,
  meeting: MeetingRef,
  participants: { userId: string; enrolmentId: string }[],
): Promise<Map<string, string>> {
  const ids = new Map(participants.map((p) => [p.userId, randomUUID()]));
  if (participants.length === 0) return ids;
  const duration = `PT${meeting.durationMinutes}M`;
  await learning.insertStatements(
    tx,
    participants.map((p) => ({
      id: ids.get(p.userId)!,
      userId: p.userId,
      verb: verbs.attended,
      objectId: moduleActivity(course, meeting.moduleKey),
      courseId: course.id,
      enrolmentId: p.enrolmentId,
      result: { completion: true, duration },
      context: {
        registration: p.enrolmentId,
        instructor: {
          objectType: 'Agent',
          account: { homePage: 'https://valfardsnavet.se', name: recordedBy },
        },
        extensions: { [MEETING_EXTENSION]: meeting.id },
      },
      timestamp: meeting.startsAt,
    })),
  );
  await learning.upsertItems(
    tx,
    participants.map((p) => ({
      enrolmentId: p.enrolmentId,
      item: `meeting:${meeting.moduleKey}`,
      completedAt: meeting.startsAt,
      score: null,
    })),
  );
  const required = requiredItems(course.content);
  for (const enrolmentId of new Set(participants.map((p) => p.enrolmentId))) {
    await learning.refreshEnrolment(tx, enrolmentId, required, {
      first: meeting.startsAt,
      last: meeting.startsAt,
      seconds: meeting.durationMinutes * 60,
    });
  }
  return ids;
}

/**
 * Withdraws attendance recorded by mistake: a voiding statement per earlier `attended` statement; the
 * `meeting:<module>` item goes unless another recorded meeting on the module still counts; time spent
 * is given back. Completion, once reached, is kept (as for new course versions).
 */
export async function voidAttendedStatements(
  tx: Db,
  course: CourseRow,
  meeting: MeetingRef,
  removed: { userId: string; enrolmentId: string; statementId: string }[],
) {
  if (removed.length === 0) return;
  await learning.insertStatements(
    tx,
    removed.map((r) => ({
      id: randomUUID(),
      userId: r.userId,
      verb: VOIDED,
      objectId: `urn:uuid:${r.statementId}`,
      courseId: course.id,
      enrolmentId: r.enrolmentId,
      result: null,
      context: { registration: r.enrolmentId, extensions: { [MEETING_EXTENSION]: meeting.id } },
      timestamp: new Date(),
    })),
  );
  const enrolmentIds = removed.map((r) => r.enrolmentId);
  // Still attended another meeting on the same module (in any group, through the same enrolment)?
  const still = await queryRows<{ enrolment_id: string }>(
    tx,
    sql`select distinct gm.enrolment_id
        from study_group_attendance a
        join study_group_meetings m on m.id = a.meeting_id
        join study_group_members gm on gm.group_id = m.group_id and gm.user_id = a.user_id
        where gm.enrolment_id = any(${uuidArray(enrolmentIds)}) and m.module_key = ${meeting.moduleKey}
          and m.id <> ${meeting.id}`,
  );
  const keep = new Set(still.map((r) => r.enrolment_id));
  const drop = enrolmentIds.filter((id) => !keep.has(id));
  if (drop.length) {
    await tx
      .delete(enrolmentItems)
      .where(
        and(
          inArray(enrolmentItems.enrolmentId, drop),
          eq(enrolmentItems.item, `meeting:${meeting.moduleKey}`),
        ),
      );
  }
  await queryRows(
    tx,
    sql`update enrolments e set
          items_completed = (select count(*) from enrolment_items i where i.enrolment_id = e.id),
          seconds_spent = greatest(0, e.seconds_spent - ${meeting.durationMinutes * 60})
        where e.id = any(${uuidArray(enrolmentIds)})
        returning e.id`,
  );
}
