import { sql } from 'drizzle-orm';
import { rolesAllowing } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { type Db, queryRows } from '../../db/client.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import { swedishToday } from './funding-risk.ts';

/** Reminders go out this many days before each deadline (the nearest step not yet sent). */
export const FUNDING_REMINDER_DAYS = [30, 7] as const;

type Deadline = 'requisition' | 'reporting';

interface Due {
  callId: string;
  title: string;
  municipalityId: string;
  municipality: string;
  code: string;
  deadline: Deadline;
  deadlineOn: string;
  daysBefore: number;
}

const addDays = (day: string, days: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

function reminderMail(p: Due & { to: string; name: string; lang: UiLanguage; link: string }): MailMessage {
  const sv = p.deadline === 'requisition' ? 'rekvirera' : 'redovisa';
  const en = p.deadline === 'requisition' ? 'requisition' : 'report on';
  if (p.lang === 'en')
    return {
      to: p.to,
      subject: `Reminder: ${en} ${p.title} by ${p.deadlineOn}`,
      text: `Hello ${p.name},\n\n${p.municipality} has not yet done so: the last day to ${en} the stimulus funds "${p.title}" is ${p.deadlineOn}.\n\nContinue here:\n${p.link}\n\nVälfärdsnavet`,
    };
  return {
    to: p.to,
    subject: `Påminnelse: ${sv} ${p.title} senast ${p.deadlineOn}`,
    text: `Hej ${p.name}!\n\nSista dagen att ${sv} stimulansmedlen "${p.title}" för ${p.municipality} är ${p.deadlineOn}, och det är inte gjort än.\n\nFortsätt här:\n${p.link}\n\nVälfärdsnavet`,
  };
}

/**
 * E-mails a municipality's coordinators 30 and 7 days before the requisition deadline (if nothing is
 * requisitioned) and the reporting deadline (if requisitioned but not reported), for open calls. Each
 * reminder is claimed in funding_reminders_sent first (insert … on conflict do nothing … returning), so
 * running twice, or on several instances at once, sends it once. Only the nearest step is sent: a call
 * opened 10 days before its deadline gets the 7-day reminder, never a late 30-day one.
 */
export async function sendFundingReminders(db: Db, mailer: Mailer, publicUrl: string, now = new Date()) {
  const today = swedishToday(now);
  const in30 = addDays(today, FUNDING_REMINDER_DAYS[0]);
  const due = await queryRows<Due>(
    db,
    sql`with pending as (
          select c.id as "callId", c.title, a.municipality_id as "municipalityId", m.name as municipality, m.code,
                 'requisition' as deadline, c.requisition_deadline::text as "deadlineOn"
          from funding_calls c join funding_allocations a on a.call_id = c.id
          join organisations m on m.id = a.municipality_id
          where c.status = 'open' and c.requisition_deadline between ${today}::date and ${in30}::date
            and a.requisitioned_sek = 0 and a.allocated_sek > 0
          union all
          select c.id, c.title, a.municipality_id, m.name, m.code, 'reporting', c.reporting_deadline::text
          from funding_calls c join funding_allocations a on a.call_id = c.id
          join organisations m on m.id = a.municipality_id
          where c.status <> 'draft' and c.reporting_deadline between ${today}::date and ${in30}::date
            and a.requisitioned_sek > 0 and a.reported_at is null
        )
        select p.*, case when p."deadlineOn"::date - ${today}::date <= 7 then 7 else 30 end as "daysBefore"
        from pending p`,
  );
  let sent = 0;
  for (const d of due) {
    const claimed = await queryRows<{ ok: number }>(
      db,
      sql`insert into funding_reminders_sent (call_id, municipality_id, deadline, days_before)
          values (${d.callId}, ${d.municipalityId}, ${d.deadline}, ${d.daysBefore})
          on conflict do nothing returning 1 as ok`,
    );
    if (!claimed.length) continue;
    // Those who requisition; a national role is held at the nation, never at a municipality.
    const people = await queryRows<{ email: string | null; name: string; lang: string | null }>(
      db,
      sql`select u.email, u.name, u.preferred_language as lang
          from memberships ms join users u on u.id = ms.user_id
          where ms.organisation_id = ${d.municipalityId} and u.status = 'active'
            and ms.role in (${sql.join(
              rolesAllowing('funding.requisition').map((r) => sql`${r}`),
              sql`, `,
            )})`,
    );
    const link = `${publicUrl}/stimulansmedel/${d.callId}`;
    await mailer.sendMany(
      people.flatMap((p) =>
        p.email === null
          ? []
          : [reminderMail({ ...d, to: p.email, name: p.name, lang: (p.lang ?? 'sv') as UiLanguage, link })],
      ),
    );
    sent++;
  }
  return { reminded: sent };
}
