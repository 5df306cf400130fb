import { type Actor, authorize, scopeFor, seesOnlyOwnProgress } from '../../../shared/access/index.ts';
import type {
  CreateMeeting,
  CreateStudyGroup,
  MeetingView,
  RecordAttendance,
  StudyGroupView,
} from '../../../shared/contracts/study-groups.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/db-errors.ts';
import { AppError, type FieldError, forbidden, notFound } from '../../lib/errors.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { pick } from '../learning/course-content.ts';
import * as courseRepo from '../learning/courses.repo.ts';
import { canSeeCourse } from '../learning/courses.service.ts';
import * as learning from '../learning/enrolments.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import { orgContexts } from '../programmes/programmes.repo.ts';
import { recordAttendedStatements, voidAttendedStatements } from './attendance-statements.ts';
import * as repo from './study-groups.repo.ts';

/** Loads a group the actor runs (studygroup.manage on its unit) or belongs to; 404 otherwise. */
export async function loadGroup(db: Db, actor: Actor, id: string) {
  const group = await repo.findGroup(db, id);
  if (!group) throw notFound();
  const ctx = await requireOrgContext(db, group.organisationId);
  const canManage = authorize(actor, 'studygroup.manage', ctx);
  const members = await repo.groupMembers(db, id);
  if (!canManage && !members.some((m) => m.userId === actor.userId)) throw notFound();
  return { group, ctx, canManage, members };
}

export async function requireCourse(db: Db, courseId: string) {
  const course = await courseRepo.findPublishedCourse(db, courseId);
  if (!course) throw notFound();
  return course;
}

/**
 * A manager forms a group of people in their unit around a course. Members not yet enrolled on the
 * course are enrolled (in the unit), so their attendance has somewhere to count.
 */
