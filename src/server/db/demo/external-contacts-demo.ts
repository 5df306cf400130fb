import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client.ts';
import { DEMO_DOMAIN } from './demo-people.ts';

/**
 * Region Dalarna's log of contacts with external actors (issue 17): a market dialogue on digital locks
 * with an invented supplier (linked to the reference group's meeting on locks), Inera, the region's health
 * care, a university evaluation and more. Only organisations are named; no person appears in the text.
 */
interface DemoContact {
  daysAgo: number;
  kind: string;
  actorKind: string;
  actorName: string;
  /** The demo supplier by name, when the actor is in the register. */
  supplier?: string;
  /** The title of a Dalarna group meeting it was held at. */
  meeting?: string;
  topic: string;
  outcome: string;
  followUp?: string;
  /** Days from today (negative: already past). */
  followUpInDays?: number;
  followUpDone?: boolean;
  technologies: string[];
  municipalities: string[];
}

const lock = 'digital-lock';
const alarm = 'digital-safety-alarm';
const night = 'digital-night-supervision';
const dispenser = 'medication-dispenser';

const contacts: DemoContact[] = [
  {
    daysAgo: 47,
    kind: 'market_dialogue',
    actorKind: 'supplier',
    actorName: 'Låsbolaget Fiktiv AB',
    supplier: 'Låsbolaget Fiktiv AB',
    meeting: 'Referensgruppen – erfarenhetsutbyte digitala lås',
    topic: 'Marknadsdialog om digitala lås i hemtjänsten',
    outcome:
      'Leverantören visade hur låsen styrs från hemtjänstens planeringssystem. Låsen kan exporteras med full logghistorik vid byte av leverantör, och nyckelhanteringen kan kopplas till kommunens katalog.',
    followUp: 'Skicka kommunernas frågor om dataexport och batteribyten till leverantören.',
    followUpInDays: 10,
    technologies: [lock],
    municipalities: ['2080', '2081', '2062'],
  },
  {
    daysAgo: 30,
    kind: 'meeting',
    actorKind: 'inera',
    actorName: 'Inera',
    topic: 'Nationell specifikation för interoperabilitet mellan larm och verksamhetssystem',
    outcome:
      'Inera arbetar med en gemensam informationsspecifikation för larmmottagning. Kommunerna bör ställa krav på att leverantören följer den i kommande upphandlingar av trygghetslarm.',
    followUp: 'Lägga in Ineras krav i kravbiblioteket när specifikationen är fastställd.',
    followUpInDays: 40,
    technologies: [alarm],
    municipalities: [],
  },
  {
    daysAgo: 21,
    kind: 'meeting',
    actorKind: 'region_health_care',
    actorName: 'Region Dalarna, hälso- och sjukvården (läkemedelsenheten)',
    topic: 'Läkemedelsautomater och ansvaret för ordinationer',
    outcome:
      'Hälso- och sjukvården godtar läkemedelsautomater i ordinärt boende om dosering sker via apotekets dosdispensering. Ansvarsfördelningen skrivs in i den gemensamma rutinen.',
    followUp: 'Ta fram ett utkast till gemensam rutin för läkemedelsautomater.',
    followUpInDays: -3,
    technologies: [dispenser],
    municipalities: ['2080', '2081', '2084'],
  },
  {
    daysAgo: 60,
    kind: 'meeting',
    actorKind: 'university',
    actorName: 'Högskolan Dalarna',
    topic: 'Utvärdering av digital nattillsyn',
    outcome:
      'Högskolan erbjuder en följeforskning om digital nattillsyn: brukarnas sömn, personalens arbetsmiljö och nattliga besök. Kommuner som vill vara med anmäler intresse till regionen.',
    followUp: 'Samla in intresseanmälningar från kommunerna.',
    followUpInDays: -20,
    followUpDone: true,
    technologies: [night],
    municipalities: ['2080', '2085'],
  },
  {
    daysAgo: 14,
    kind: 'call',
    actorKind: 'supplier',
    actorName: 'Exempelbolaget Trygghet AB',
    supplier: 'Exempelbolaget Trygghet AB',
    topic: 'Övergång från analoga till digitala trygghetslarm',
    outcome:
      'Leverantören bekräftade att de analoga larmen slutar fungera när mobilnätet byggs om. Kommunerna bör byta senast vid nästa avtalsperiod.',
    technologies: [alarm],
    municipalities: ['2081', '2082'],
  },
  {
    daysAgo: 9,
    kind: 'email',
    actorKind: 'supplier',
    actorName: 'Dosfabriken Demo AB',
    supplier: 'Dosfabriken Demo AB',
    topic: 'Avtalsvillkor för läkemedelsautomater',
    outcome:
      'Leverantören kan erbjuda avrop från ramavtal med samma pris för alla kommuner i länet om minst fem kommuner deltar.',
    technologies: [dispenser],
    municipalities: [],
  },
  {
    daysAgo: 75,
    kind: 'visit',
    actorKind: 'authority',
    actorName: 'Socialstyrelsen',
    topic: 'Kunskapsstöd om välfärdsteknik i äldreomsorgen',
    outcome:
      'Myndigheten presenterade sitt kunskapsstöd och vill ha exempel från kommunerna. Regionen tipsar om kunskapsbanken.',
    technologies: [],
    municipalities: [],
  },
  {
    daysAgo: 3,
    kind: 'market_dialogue',
    actorKind: 'supplier',
    actorName: 'Påhittade Omsorgssystem AB',
    supplier: 'Påhittade Omsorgssystem AB',
    topic: 'Kameror för nattillsyn och integritet',
    outcome:
      'Leverantören visade hur bilden suddas ut utom vid larm. Frågan om lagring av bilder måste tas med i kravspecifikationen.',
    technologies: [night],
    municipalities: ['2080'],
  },
];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export async function loadExternalContactsDemo(db: Db): Promise<void> {
  const [dalarna] = await queryRows<{ id: string }>(
    db,
    sql`select id from organisations where kind = 'region' and code = '20'`,
  );
  if (!dalarna) return;
  const [author] = await queryRows<{ id: string }>(
    db,
    sql`select id from users where email = ${`region.dalarna@${DEMO_DOMAIN}`}`,
  );
  const one = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ id: string }>(db, query))[0]?.id ?? null;
  for (const c of contacts) {
    const supplierId = c.supplier
      ? await one(sql`select id from suppliers where name = ${c.supplier}`)
      : null;
    const meetingId = c.meeting
      ? await one(
          sql`select mt.id from network_meetings mt join networks n on n.id = mt.network_id
              where n.owner_organisation_id = ${dalarna.id} and mt.title = ${c.meeting}`,
        )
      : null;
    const followUpOn = c.followUpInDays === undefined ? null : day(c.followUpInDays);
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into external_contacts (owner_organisation_id, occurred_on, kind, actor_kind, actor_name,
                                         supplier_id, meeting_id, topic, outcome, follow_up, follow_up_on,
                                         follow_up_done_at, created_by, created_at, updated_at)
          values (${dalarna.id}, ${day(-c.daysAgo)}, ${c.kind}, ${c.actorKind}, ${c.actorName}, ${supplierId},
                  ${meetingId}, ${c.topic}, ${c.outcome}, ${c.followUp ?? null}, ${followUpOn},
                  ${c.followUpDone ? sql`now()` : null}, ${author?.id ?? null},
                  now() - make_interval(days => ${c.daysAgo}), now() - make_interval(days => ${c.daysAgo}))
          returning id`,
    );
    if (c.technologies.length)
      await db.execute(
        sql`insert into external_contact_technologies (contact_id, technology_id)
            select ${row!.id}, id from technologies where key in (${sql.join(
              c.technologies.map((k) => sql`${k}`),
              sql`, `,
            )})`,
      );
    if (c.municipalities.length)
      await db.execute(
        sql`insert into external_contact_municipalities (contact_id, municipality_id)
            select ${row!.id}, id from organisations
            where kind = 'municipality' and parent_id = ${dalarna.id}
              and code = any(${sql`array[${sql.join(
                c.municipalities.map((m) => sql`${m}`),
                sql`, `,
              )}]::text[]`})`,
      );
  }
}
