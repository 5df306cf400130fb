import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  eventRegistrations,
  networkMeetingAttendance,
  networkMeetings,
  networks,
  organisations,
} from '../../db/schema/index.ts';

export type MeetingRow = typeof networkMeetings.$inferSelect;

// The table is named in full: in a single-table select Drizzle would render the column unqualified,
// and inside the subquery that would mean the registration's own id.
const activeRegistrations = sql<number>`(select count(*)::int from event_registrations er
  where er.meeting_id = "network_meetings"."id" and er.cancelled_at is null)`;

export function listMeetings(db: Db, networkId: string) {
  return db
    .select({ meeting: networkMeetings, registrations: activeRegistrations })
    .from(networkMeetings)
    .where(eq(networkMeetings.networkId, networkId))
    .orderBy(asc(networkMeetings.startsAt));
}

export async function findMeeting(db: Db, networkId: string, meetingId: string, lock = false) {
  const q = db
    .select()
    .from(networkMeetings)
    .where(and(eq(networkMeetings.networkId, networkId), eq(networkMeetings.id, meetingId)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertMeeting(db: Db, values: typeof networkMeetings.$inferInsert) {
  const [row] = await db.insert(networkMeetings).values(values).returning({ id: networkMeetings.id });
  return row!.id;
}

export async function updateMeeting(
  db: Db,
  id: string,
  values: Partial<typeof networkMeetings.$inferInsert>,
) {
  await db
    .update(networkMeetings)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(networkMeetings.id, id));
}

export function attendanceOf(db: Db, meetingId: string) {
  return db
    .select({ memberId: networkMeetingAttendance.memberId, present: networkMeetingAttendance.present })
    .from(networkMeetingAttendance)
    .where(eq(networkMeetingAttendance.meetingId, meetingId));
}

export async function setAttendance(
  db: Db,
  meetingId: string,
  entries: { memberId: string; present: boolean }[],
) {
  if (entries.length === 0) return;
  await db
    .insert(networkMeetingAttendance)
    .values(entries.map((e) => ({ meetingId, ...e })))
    .onConflictDoUpdate({
      target: [networkMeetingAttendance.meetingId, networkMeetingAttendance.memberId],
      set: { present: sql`excluded.present` },
    });
}

export async function countActiveRegistrations(db: Db, meetingId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.meetingId, meetingId), isNull(eventRegistrations.cancelledAt)));
  return row?.n ?? 0;
}

export function listRegistrations(db: Db, meetingId: string) {
  return db
    .select()
    .from(eventRegistrations)
    .where(eq(eventRegistrations.meetingId, meetingId))
    .orderBy(asc(eventRegistrations.registeredAt));
}

/** An open event with its organiser; with `lock`, the meeting row is locked (registrations queue on it). */
export async function findOpenEvent(db: Db, meetingId: string, lock = false) {
  const q = db
    .select({
      meeting: networkMeetings,
      networkName: networks.name,
      ownerName: organisations.name,
      ownerId: organisations.id,
    })
    .from(networkMeetings)
    .innerJoin(networks, eq(networks.id, networkMeetings.networkId))
    .innerJoin(organisations, eq(organisations.id, networks.ownerOrganisationId))
    .where(and(eq(networkMeetings.id, meetingId), eq(networkMeetings.isOpenEvent, true)));
  const [row] = lock ? await q.for('update', { of: networkMeetings }) : await q;
  return row ?? null;
}

export async function findRegistrationByEmail(db: Db, meetingId: string, email: string) {
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.meetingId, meetingId),
        sql`lower(${eventRegistrations.email}) = lower(${email})`,
      ),
    );
  return row ?? null;
}

export async function insertRegistration(db: Db, values: typeof eventRegistrations.$inferInsert) {
  const [row] = await db.insert(eventRegistrations).values(values).returning({ id: eventRegistrations.id });
  return row!.id;
}

export async function reactivateRegistration(
  db: Db,
  id: string,
  values: Partial<typeof eventRegistrations.$inferInsert>,
) {
  await db
    .update(eventRegistrations)
    .set({ ...values, cancelledAt: null, registeredAt: new Date() })
    .where(eq(eventRegistrations.id, id));
}
