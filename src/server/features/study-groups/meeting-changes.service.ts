import type { Actor } from '../../../shared/access/index.ts';
import type { UpdateMeeting } from '../../../shared/contracts/study-groups.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import type { Mailer } from '../mail/mailer.ts';
import { meetingChangedMail } from './meeting-mail.ts';
import * as repo from './study-groups.repo.ts';
import { getStudyGroup, loadGroup, requireCourse } from './study-groups.service.ts';

/** The meeting as those who run the group may change it: not cancelled; its attended time stays put. */
async function changeableMeeting(db: Db, actor: Actor, groupId: string, meetingId: string) {
  const loaded = await loadGroup(db, actor, groupId);
  if (!loaded.canManage) throw forbidden();
  const meeting = await repo.findMeeting(db, groupId, meetingId);
  if (!meeting) throw notFound();
  if (meeting.cancelledAt) throw new AppError(409, 'meeting_cancelled');
  return { ...loaded, meeting };
}

export interface MeetingDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

/** Members hear of a moved or cancelled meeting by e-mail too: care staff on shifts rarely look first. */
async function notifyMembers(
  deps: MeetingDeps,
  group: { id: string; name: string },
  meeting: { startsAt: Date; place: string },
  cancelled: boolean,
) {
  const members = await repo.memberContacts(deps.db, group.id);
  await deps.mailer.sendMany(
    members.flatMap((m) =>
      m.email
        ? [
            meetingChangedMail({
              to: m.email,
              name: m.name,
              group: group.name,
              startsAt: meeting.startsAt,
              place: meeting.place,
              cancelled,
              link: `${deps.publicUrl}/studiegrupper/${group.id}`,
              lang: m.language,
            }),
          ]
        : [],
    ),
  );
}

async function meetingView(db: Db, actor: Actor, groupId: string, meetingId: string, lang: string) {
  const view = await getStudyGroup(db, actor, groupId, lang);
  return view.meetings.find((m) => m.id === meetingId)!;
}

/**
 * Moves a meeting, changes its place, length or module. Once attendance is recorded the time and the
 * module are what members' progress refers to, so only the place and length may change then.
 */
export async function updateMeeting(
  deps: MeetingDeps,
  actor: Actor,
  groupId: string,
  meetingId: string,
  input: UpdateMeeting,
  lang: string,
) {
  const { db } = deps;
  const { group, meeting } = await changeableMeeting(db, actor, groupId, meetingId);
  if (input.moduleKey !== undefined) {
    const course = await requireCourse(db, group.courseId);
    if (!course.content.modules.some((m) => m.key === input.moduleKey)) {
      throw new AppError(400, 'validation_failed', [{ path: 'body.moduleKey', code: 'unknown_module' }]);
    }
  }
  const moves =
    (input.startsAt !== undefined && Date.parse(input.startsAt) !== meeting.startsAt.getTime()) ||
    (input.moduleKey !== undefined && input.moduleKey !== meeting.moduleKey);
  if (moves && meeting.attendanceRecordedAt) throw new AppError(409, 'meeting_attendance_recorded');
  const before = {
    moduleKey: meeting.moduleKey,
    startsAt: meeting.startsAt.toISOString(),
    durationMinutes: meeting.durationMinutes,
    place: meeting.place,
  };
  await db.transaction(async (tx) => {
    await repo.updateMeeting(tx, meetingId, {
      ...(input.moduleKey !== undefined ? { moduleKey: input.moduleKey } : {}),
      ...(input.startsAt !== undefined ? { startsAt: new Date(input.startsAt) } : {}),
      ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
      ...(input.place !== undefined ? { place: input.place } : {}),
      changedBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'studygroup.meeting_updated',
      entityType: 'study_group',
      entityId: groupId,
      organisationId: group.organisationId,
      before: { meetingId, ...before },
      after: { meetingId, ...input },
    });
  });
  const next = {
    startsAt: input.startsAt !== undefined ? new Date(input.startsAt) : meeting.startsAt,
    place: input.place ?? meeting.place,
  };
  if (next.startsAt.getTime() !== meeting.startsAt.getTime() || next.place !== meeting.place) {
    await notifyMembers(deps, group, next, false);
  }
  return meetingView(db, actor, groupId, meetingId, lang);
}

/** Cancels a meeting that has no recorded attendance; it stays listed as cancelled. */
export async function cancelMeeting(
  deps: MeetingDeps,
  actor: Actor,
  groupId: string,
  meetingId: string,
  lang: string,
) {
  const { db } = deps;
  const { group, meeting } = await changeableMeeting(db, actor, groupId, meetingId);
  if (meeting.attendanceRecordedAt) throw new AppError(409, 'meeting_attendance_recorded');
  await db.transaction(async (tx) => {
    await repo.updateMeeting(tx, meetingId, {
      cancelledAt: new Date(),
      cancelledBy: actor.userId,
      changedBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'studygroup.meeting_cancelled',
      entityType: 'study_group',
      entityId: groupId,
      organisationId: group.organisationId,
      after: { meetingId },
    });
  });
  await notifyMembers(deps, group, meeting, true);
  return meetingView(db, actor, groupId, meetingId, lang);
}
