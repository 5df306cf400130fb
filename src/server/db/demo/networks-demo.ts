import { and, eq, inArray } from 'drizzle-orm';
import type { MemberRole } from '../../../shared/contracts/networks.ts';
import type { Db } from '../client.ts';
import {
  eventRegistrations,
  networkMeetingAttendance,
  networkMeetings,
  networkMembers,
  networks,
  organisations,
  users,
} from '../schema/index.ts';
import { DEMO_DOMAIN } from './demo-people.ts';

export const DALARNA_STEERING_GROUP = 'Regional styrgrupp för välfärdsteknik och digitalisering';
export const DALARNA_REFERENCE_GROUP = 'Referensgrupp välfärdsteknik Dalarna';

/** A demo member: a demo account (by the local part of its address) or an invented external person. */
type DemoMember = { role: MemberRole; represents?: string; representsName?: string } & (
  | { account: string }
  | { name: string; local: string }
);

const external = (
  name: string,
  local: string,
  represents: string,
  role: MemberRole = 'member',
): DemoMember => ({
  name,
  local,
  represents,
  role,
});

/** Region Dalarna's steering group: the regional coordinator chairs it; the university is co-opted. */
const steeringMembers: DemoMember[] = [
  { account: 'region.dalarna', role: 'chair', represents: '20' },
  external('Ingrid Vallin', 'ingrid.vallin', '20', 'secretary'),
  { account: 'samordnare.falun', role: 'member', represents: '2080' },
  external('Birgitta Modig', 'birgitta.modig', '2062', 'vice_chair'),
  external('Göran Hedlund', 'goran.hedlund', '2085'),
  external('Petra Kallin', 'petra.kallin', '2084'),
  {
    name: 'Karl-Erik Stenvall',
    local: 'karl-erik.stenvall',
    representsName: 'Högskolan Dalarna',
    role: 'adjunct',
  },
];

/**
 * The reference group should have one or two representatives per Dalarna municipality. Vansbro,
 * Älvdalen and Smedjebacken have none yet: the coverage view shows them.
 */
const referenceMembers: DemoMember[] = [
  { account: 'samordnare.falun', role: 'chair', represents: '2080' },
  { account: 'samordnare.borlange', role: 'member', represents: '2081' },
  external('Anneli Bergkvist', 'anneli.bergkvist', '2023'),
  external('Tomas Ersson', 'tomas.ersson', '2026'),
  external('Lena Hansdotter', 'lena.hansdotter', '2029'),
  external('Mikael Jönsson Ras', 'mikael.jonsson', '2031'),
  external('Sofie Gustavsson', 'sofie.gustavsson', '2034'),
  external('Birgitta Modig', 'birgitta.modig', '2062'),
  external('Oskar Nordin', 'oskar.nordin', '2062'),
  external('Helena Frost', 'helena.frost', '2082'),
  external('Jenny Wiklander', 'jenny.wiklander', '2083'),
  external('Petra Kallin', 'petra.kallin', '2084'),
  external('Rasmus Lindh', 'rasmus.lindh', '2085'),
  external('Ingrid Vallin', 'ingrid.vallin', '20', 'secretary'),
];

const days = (n: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + n);
  d.setUTCHours(8, 30, 0, 0);
  return d;
};
const hoursAfter = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

interface DemoMeeting {
  title: string;
  startsAt: Date;
  location: string;
  agenda: string;
  minutes: string;
  decisions: string[];
  /** Members (by name) who were not there. */
  absent: string[];
}

const steeringMeetings: DemoMeeting[] = [
  {
    title: 'Styrgruppsmöte – uppföljning av handlingsplanen',
    startsAt: days(-84),
    location: 'Region Dalarna, Vasagatan, Falun',
    agenda:
      '1. Mötet öppnas\n2. Föregående protokoll\n3. Lägesrapport: kartläggningen av välfärdsteknik\n4. Stimulansmedel 2027\n5. Övriga frågor',
    minutes:
      'Kartläggningen är besvarad av tolv av femton kommuner. Styrgruppen diskuterade hur stimulansmedlen ska fördelas och att kommuner som ännu inte har en representant i referensgruppen ska kontaktas.',
    decisions: [
      'Regionen kontaktar de kommuner som saknar representant i referensgruppen före nästa möte.',
      'Förslag om fördelning av stimulansmedel tas fram till nästa möte.',
    ],
    absent: ['Göran Hedlund'],
  },
  {
    title: 'Styrgruppsmöte – stimulansmedel och kompetenssatsning',
    startsAt: days(-26),
    location: 'Digitalt (Teams)',
    agenda:
      '1. Mötet öppnas\n2. Föregående protokoll\n3. Fördelning av stimulansmedel\n4. Kompetenssatsning för hemtjänsten\n5. Regional konferens i vår',
    minutes:
      'Förslaget om fördelning godkändes. Högskolan Dalarna presenterade upplägget för en kompetenssatsning. En öppen regional konferens planeras.',
    decisions: [
      'Stimulansmedlen fördelas efter antal invånare över 80 år.',
      'En öppen regional konferens om välfärdsteknik hålls i vår.',
    ],
    absent: [],
  },
];

const referenceMeetings: DemoMeeting[] = [
  {
    title: 'Referensgruppen – erfarenhetsutbyte digitala lås',
    startsAt: days(-47),
    location: 'Digitalt (Teams)',
    agenda: '1. Runda: läget i kommunerna\n2. Digitala lås – erfarenheter från Falun och Mora\n3. Nästa möte',
    minutes:
      'Falun och Mora berättade om införandet av digitala lås i hemtjänsten. Flera kommuner vill ta del av Faluns rutin för nyckelhantering.',
    decisions: ['Falun delar sin rutin för nyckelfri hemtjänst i kunskapsbanken.'],
    absent: ['Anneli Bergkvist', 'Helena Frost'],
  },
];

