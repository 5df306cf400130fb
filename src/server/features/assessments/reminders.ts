import { and, eq, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import { type Actor, rolesAllowing } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import {
  assessmentRounds,
  assessmentSheets,
  memberships,
  organisations,
  users,
} from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import { isClosed, runsRound, swedishDate } from './round-access.ts';
import * as repo from './rounds.repo.ts';

const DAY = 24 * 60 * 60 * 1000;
/** Automatic reminders go out in the last week before the close date, at most every third day. */
export const REMIND_WITHIN_DAYS = 7;
export const REMIND_EVERY_DAYS = 3;

function reminderMail(p: {
  to: string;
  name: string;
  roundName: string;
  municipality: string;
  closesOn: string;
  link: string;
  lang: UiLanguage;
}): MailMessage {
  if (p.lang === 'en')
    return {
      to: p.to,
      subject: `Reminder: ${p.roundName} closes ${p.closesOn}`,
      text: `Hello ${p.name},\n\n${p.municipality} has not yet submitted its answers to "${p.roundName}". The round closes on ${p.closesOn}.\n\nContinue here:\n${p.link}\n\nVälfärdsnavet`,
    };
  return {
    to: p.to,
    subject: `Påminnelse: ${p.roundName} stänger ${p.closesOn}`,
    text: `Hej ${p.name}!\n\n${p.municipality} har ännu inte skickat in sina svar på "${p.roundName}". Omgången stänger ${p.closesOn}.\n\nFortsätt här:\n${p.link}\n\nVälfärdsnavet`,
  };
}

/**
 * E-mails the active coordinators of the round's municipalities that have not submitted, and notes when
 * each sheet was reminded. Returns how many municipalities were reminded.
 */
async function remind(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  round: typeof assessmentRounds.$inferSelect,
  sheets: { municipalityId: string }[],
  now: Date,
): Promise<number> {
  if (!sheets.length) return 0;
  const ids = sheets.map((s) => s.municipalityId);
  const people = await db
    .select({
      municipalityId: memberships.organisationId,
      municipality: organisations.name,
      code: organisations.code,
      email: users.email,
      name: users.name,
      lang: users.preferredLanguage,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        inArray(memberships.organisationId, ids),
        // Those who answer the sheet; a national role is held at the nation, never at a municipality.
        inArray(memberships.role, rolesAllowing('assessment.answer')),
        eq(users.status, 'active'),
      ),
    );
  // People without e-mail (care staff signing in with a username) are reminded in the app only.
  const messages = people.flatMap((p) =>
    p.email === null
      ? []
      : reminderMail({
          to: p.email,
          name: p.name,
          roundName: round.name,
          municipality: p.municipality,
          closesOn: round.closesOn,
          link: `${publicUrl}/bedomningar/${round.id}/kommuner/${p.code}`,
          lang: (p.lang ?? 'sv') as UiLanguage,
        }),
  );
  await db
    .update(assessmentSheets)
    .set({ remindedAt: now })
    .where(and(eq(assessmentSheets.roundId, round.id), inArray(assessmentSheets.municipalityId, ids)));
  await mailer.sendMany(messages);
  return sheets.length;
}

/** The owner reminds every municipality that has not submitted yet (the "send reminders" button). */
export async function sendRoundReminders(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  actor: Actor,
  roundId: string,
): Promise<{ reminded: number }> {
  const round = await repo.findRound(db, roundId);
  if (!round) throw notFound();
  if (!runsRound(actor, round)) {
    const participates = (await repo.sheetsOf(db, [roundId])).some((s) =>
      actor.memberships.some((m) => m.organisationId === s.sheet.municipalityId),
    );
    throw participates ? forbidden() : notFound();
  }
  if (isClosed(round.round)) throw new AppError(409, 'round_closed');
  const pending = (await repo.sheetsOf(db, [roundId])).filter((s) => s.sheet.status !== 'submitted');
  const reminded = await remind(
    db,
    mailer,
    publicUrl,
    round.round,
    pending.map((s) => s.sheet),
    new Date(),
  );
  await recordAudit(db, {
    actorId: actor.userId,
    action: 'assessment_round.reminded',
    entityType: 'assessment_round',
    entityId: roundId,
    organisationId: round.round.ownerOrganisationId,
    after: { reminded },
  });
  return { reminded };
}

/**
 * The automatic reminder: open rounds closing within a week, municipalities not submitted and not
 * reminded in the last three days. Safe to run any number of times; the scheduler runs it hourly.
 */
export async function sendDueReminders(db: Db, mailer: Mailer, publicUrl: string, now = new Date()) {
  const today = swedishDate(now);
  const horizon = swedishDate(new Date(now.getTime() + REMIND_WITHIN_DAYS * DAY));
  const since = new Date(now.getTime() - REMIND_EVERY_DAYS * DAY);
  const due = await db
    .select({ round: assessmentRounds, municipalityId: assessmentSheets.municipalityId })
    .from(assessmentSheets)
    .innerJoin(assessmentRounds, eq(assessmentRounds.id, assessmentSheets.roundId))
    .where(
      and(
        isNull(assessmentRounds.closedAt),
        lte(assessmentRounds.opensOn, today),
        gte(assessmentRounds.closesOn, today),
        lte(assessmentRounds.closesOn, horizon),
        or(eq(assessmentSheets.status, 'open'), eq(assessmentSheets.status, 'reopened')),
        or(isNull(assessmentSheets.remindedAt), lt(assessmentSheets.remindedAt, since)),
      ),
    );
  const byRound = new Map<
    string,
    { round: typeof assessmentRounds.$inferSelect; sheets: { municipalityId: string }[] }
  >();
  for (const d of due) {
    const entry = byRound.get(d.round.id) ?? { round: d.round, sheets: [] };
    entry.sheets.push({ municipalityId: d.municipalityId });
    byRound.set(d.round.id, entry);
  }
  let reminded = 0;
  for (const { round, sheets } of byRound.values())
    reminded += await remind(db, mailer, publicUrl, round, sheets, now);
  return { reminded };
}
