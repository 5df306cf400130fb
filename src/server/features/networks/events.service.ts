import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { CreateRegistration, PublicEvent } from '../../../shared/contracts/networks.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './meetings.repo.ts';
import type { NetworkDeps } from './members.service.ts';
import { registrationMail } from './network-mail.ts';

type EventRow = NonNullable<Awaited<ReturnType<typeof repo.findOpenEvent>>>;

/** Registration closes at the set time, else when the event starts. */
const registrationOpen = (m: EventRow['meeting'], now: Date) => now < (m.registrationClosesAt ?? m.startsAt);

const seatsLeft = (capacity: number | null, taken: number) =>
  capacity === null ? null : Math.max(0, capacity - taken);

export async function getPublicEvent(deps: NetworkDeps, meetingId: string): Promise<PublicEvent> {
  const row = await repo.findOpenEvent(deps.db, meetingId);
  if (!row) throw notFound();
  const m = row.meeting;
  const left = seatsLeft(m.capacity, await repo.countActiveRegistrations(deps.db, meetingId));
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    organiser: row.ownerName,
    networkName: row.networkName,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt?.toISOString() ?? null,
    location: m.location,
    online: m.onlineUrl !== null,
    capacity: m.capacity,
    seatsLeft: left,
    registrationOpen: registrationOpen(m, new Date()) && left !== 0,
    registrationClosesAt: m.registrationClosesAt?.toISOString() ?? null,
  };
}

/**
 * Anyone may register (no account needed). The meeting row is locked for the transaction, so that
 * concurrent registrations queue and the last place is given once: no overbooking. The capacity counts
 * every registration, on site and online.
 */
export async function register(
  deps: NetworkDeps,
  userId: string | null,
  meetingId: string,
  input: CreateRegistration,
  lang: UiLanguage,
) {
  const result = await deps.db.transaction(async (tx) => {
    const row = await repo.findOpenEvent(tx, meetingId, true);
    if (!row) throw notFound();
    const m = row.meeting;
    if (!registrationOpen(m, new Date())) throw new AppError(409, 'registration_closed');
    const available = input.attendance === 'online' ? m.onlineUrl !== null : m.location !== null;
    if (!available)
      throw new AppError(400, 'validation_failed', [
        { path: 'body.attendance', code: 'attendance_unavailable' },
      ]);
    const existing = await repo.findRegistrationByEmail(tx, meetingId, input.email);
    if (existing && existing.cancelledAt === null)
      throw new AppError(409, 'already_registered', [{ path: 'body.email', code: 'already_registered' }]);
    const taken = await repo.countActiveRegistrations(tx, meetingId);
    if (m.capacity !== null && taken >= m.capacity) throw new AppError(409, 'event_full');
    const values = {
      name: input.name,
      email: input.email.toLowerCase(),
      organisationName: input.organisationName ?? null,
      attendance: input.attendance,
      userId,
    };
    let id: string;
    if (existing) {
      await repo.reactivateRegistration(tx, existing.id, values);
      id = existing.id;
    } else {
      id = await repo.insertRegistration(tx, { meetingId, ...values });
    }
    // No personal data in the log: the registration row holds it and goes with the event.
    await recordAudit(tx, {
      actorId: userId,
      action: 'event_registration.created',
      entityType: 'event_registration',
      entityId: id,
      organisationId: row.ownerId,
      after: { meetingId, attendance: input.attendance },
    });
    return { id, meeting: m, seatsLeft: seatsLeft(m.capacity, taken + 1) };
  });

  const m = result.meeting;
  const when = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(m.startsAt);
  await deps.mailer.send(
    registrationMail({
      to: input.email,
      name: input.name,
      title: m.title,
      when,
      location: input.attendance === 'on_site' ? m.location : null,
      onlineUrl: input.attendance === 'online' ? m.onlineUrl : null,
      lang,
    }),
  );
  return { id: result.id, seatsLeft: result.seatsLeft };
}
