import { sql } from 'drizzle-orm';
import { rolesAllowing } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { RADAR_ALERT_MONTHS } from '../../../shared/contracts/contract-radar.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { uuidList } from '../../lib/sql-lists.ts';
import { swedishDate } from '../assessments/round-access.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';
import { contractsInView, type RadarContractRow } from './contract-radar.repo.ts';
import { dueAlert, nextDecision, parseOption } from './radar-logic.ts';

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

interface DueAlert {
  contract: RadarContractRow;
  decisionOn: string;
  kind: 'extension' | 'notice';
  monthsBefore: number;
}

interface Recipient {
  municipality_id: string;
  municipality: string;
  email: string;
  name: string;
  lang: UiLanguage;
}

function alertMail(a: DueAlert, r: Recipient, link: string): MailMessage {
  const c = a.contract;
  if (r.lang === 'en') {
    const what =
      a.kind === 'extension'
        ? `whether to use the next extension option of "${c.title}"`
        : `whether to give notice on "${c.title}" (ends ${c.ends_on})`;
    return {
      to: r.email,
      subject: `${a.monthsBefore} months left to decide: ${c.title}`,
      text: `Hello ${r.name},\n\n${r.municipality} must decide ${what} by ${a.decisionOn} — in ${a.monthsBefore} months. The supplier is ${c.supplier_name}.\n\nOther municipalities whose contracts end at the same time are on the contract radar:\n${link}\n\nVälfärdsnavet`,
    };
  }
  const what =
    a.kind === 'extension'
      ? `om nästa förlängning av "${c.title}" ska användas`
      : `om "${c.title}" ska sägas upp (avtalet löper ut ${c.ends_on})`;
  return {
    to: r.email,
    subject: `${a.monthsBefore} månader kvar till beslut: ${c.title}`,
    text: `Hej ${r.name}!\n\n${r.municipality} behöver besluta ${what} senast ${a.decisionOn} – om ${a.monthsBefore} månader. Leverantör är ${c.supplier_name}.\n\nAndra kommuner vars avtal löper ut samtidigt finns i avtalsradarn:\n${link}\n\nVälfärdsnavet`,
  };
}

/**
 * E-mails a municipality's contract keepers 12, 6 and 3 months before each contract's next decision
 * (an extension option or the notice before the end). Each alert is claimed first in
 * contract_alerts_sent (insert … on conflict do nothing … returning), so running twice, a restart, or
 * several instances at once send it once; a changed decision date (an option used) is a new alert.
 * Only the shortest lead time reached is sent: a contract recorded five months before its decision gets
 * the six-month alert, never a late twelve-month one. Claimed before sending: at most once, never twice.
 */
export async function sendContractAlerts(db: Db, mailer: Mailer, publicUrl: string, now = new Date()) {
  const today = swedishDate(now);
  const due: DueAlert[] = [];
  for (const contract of await contractsInView(db, null, today, null)) {
    const decision = nextDecision(
      {
        endsOn: contract.ends_on,
        noticeMonths: contract.notice_months,
        extensions: contract.extensions.map(parseOption),
      },
      today,
    );
    const monthsBefore = dueAlert(decision.on, today, RADAR_ALERT_MONTHS);
    if (monthsBefore !== null)
      due.push({ contract, decisionOn: decision.on, kind: decision.kind, monthsBefore });
  }
  if (!due.length) return { sent: 0 };

  const claimed = await claim(db, due);
  if (!claimed.length) return { sent: 0 };
  const recipients = await keepersOf(db, [...new Set(claimed.map((a) => a.contract.municipality_id))]);
  const messages = claimed.flatMap((a) =>
    recipients
      .filter((r) => r.municipality_id === a.contract.municipality_id)
      .map((r) => alertMail(a, r, `${publicUrl}/avtalsradar`)),
  );
  await mailer.sendMany(messages);
  return { sent: claimed.length };
}

/** Records the alerts; returns those this run claimed (the others were sent before or by another instance). */
async function claim(db: Db, due: DueAlert[]): Promise<DueAlert[]> {
  const rows = await queryRows<{ contract_id: string; decision_on: string; months_before: number }>(
    db,
    sql`insert into contract_alerts_sent (contract_id, decision_on, months_before)
        select * from unnest(${uuidArray(due.map((d) => d.contract.id))},
                             array[${list(due.map((d) => d.decisionOn))}]::date[],
                             array[${list(due.map((d) => d.monthsBefore))}]::smallint[])
        on conflict do nothing
        returning contract_id, decision_on::text as decision_on, months_before`,
  );
  const key = (id: string, on: string, m: number) => `${id}|${on}|${m}`;
  const won = new Set(rows.map((r) => key(r.contract_id, r.decision_on, Number(r.months_before))));
  return due.filter((d) => won.has(key(d.contract.id, d.decisionOn, d.monthsBefore)));
}

/** The active people with e-mail who keep the municipalities' contract registers (their own coordinators). */
function keepersOf(db: Db, municipalityIds: string[]): Promise<Recipient[]> {
  const roles = rolesAllowing('contract.write');
  return queryRows<Recipient>(
    db,
    sql`select distinct ms.organisation_id as municipality_id, o.name as municipality, u.email, u.name,
               coalesce(u.preferred_language, 'sv') as lang
        from memberships ms
        join users u on u.id = ms.user_id
        join organisations o on o.id = ms.organisation_id
        where ms.organisation_id in (${uuidList(municipalityIds)})
          and u.status = 'active' and u.email is not null
          and ms.role in (${list(roles)})
        order by u.name`,
  );
}
