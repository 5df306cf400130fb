import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client.ts';
import { DEMO_DOMAIN } from './demo-people.ts';

/** Region Dalarna's support offers, one per support need of the maturity template (issue 17). */
const offers = [
  {
    need: 'befintligt-stod',
    kind: 'advice',
    days: 5,
    title: 'Rådgivning i införande av välfärdsteknik',
    description:
      'Regionens samordnare hjälper er att planera ett införande: nulägesanalys, nyttoberäkning, risker och hur ni följer upp. Vi kommer gärna ut till er.',
  },
  {
    need: 'externa-aktorer',
    kind: 'advice',
    days: 10,
    title: 'Kontakter med Inera, leverantörer och hälso- och sjukvården',
    description:
      'Vi förmedlar kontakter och samlar kommunernas frågor till Inera, regionens hälso- och sjukvård och leverantörer, så att ni slipper ta samma kontakt var för sig.',
  },
  {
    need: 'upphandlingsstod',
    kind: 'procurement_help',
    days: 5,
    title: 'Stöd i upphandling och samordnad upphandling',
    description:
      'Vi hjälper er att skriva kravspecifikation utifrån kravbiblioteket, planera avrop från ramavtal och samordna upphandlingar med andra kommuner i länet.',
  },
  {
    need: 'stimulansmedel',
    kind: 'stimulus_application',
    days: 10,
    title: 'Hjälp att söka och redovisa stimulansmedel',
    description:
      'Vi går igenom villkoren för statens stimulansmedel, hjälper er att rekvirera i tid och att redovisa vad medlen använts till.',
  },
] as const;

export async function loadSupportDemo(db: Db): Promise<void> {
  const [dalarna] = await queryRows<{ id: string }>(
    db,
    sql`select id from organisations where kind = 'region' and code = '20'`,
  );
  if (!dalarna) return;
  const person = async (local: string) =>
    (
      await queryRows<{ id: string }>(
        db,
        sql`select id from users where email = ${`${local}@${DEMO_DOMAIN}`}`,
      )
    )[0]?.id ?? null;
  const [region, falun, borlange] = await Promise.all([
    person('region.dalarna'),
    person('samordnare.falun'),
    person('samordnare.borlange'),
  ]);
  const ids = new Map<string, string>();
  for (const o of offers) {
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into support_offers (provider_organisation_id, title, description, kind, need, response_days, created_by)
          values (${dalarna.id}, ${o.title}, ${o.description}, ${o.kind}, ${o.need}, ${o.days}, ${region})
          returning id`,
    );
    ids.set(o.need, row!.id);
  }
  const municipality = async (code: string) =>
    (
      await queryRows<{ id: string }>(
        db,
        sql`select id from organisations where kind = 'municipality' and code = ${code}`,
      )
    )[0]!.id;

  // Falun asks about stimulus funds (new, nobody has taken it yet).
  await queryRows(
    db,
    sql`insert into support_requests (municipality_id, provider_organisation_id, offer_id, need, subject, body,
                                      urgency, created_by, created_at, updated_at)
        values (${await municipality('2080')}, ${dalarna.id}, ${ids.get('stimulansmedel')!}, 'stimulansmedel',
                'Rekvisition av stimulansmedel för digital nattillsyn',
                'Vi vill använda årets stimulansmedel till att utöka digital nattillsyn. Hur rekvirerar vi och vad behöver redovisas?',
                'normal', ${falun}, now() - interval '2 days', now() - interval '2 days')`,
  );

  // Borlänge asked about a supplier contact; the region has answered and waits for Borlänge.
  const [b] = await queryRows<{ id: string }>(
    db,
    sql`insert into support_requests (municipality_id, provider_organisation_id, offer_id, need, subject, body,
                                      urgency, status, assignee_id, created_by, created_at, updated_at,
                                      first_answer_at, last_answer_at)
        values (${await municipality('2081')}, ${dalarna.id}, ${ids.get('externa-aktorer')!}, 'externa-aktorer',
                'Kontakt med leverantören av läkemedelsautomater',
                'Leverantören svarar inte på våra frågor om dataexport. Kan regionen hjälpa oss att få ett möte?',
                'high', 'waiting', ${region}, ${borlange}, now() - interval '6 days', now() - interval '4 days',
                now() - interval '5 days', now() - interval '5 days')
        returning id`,
  );
  const event = (
    kind: string,
    side: string,
    author: string | null,
    days: number,
    extra: { body?: string; status?: string; assignee?: string | null },
  ) =>
    db.execute(
      sql`insert into support_request_events (request_id, kind, side, body, status, assignee_id, author_id, created_at)
          values (${b!.id}, ${kind}, ${side}, ${extra.body ?? null}, ${extra.status ?? null}, ${extra.assignee ?? null},
                  ${author}, now() - make_interval(hours => ${days * 24}))`,
    );
  await event('assigned', 'provider', region, 5.5, { assignee: region });
  await event('status', 'provider', region, 5.5, { status: 'assigned' });
  await event('message', 'provider', region, 5, {
    body: 'Vi har bokat ett möte med leverantören den 14:e och tar upp dataexporten. Vill ni vara med?',
  });
  await event('status', 'provider', region, 4, { status: 'waiting' });
}
