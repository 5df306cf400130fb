/**
 * The welfare technologies Swedish municipalities report (Socialstyrelsen's annual e-health survey,
 * SKR's follow-ups), written for care staff and managers. National administrators maintain the
 * catalogue afterwards; this seed only adds keys that are missing.
 */
export interface TechnologySeed {
  key: string;
  category: 'safety' | 'supervision' | 'health' | 'everyday' | 'communication' | 'work-support';
  sv: { name: string; description: string };
  en: { name: string; description: string };
}

export const technologyCatalogue: TechnologySeed[] = [
  {
    key: 'digital-safety-alarm',
    category: 'safety',
    sv: {
      name: 'Digitalt trygghetslarm',
      description:
        'Larm i hemmet som personen utlöser med en knapp, och som går till larmcentral eller hemtjänst via mobilnätet.',
    },
    en: {
      name: 'Digital safety alarm',
      description:
        'An alarm at home that the person triggers with a button, reaching an alarm centre or home care over the mobile network.',
    },
  },
  {
    key: 'mobile-gps-alarm',
    category: 'safety',
    sv: {
      name: 'Mobilt larm med GPS',
      description:
        'Larm som fungerar även utanför hemmet och visar var personen är, till exempel för den som har en demenssjukdom.',
    },
    en: {
      name: 'Mobile alarm with GPS',
      description:
        'An alarm that also works away from home and shows where the person is, for example for someone living with dementia.',
    },
  },
  {
    key: 'digital-night-supervision',
    category: 'supervision',
    sv: {
      name: 'Digital nattillsyn (kamera)',
      description:
        'Tillsyn på natten med kamera i stället för besök, efter samtycke, så att personen får sova ostört.',
    },
    en: {
      name: 'Digital night supervision (camera)',
      description:
        'Night-time checks by camera instead of visits, with consent, so that the person can sleep undisturbed.',
    },
  },
  {
    key: 'sensors-fall-detection',
    category: 'supervision',
    sv: {
      name: 'Sensorer och fallarm',
      description:
        'Sensorer som larmar vid fall, när någon lämnar sängen eller inte kommer tillbaka, så att hjälp kommer snabbt.',
    },
    en: {
      name: 'Sensors and fall detection',
      description:
        'Sensors that alert on a fall, when someone leaves the bed or does not return, so that help comes quickly.',
    },
  },
  {
    key: 'medication-dispenser',
    category: 'health',
    sv: {
      name: 'Läkemedelsautomat',
      description: 'Automat som påminner och lämnar ut rätt dos i rätt tid, och larmar om dosen inte tas.',
    },
    en: {
      name: 'Medication dispenser',
      description:
        'A device that reminds the person and dispenses the right dose at the right time, and alerts if it is not taken.',
    },
  },
  {
    key: 'digital-lock',
    category: 'work-support',
    sv: {
      name: 'Digitala lås (nyckelfri hemtjänst)',
      description:
        'Personalen öppnar med mobilen i stället för nycklar; varje öppning loggas och inga nycklar kan komma bort.',
    },
    en: {
      name: 'Digital locks (keyless home care)',
      description:
        'Staff open doors with their phone instead of keys; every opening is logged and no keys can be lost.',
    },
  },
  {
    key: 'video-call',
    category: 'communication',
    sv: {
      name: 'Videosamtal',
      description:
        'Samtal med bild mellan personen och hemtjänst, anhöriga eller vården, som tillsyn, stöd eller sällskap.',
    },
    en: {
      name: 'Video calls',
      description:
        'Calls with video between the person and home care, relatives or health care, for checks, support or company.',
    },
  },
  {
    key: 'digital-documentation',
    category: 'work-support',
    sv: {
      name: 'Digital dokumentation och signering',
      description:
        'Personalen dokumenterar och signerar insatser och läkemedel i mobilen där de är, i stället för på papper.',
    },
    en: {
      name: 'Digital documentation and signing',
      description:
        'Staff document and sign for care and medication on their phone where they are, instead of on paper.',
    },
  },
  {
    key: 'planning-route-tools',
    category: 'work-support',
    sv: {
      name: 'Planerings- och ruttverktyg',
      description: 'Digitalt stöd för att planera besök och körvägar, så att rätt person kommer i rätt tid.',
    },
    en: {
      name: 'Planning and route tools',
      description:
        'Digital support for planning visits and routes, so that the right person arrives at the right time.',
    },
  },
  {
    key: 'activity-rehabilitation',
    category: 'everyday',
    sv: {
      name: 'Aktivitets- och rehabiliteringsteknik',
      description:
        'Till exempel motionscykel med film, spel och surfplattor som stöder rörelse, minne och gemenskap.',
    },
    en: {
      name: 'Activity and rehabilitation technology',
      description:
        'For example exercise bikes with film, games and tablets that support movement, memory and company.',
    },
  },
  {
    key: 'digital-reminders-calendar',
    category: 'everyday',
    sv: {
      name: 'Digital påminnelse och kalender',
      description:
        'Kalender och påminnelser som hjälper personen att hålla ordning på dagen, till exempel vid kognitiv svikt.',
    },
    en: {
      name: 'Digital reminders and calendar',
      description:
        'A calendar and reminders that help the person keep track of the day, for example with cognitive impairment.',
    },
  },
  {
    key: 'remote-health-monitoring',
    category: 'health',
    sv: {
      name: 'Egenmätning och distansövervakning',
      description:
        'Personen mäter till exempel blodtryck eller vikt hemma och värdena följs upp av vården på distans.',
    },
    en: {
      name: 'Self-measurement and remote monitoring',
      description:
        'The person measures, for example, blood pressure or weight at home and care staff follow the values remotely.',
    },
  },
  {
    key: 'stove-guard',
    category: 'safety',
    sv: {
      name: 'Spisvakt',
      description:
        'Stänger av spisen om den står på för länge eller blir för varm och minskar risken för brand.',
    },
    en: {
      name: 'Stove guard',
      description: 'Turns the stove off if it is on for too long or gets too hot, reducing the risk of fire.',
    },
  },
  {
    key: 'robotic-aids',
    category: 'everyday',
    sv: {
      name: 'Robotar och matningsstöd',
      description:
        'Till exempel äthjälpmedel, sällskapsrobotar och dammsugarrobotar som ger personen mer självständighet.',
    },
    en: {
      name: 'Robots and eating aids',
      description:
        'For example eating aids, companion robots and robot vacuum cleaners that give the person more independence.',
    },
  },
];
