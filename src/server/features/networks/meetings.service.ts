import type { Actor } from '../../../shared/access/index.ts';
import type {
  CreateMeeting,
  MeetingSummary,
  MeetingView,
  MemberRole,
  UpdateMeeting,
} from '../../../shared/contracts/networks.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './meetings.repo.ts';
import * as members from './members.repo.ts';
import { sortMembers } from './members.service.ts';
import { canManage, requireManageable, requireReadable } from './network-access.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toSummary(m: repo.MeetingRow, registrations: number): MeetingSummary {
  return {
    id: m.id,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: iso(m.endsAt),
    location: m.location,
    online: m.onlineUrl !== null,
    isOpenEvent: m.isOpenEvent,
    capacity: m.capacity,
    registrations,
    hasMinutes: Boolean(m.minutes?.trim()),
  };
}

export async function listMeetings(db: Db, actor: Actor, networkId: string): Promise<MeetingSummary[]> {
  await requireReadable(db, actor, networkId);
  return (await repo.listMeetings(db, networkId)).map((r) => toSummary(r.meeting, r.registrations));
}

/** A meeting with its attendance list: the group's current members and anyone recorded for it. */
export async function getMeeting(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
): Promise<MeetingView> {
  const network = await requireReadable(db, actor, networkId);
  const meeting = await repo.findMeeting(db, networkId, meetingId);
  if (!meeting) throw notFound();
  const [all, recorded, registrations] = await Promise.all([
    members.listMembers(db, networkId),
    repo.attendanceOf(db, meetingId),
    repo.countActiveRegistrations(db, meetingId),
  ]);
  const present = new Map(recorded.map((a) => [a.memberId, a.present]));
  const people = sortMembers(
    all.map((r) => ({
      id: r.member.id,
      name: r.userName ?? r.member.externalName ?? '',
      roleInGroup: r.member.roleInGroup as MemberRole,
      status: r.member.status,
    })),
  );
  return {
    ...toSummary(meeting, registrations),
    networkId,
    networkName: network.network.name,
    onlineUrl: meeting.onlineUrl,
    agenda: meeting.agenda,
    minutes: meeting.minutes,
    decisions: meeting.decisions,
    description: meeting.description,
    registrationClosesAt: iso(meeting.registrationClosesAt),
    attendance: people
      .filter((p) => p.status === 'active' || present.has(p.id))
      .map((p) => ({ memberId: p.id, name: p.name, present: present.get(p.id) ?? null })),
    canManage: await canManage(db, actor, network.network.ownerOrganisationId),
  };
}

const date = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null ? null : new Date(v);

export async function createMeeting(
  db: Db,
  actor: Actor,
  networkId: string,
  input: CreateMeeting,
): Promise<MeetingView> {
  const meetingId = await db.transaction(async (tx) => {
    const network = await requireManageable(tx, actor, networkId, true);
    const values = {
      networkId,
      title: input.title,
      startsAt: new Date(input.startsAt),
      endsAt: date(input.endsAt) ?? null,
      location: input.location ?? null,
      onlineUrl: input.onlineUrl ?? null,
      agenda: input.agenda ?? null,
      isOpenEvent: input.isOpenEvent,
      description: input.description ?? null,
      capacity: input.isOpenEvent ? (input.capacity ?? null) : null,
      registrationClosesAt: input.isOpenEvent ? (date(input.registrationClosesAt) ?? null) : null,
      createdBy: actor.userId,
    };
    const id = await repo.insertMeeting(tx, values);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'network_meeting.created',
      entityType: 'network_meeting',
      entityId: id,
      organisationId: network.ownerOrganisationId,
      after: values,
    });
    return id;
  });
  return getMeeting(db, actor, networkId, meetingId);
}

/** Agenda, minutes, decisions, attendance and the event's details; only what is sent changes. */
export async function updateMeeting(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  input: UpdateMeeting,
): Promise<MeetingView> {
  await db.transaction(async (tx) => {
    const network = await requireManageable(tx, actor, networkId);
    const before = await repo.findMeeting(tx, networkId, meetingId, true);
    if (!before) throw notFound();
    const { attendance, ...fields } = input;
    const changes: Partial<repo.MeetingRow> = {};
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) continue;
      (changes as Record<string, unknown>)[k] =
        k === 'startsAt' || k === 'endsAt' || k === 'registrationClosesAt' ? date(v as string | null) : v;
    }
    const startsAt = changes.startsAt ?? before.startsAt;
    const endsAt = changes.endsAt !== undefined ? changes.endsAt : before.endsAt;
    if (endsAt && endsAt < startsAt)
      throw new AppError(400, 'validation_failed', [{ path: 'body.endsAt', code: 'ends_before_start' }]);
    if (changes.capacity != null && before.isOpenEvent) {
      if (changes.capacity < (await repo.countActiveRegistrations(tx, meetingId)))
        throw new AppError(409, 'capacity_below_registrations', [
          { path: 'body.capacity', code: 'capacity_below_registrations' },
        ]);
    }
    if (attendance?.length) {
      const memberIds = new Set((await members.listMembers(tx, networkId)).map((r) => r.member.id));
      const problems = attendance.flatMap((a, i) =>
        memberIds.has(a.memberId)
          ? []
          : [{ path: `body.attendance.${i}.memberId`, code: 'not_network_member' }],
      );
      if (problems.length) throw new AppError(400, 'validation_failed', problems);
      await repo.setAttendance(tx, meetingId, attendance);
    }
    if (Object.keys(changes).length) await repo.updateMeeting(tx, meetingId, changes);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'network_meeting.updated',
      entityType: 'network_meeting',
      entityId: meetingId,
      organisationId: network.ownerOrganisationId,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof repo.MeetingRow]])),
      after: { ...changes, ...(attendance ? { attendance } : {}) },
    });
  });
  return getMeeting(db, actor, networkId, meetingId);
}

/** The participant list of an open event: names and addresses, for the group's managers only. */
export async function listRegistrations(db: Db, actor: Actor, networkId: string, meetingId: string) {
  await requireManageable(db, actor, networkId);
  const meeting = await repo.findMeeting(db, networkId, meetingId);
  if (!meeting?.isOpenEvent) throw notFound();
  return (await repo.listRegistrations(db, meetingId)).map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    organisationName: r.organisationName,
    attendance: r.attendance as 'on_site' | 'online',
    registeredAt: r.registeredAt.toISOString(),
    cancelledAt: iso(r.cancelledAt),
  }));
}