export async function createStudyGroup(db: Db, actor: Actor, input: CreateStudyGroup, lang: string) {
  const ctx = await requireOrgContext(db, input.organisationId);
  if (!authorize(actor, 'studygroup.manage', ctx)) {
    if (!authorize(actor, 'organisation.read', ctx)) throw notFound();
    throw forbidden();
  }
  if (ctx.kind !== 'unit') {
    throw new AppError(400, 'validation_failed', [{ path: 'body.organisationId', code: 'not_a_unit' }]);
  }
  const course = await courseRepo.findPublishedCourse(db, input.courseId);
  if (!course || !(await canSeeCourse(db, actor, course))) {
    throw new AppError(400, 'validation_failed', [{ path: 'body.courseId', code: 'invalid_value' }]);
  }
  const memberIds = [...new Set(input.memberIds)];
  const inUnit = await repo.unitMemberIds(db, ctx.id, memberIds);
  const errors: FieldError[] = memberIds
    .filter((id) => !inUnit.has(id))
    .map((id) => ({ path: `body.memberIds.${input.memberIds.indexOf(id)}`, code: 'not_unit_member' }));
  if (errors.length) throw new AppError(400, 'validation_failed', errors);

  const id = await db.transaction(async (tx) => {
    let groupId: string;
    try {
      groupId = await repo.insertGroup(tx, {
        name: input.name,
        organisationId: ctx.id,
        courseId: course.id,
        createdBy: actor.userId,
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError(409, 'name_taken', [{ path: 'body.name', code: 'name_taken' }]);
      throw err;
    }
    const existing = await repo.enrolmentsOnCourse(tx, course.id, memberIds);
    const toEnrol = memberIds.filter((u) => !existing.some((e) => e.userId === u));
    await learning.insertEnrolments(
      tx,
      toEnrol.map((userId) => ({
        userId,
        courseId: course.id,
        programmeId: null,
        organisationId: ctx.id,
        enrolledBy: actor.userId,
      })),
    );
    const all = await repo.enrolmentsOnCourse(tx, course.id, memberIds);
    // A programme enrolment first (so meetings show in the programme's report), then the oldest.
    const chosen = new Map<string, string>();
    for (const userId of memberIds) {
      const mine = all
        .filter((e) => e.userId === userId)
        .sort(
          (a, b) =>
            Number(b.programmeId !== null) - Number(a.programmeId !== null) ||
            a.enrolledAt.getTime() - b.enrolledAt.getTime(),
        );
      chosen.set(userId, mine[0]!.id);
    }
    await repo.insertMembers(
      tx,
      memberIds.map((userId) => ({ groupId, userId, enrolmentId: chosen.get(userId)! })),
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'studygroup.created',
      entityType: 'study_group',
      entityId: groupId,
      organisationId: ctx.id,
      after: { name: input.name, courseId: course.id, memberIds, enrolled: toEnrol },
    });
    return groupId;
  });
  return getStudyGroup(db, actor, id, lang);
}

export async function getStudyGroup(db: Db, actor: Actor, id: string, lang: string): Promise<StudyGroupView> {
  const { group, ctx, canManage, members } = await loadGroup(db, actor, id);
  const ownOnly = seesOnlyOwnProgress(actor, ctx);
  const course = await requireCourse(db, group.courseId);
  const meetings = await repo.groupMeetings(db, id);
  const attendance = await repo.attendanceOf(
    db,
    meetings.map((m) => m.id),
  );
  return {
    id: group.id,
    name: group.name,
    organisation: { id: group.organisationId, name: group.organisationName },
    course: { id: course.id, key: course.key, title: pick(course.content.title, lang).text },
    members: members.sort((a, b) => swedishCollator.compare(a.name, b.name)),
    meetings: meetings.map((m): MeetingView => {
      const module = course.content.modules.find((x) => x.key === m.moduleKey);
      const attended = attendance.filter((a) => a.meetingId === m.id).map((a) => a.userId);
      return {
        id: m.id,
        moduleKey: m.moduleKey,
        moduleTitle: module ? pick(module.title, lang).text : m.moduleKey,
        startsAt: m.startsAt.toISOString(),
        durationMinutes: m.durationMinutes,
        place: m.place,
        reflectionQuestions:
          module && 'reflectionQuestions' in module
            ? module.reflectionQuestions.map((q) => pick(q, lang).text)
            : [],
        attendanceRecordedAt: m.attendanceRecordedAt?.toISOString() ?? null,
        cancelledAt: m.cancelledAt?.toISOString() ?? null,
        changedAt: m.changedAt?.toISOString() ?? null,
        attended: ownOnly ? attended.filter((u) => u === actor.userId) : attended,
        note: canManage ? m.note : null,
      };
    }),
    canManage,
    createdAt: group.createdAt.toISOString(),
  };
}

/** Groups in units the actor runs groups for (or of one unit), and groups the actor belongs to. */
export async function listStudyGroups(db: Db, actor: Actor, organisationId: string | undefined) {
  let orgIds: string[];
  if (organisationId) {
    const ctx = await requireOrgContext(db, organisationId);
    orgIds = authorize(actor, 'studygroup.manage', ctx) ? [ctx.id] : [];
  } else {
    // Units where the actor is a manager, and units of municipalities they coordinate.
    orgIds = scopeFor(actor, 'studygroup.manage').organisationIds;
  }
  const rows = await repo.listGroups(db, { organisationIds: orgIds, userId: actor.userId });
  const candidates = organisationId ? rows.filter((r) => r.organisationId === organisationId) : rows;
  const ctxs = await orgContexts(
    db,
    candidates.map((r) => r.organisationId),
  );
  return candidates
    .map((r) => {
      const ctx = ctxs.get(r.organisationId);
      const canManage = ctx !== undefined && authorize(actor, 'studygroup.manage', ctx);
      return { r, canManage };
    })
    .filter(({ r, canManage }) => canManage || r.isMember)
    .map(({ r, canManage }) => ({
      id: r.id,
      name: r.name,
      organisation: { id: r.organisationId, name: r.organisationName },
      courseId: r.courseId,
      memberCount: r.memberCount,
      nextMeetingAt: r.nextMeetingAt ? new Date(r.nextMeetingAt).toISOString() : null,
      canManage,
    }))
    .sort((a, b) => swedishCollator.compare(a.name, b.name));
}

export async function planMeeting(db: Db, actor: Actor, groupId: string, input: CreateMeeting, lang: string) {
  const { group, canManage } = await loadGroup(db, actor, groupId);
  if (!canManage) throw forbidden();
  const course = await requireCourse(db, group.courseId);
  if (!course.content.modules.some((m) => m.key === input.moduleKey)) {
    throw new AppError(400, 'validation_failed', [{ path: 'body.moduleKey', code: 'unknown_module' }]);
  }
  const meetingId = await db.transaction(async (tx) => {
    const meetingId = await repo.insertMeeting(tx, {
      groupId,
      moduleKey: input.moduleKey,
      startsAt: new Date(input.startsAt),
      durationMinutes: input.durationMinutes,
      place: input.place,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'studygroup.meeting_planned',
      entityType: 'study_group',
      entityId: groupId,
      organisationId: group.organisationId,
      after: { meetingId, ...input },
    });
    return meetingId;
  });
  const view = await getStudyGroup(db, actor, groupId, lang);
  return view.meetings.find((m) => m.id === meetingId)!;
}

/**
 * Records who attended a meeting and a short note. Each newly attending member gets an `attended`
 * statement (so the module's meeting item counts in their progress); a member taken off the list has
 * that statement voided. Sending the same list again changes nothing.
 */
export async function recordAttendance(
  db: Db,
  actor: Actor,
  groupId: string,
  meetingId: string,
  input: RecordAttendance,
  lang: string,
) {
  const { group, canManage, members } = await loadGroup(db, actor, groupId);
  if (!canManage) throw forbidden();
  const meeting = await repo.findMeeting(db, groupId, meetingId);
  if (!meeting) throw notFound();
  const attended = [...new Set(input.attended)];
  const errors: FieldError[] = attended
    .filter((u) => !members.some((m) => m.userId === u))
    .map((u) => ({ path: `body.attended.${input.attended.indexOf(u)}`, code: 'not_group_member' }));
  if (errors.length) throw new AppError(400, 'validation_failed', errors);
  if (meeting.cancelledAt) throw new AppError(409, 'meeting_cancelled');
  if (meeting.startsAt.getTime() > Date.now()) throw new AppError(409, 'meeting_not_started');
  const course = await requireCourse(db, group.courseId);

  await db.transaction(async (tx) => {
    const before = await repo.attendanceOf(tx, [meetingId]);
    const had = new Set(before.map((a) => a.userId));
    const added = attended.filter((u) => !had.has(u));
    const removed = before.filter((a) => !attended.includes(a.userId));
    const enrolmentOf = new Map(members.map((m) => [m.userId, m.enrolmentId]));
    const ref = {
      id: meeting.id,
      moduleKey: meeting.moduleKey,
      startsAt: meeting.startsAt,
      durationMinutes: meeting.durationMinutes,
    };
    await repo.deleteAttendance(
      tx,
      meetingId,
      removed.map((r) => r.userId),
    );
    await voidAttendedStatements(
      tx,
      course,
      ref,
      removed.map((r) => ({
        userId: r.userId,
        enrolmentId: enrolmentOf.get(r.userId)!,
        statementId: r.statementId,
      })),
    );
    const statementIds = await recordAttendedStatements(
      tx,
      actor.userId,
      course,
      ref,
      added.map((userId) => ({ userId, enrolmentId: enrolmentOf.get(userId)! })),
    );
    await repo.insertAttendance(
      tx,
      added.map((userId) => ({ meetingId, userId, statementId: statementIds.get(userId)! })),
    );
    await repo.setMeetingNote(tx, meetingId, { note: input.note ?? null, recordedBy: actor.userId });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'studygroup.attendance_recorded',
      entityType: 'study_group',
      entityId: groupId,
      organisationId: group.organisationId,
      before: { meetingId, attended: [...had], note: meeting.note },
      after: { meetingId, attended, note: input.note ?? null },
    });
  });
  const view = await getStudyGroup(db, actor, groupId, lang);
  return view.meetings.find((m) => m.id === meetingId)!;
}
