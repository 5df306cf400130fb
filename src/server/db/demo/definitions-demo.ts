import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { definitions, definitionVersions, organisations, users } from '../schema/index.ts';
import { DEMO_DOMAIN } from './demo-people.ts';

interface DemoVersion {
  termSv: string;
  termEn: string;
  bodySv: string;
  bodyEn: string;
  agreedNote: string;
  /** The meeting's date, also used as the version's saved date. */
  agreedOn: string;
}

/**
 * Region Dalarna's steering group's agreed terms. The welfare technology definition follows
 * Socialstyrelsen's (termbanken), named as the source; its first version was the group's own shorter
 * wording, replaced when the group adopted the national one, so the demo shows a history.
 */
const terms: { key: string; versions: DemoVersion[] }[] = [
  {
    key: 'welfare-technology',
    versions: [
      {
        termSv: 'Välfärdsteknik',
        termEn: 'Welfare technology',
        bodySv:
          'Digital teknik som gör det lättare för äldre att klara sig själva och känna sig trygga hemma.',
        bodyEn:
          'Digital technology that makes it easier for older people to manage on their own and feel safe at home.',
        agreedNote: 'Styrgruppens möte 2021-09-14',
        agreedOn: '2021-09-14',
      },
      {
        termSv: 'Välfärdsteknik',
        termEn: 'Welfare technology',
        bodySv:
          'Digital teknik som syftar till att behålla eller öka trygghet, aktivitet, delaktighet eller självständighet för en person som har, eller löper förhöjd risk att få, en funktionsnedsättning. Styrgruppen använder Socialstyrelsens definition (termbanken) oförändrad.',
        bodyEn:
          'Digital technology meant to maintain or increase safety, activity, participation or independence for a person who has, or is at increased risk of, a disability. The steering group uses the definition of the National Board of Health and Welfare (Socialstyrelsen, termbanken) unchanged; this is our translation.',
        agreedNote: 'Styrgruppens möte 2023-03-15, § 7 (källa: Socialstyrelsens termbank)',
        agreedOn: '2023-03-15',
      },
    ],
  },
  {
    key: 'digitalisation',
    versions: [
      {
        termSv: 'Digitalisering',
        termEn: 'Digitalisation',
        bodySv:
          'Att ändra arbetssätt, tjänster och organisation med hjälp av digital teknik så att verksamheten gör mer nytta för brukare och medarbetare – inte bara att göra samma sak på en skärm.',
        bodyEn:
          'Changing ways of working, services and organisation with the help of digital technology so that the service does more good for care recipients and staff – not merely doing the same thing on a screen.',
        agreedNote: 'Styrgruppens möte 2023-03-15, § 7',
        agreedOn: '2023-03-15',
      },
    ],
  },
  {
    key: 'e-health',
    versions: [
      {
        termSv: 'E-hälsa',
        termEn: 'eHealth',
        bodySv:
          'Att använda digitala verktyg och utbyta information digitalt för att uppnå och behålla hälsa. Vi följer den nationella visionens innebörd (Vision e-hälsa 2025).',
        bodyEn:
          'Using digital tools and exchanging information digitally to achieve and maintain health. We follow the meaning of the national vision (Vision for eHealth 2025).',
        agreedNote: 'Styrgruppens möte 2023-03-15, § 7',
        agreedOn: '2023-03-15',
      },
    ],
  },
  {
    key: 'digital-competence',
    versions: [
      {
        termSv: 'Digital kompetens',
        termEn: 'Digital competence',
        bodySv:
          'Förmågan att använda digital teknik tryggt och kritiskt i arbetet, att förstå hur den påverkar brukare och verksamhet, och att vara med och utveckla arbetssätten.',
        bodyEn:
          'The ability to use digital technology confidently and critically at work, to understand how it affects care recipients and the service, and to take part in developing ways of working.',
        agreedNote: 'Styrgruppens möte 2024-02-20, § 4',
        agreedOn: '2024-02-20',
      },
    ],
  },
  {
    key: 'benefits-realisation',
    versions: [
      {
        termSv: 'Nyttorealisering',
        termEn: 'Benefits realisation',
        bodySv:
          'Ett planerat arbete för att den nytta en förändring ska ge – för brukare, medarbetare och ekonomi – blir verklighet: nyttan beskrivs, mäts från en nollmätning och följs upp tills den är hemtagen.',
        bodyEn:
          'Planned work to make sure the benefits a change should bring – for care recipients, staff and finances – actually happen: benefits are described, measured from a baseline and followed up until they are realised.',
        agreedNote: 'Styrgruppens möte 2024-02-20, § 4',
        agreedOn: '2024-02-20',
      },
    ],
  },
];

export async function loadDefinitionsDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const [region] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.kind, 'region'), eq(organisations.code, '20')));
    if (!region) return;
    const [author] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, `region.dalarna@${DEMO_DOMAIN}`));
    for (const term of terms) {
      const [row] = await tx
        .insert(definitions)
        .values({ key: term.key, ownerOrganisationId: region.id, currentVersion: term.versions.length })
        .onConflictDoNothing()
        .returning({ id: definitions.id });
      if (!row) continue;
      await tx.insert(definitionVersions).values(
        term.versions.map((v, i) => ({
          definitionId: row.id,
          version: i + 1,
          termSv: v.termSv,
          termEn: v.termEn,
          bodySv: v.bodySv,
          bodyEn: v.bodyEn,
          agreedNote: v.agreedNote,
          createdBy: author?.id ?? null,
          createdAt: new Date(`${v.agreedOn}T12:00:00Z`),
        })),
      );
    }
  });
}