const registrants: [name: string, local: string, organisation: string, attendance: 'on_site' | 'online'][] = [
  ['Elsa Moberg', 'elsa.moberg', 'Leksands kommun', 'on_site'],
  ['Viktor Ståhl', 'viktor.stahl', 'Avesta kommun', 'online'],
  ['Maja Lindfors', 'maja.lindfors', 'Borlänge kommun', 'on_site'],
  ['Nils Åkerlund', 'nils.akerlund', 'Högskolan Dalarna', 'on_site'],
  ['Yasmin Karimi', 'yasmin.karimi', 'Mora kommun', 'online'],
  ['Ronja Selin', 'ronja.selin', 'Säters kommun', 'on_site'],
];

/**
 * Region Dalarna's regional steering group for welfare technology and its reference group, with
 * members, past meetings with minutes and an upcoming open conference with some registrations.
 */
export async function loadNetworksDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const orgs = await tx
      .select({ id: organisations.id, code: organisations.code, kind: organisations.kind })
      .from(organisations)
      .where(
        and(eq(organisations.countyCode, '20'), inArray(organisations.kind, ['region', 'municipality'])),
      );
    const orgId = (code: string) => {
      const found = orgs.find((o) => o.code === code);
      if (!found) throw new Error(`Reference data missing organisation ${code}`);
      return found.id;
    };
    const region = orgId('20');
    const people = await tx.select({ id: users.id, email: users.email }).from(users);
    const userId = (local: string) => {
      const found = people.find((p) => p.email === `${local}@${DEMO_DOMAIN}`);
      if (!found) throw new Error(`Unknown demo account ${local}`);
      return found.id;
    };
    const creator = userId('region.dalarna');

    const addGroup = async (
      values: Omit<typeof networks.$inferInsert, 'ownerOrganisationId' | 'createdBy'>,
      members: DemoMember[],
      meetings: DemoMeeting[],
    ) => {
      const [network] = await tx
        .insert(networks)
        .values({ ...values, ownerOrganisationId: region, createdBy: creator })
        .returning({ id: networks.id });
      const memberIds = new Map<string, string>();
      for (const m of members) {
        const isAccount = 'account' in m;
        const [row] = await tx
          .insert(networkMembers)
          .values({
            networkId: network!.id,
            userId: isAccount ? userId(m.account) : null,
            externalName: isAccount ? null : m.name,
            email: isAccount ? null : `${m.local}@${DEMO_DOMAIN}`,
            representsOrganisationId: m.represents ? orgId(m.represents) : null,
            representsName: m.representsName ?? null,
            roleInGroup: m.role,
            status: 'active',
            joinedAt: days(-200),
          })
          .returning({ id: networkMembers.id });
        memberIds.set(isAccount ? m.account : m.name, row!.id);
      }
      for (const meeting of meetings) {
        const { absent, ...fields } = meeting;
        const [row] = await tx
          .insert(networkMeetings)
          .values({
            ...fields,
            networkId: network!.id,
            endsAt: hoursAfter(meeting.startsAt, 2),
            createdBy: creator,
          })
          .returning({ id: networkMeetings.id });
        await tx.insert(networkMeetingAttendance).values(
          [...memberIds].map(([key, memberId]) => ({
            meetingId: row!.id,
            memberId,
            present: !absent.includes(key),
          })),
        );
      }
      return network!.id;
    };

    await addGroup(
      {
        name: DALARNA_STEERING_GROUP,
        kind: 'steering_group',
        level: 'regional',
        purpose:
          'Leder och prioriterar det gemensamma arbetet med välfärdsteknik och digitalisering i Dalarnas femton kommuner och regionen: handlingsplan, stimulansmedel och uppföljning.',
      },
      steeringMembers,
      steeringMeetings,
    );
    const referenceGroup = await addGroup(
      {
        name: DALARNA_REFERENCE_GROUP,
        kind: 'reference_group',
        level: 'regional',
        purpose:
          'Kommunernas röst i det regionala arbetet: en eller två representanter per kommun delar erfarenheter och förankrar styrgruppens förslag.',
        coverageOrganisationId: region,
        representativesMin: 1,
        representativesMax: 2,
      },
      referenceMembers,
      referenceMeetings,
    );

    const startsAt = days(45);
    const [event] = await tx
      .insert(networkMeetings)
      .values({
        networkId: referenceGroup,
        title: 'Regional konferens: Välfärdsteknik i Dalarna',
        startsAt,
        endsAt: hoursAfter(startsAt, 7),
        location: 'Dalarna Science Park, Borlänge',
        onlineUrl: 'https://konferens.demo.valfardsnavet.se/dalarna',
        description:
          'En dag om välfärdsteknik i äldreomsorgen: erfarenheter från kommunerna, nyttorealisering och vad som händer nationellt. Välkommen på plats eller digitalt.',
        agenda:
          '09.00 Välkomna\n09.30 Nyckelfri hemtjänst i Dalarna\n11.00 Nyttorealisering\n13.00 Workshoppar\n15.30 Avslutning',
        isOpenEvent: true,
        capacity: 80,
        registrationClosesAt: days(38),
        createdBy: creator,
      })
      .returning({ id: networkMeetings.id });
    await tx.insert(eventRegistrations).values(
      registrants.map(([name, local, organisationName, attendance]) => ({
        meetingId: event!.id,
        name,
        email: `${local}@${DEMO_DOMAIN}`,
        organisationName,
        attendance,
      })),
    );
  });
}
