import type { Localised, Question, Section, TemplateContent } from '../../../shared/contracts/assessments.ts';

/**
 * The default national template "Förutsättningar för välfärdsteknik", written by us in plain Swedish
 * with English alongside. Four problem areas with level questions (1–5, a descriptor for every level)
 * and a support-needs section the region reads when it plans its support. Frozen as version 1 at
 * bootstrap; later revisions are published through the API so that rounds already run keep theirs.
 */
export const DEFAULT_TEMPLATE_KEY = 'forutsattningar-valfardsteknik';

const l = (sv: string, en: string): Localised => ({ sv, en });
type Pair = readonly [string, string];

const level = (key: string, text: Pair, levels: readonly Pair[], help?: Pair): Question => ({
  key,
  type: 'level',
  text: l(...text),
  ...(help ? { help: l(...help) } : {}),
  levels: levels.map((p) => l(...p)),
  scored: true,
});

const section = (key: string, area: Section['area'], title: Pair, intro: Pair, questions: Question[]) => ({
  key,
  area,
  title: l(...title),
  intro: l(...intro),
  questions,
});

const governance = section(
  'styrning',
  'governance',
  ['Styrning och ledning', 'Governance and leadership'],
  [
    'Hur välfärdstekniken styrs, beslutas och följs upp i kommunen.',
    'How welfare technology is steered, decided on and followed up in the municipality.',
  ],
  [
    level(
      'strategi',
      [
        'Har kommunen en aktuell strategi för välfärdsteknik?',
        'Does the municipality have a current strategy for welfare technology?',
      ],
      [
        ['Det finns ingen strategi.', 'There is no strategy.'],
        ['En strategi diskuteras men är inte skriven.', 'A strategy is being discussed but is not written.'],
        [
          'En strategi finns men är gammal eller okänd för de flesta.',
          'A strategy exists but is out of date or unknown to most.',
        ],
        [
          'En aktuell strategi är beslutad och känd bland chefer.',
          'A current strategy is adopted and known among managers.',
        ],
        [
          'Strategin är aktuell, används i det dagliga arbetet och revideras regelbundet.',
          'The strategy is current, used in daily work and revised regularly.',
        ],
      ],
    ),
    level(
      'handlingsplan',
      [
        'Finns en handlingsplan med åtgärder, ansvar och tidplan?',
        'Is there an action plan with measures, owners and a timetable?',
      ],
      [
        ['Ingen handlingsplan finns.', 'There is no action plan.'],
        [
          'Enstaka åtgärder är planerade, utan samlad plan.',
          'A few measures are planned, without an overall plan.',
        ],
        ['En plan finns men saknar ansvar eller tidplan.', 'A plan exists but lacks owners or a timetable.'],
        [
          'En plan med ansvar och tidplan finns och följs delvis.',
          'A plan with owners and a timetable exists and is partly followed.',
        ],
        [
          'Planen följs, uppdateras varje år och är kopplad till budget.',
          'The plan is followed, updated every year and tied to the budget.',
        ],
      ],
    ),
    level(
      'beslutsmandat',
      [
        'Är det tydligt vem som får fatta beslut om att införa ny välfärdsteknik?',
        'Is it clear who may decide to introduce new welfare technology?',
      ],
      [
        ['Ingen vet vem som beslutar.', 'Nobody knows who decides.'],
        ['Besluten fattas från fall till fall.', 'Decisions are made case by case.'],
        ['Mandatet finns men är oklart i praktiken.', 'The mandate exists but is unclear in practice.'],
        ['Mandatet är beskrivet och används oftast.', 'The mandate is described and is usually used.'],
        [
          'Mandatet är tydligt, känt av alla berörda och används alltid.',
          'The mandate is clear, known to everyone concerned and always used.',
        ],
      ],
    ),
    level(
      'uppfoljning',
      [
        'Följs välfärdstekniken upp i det ordinarie lednings- och kvalitetssystemet?',
        'Is welfare technology followed up in the ordinary management and quality system?',
      ],
      [
        ['Ingen uppföljning görs.', 'No follow-up is done.'],
        ['Uppföljning görs ibland, i enskilda projekt.', 'Follow-up is done sometimes, in single projects.'],
        [
          'Uppföljning görs men utanför ledningssystemet.',
          'Follow-up is done, but outside the management system.',
        ],
        [
          'Välfärdstekniken ingår i ledningssystemet med några mått.',
          'Welfare technology is part of the management system with a few measures.',
        ],
        [
          'Mått följs upp regelbundet och leder till beslut om förbättringar.',
          'Measures are followed up regularly and lead to decisions on improvements.',
        ],
      ],
    ),
    level(
      'politisk-forankring',
      [
        'Är arbetet med välfärdsteknik förankrat hos den politiska ledningen?',
        'Is the work with welfare technology anchored with the political leadership?',
      ],
      [
        ['Politikerna känner inte till arbetet.', 'The politicians do not know about the work.'],
        ['Politikerna informeras ibland.', 'The politicians are informed now and then.'],
        [
          'Politikerna stöder arbetet men utan beslut eller mål.',
          'The politicians support the work but without decisions or goals.',
        ],
        ['Det finns politiska mål för välfärdsteknik.', 'There are political goals for welfare technology.'],
        [
          'Målen följs upp av nämnden och påverkar budgeten.',
          'The goals are followed up by the board and shape the budget.',
        ],
      ],
    ),
  ],
);

const resources = section(
  'resurser',
  'resources',
  ['Resurser', 'Resources'],
  [
    'Pengar, tid och teknisk grund för att införa och förvalta välfärdsteknik.',
    'Money, time and the technical foundation for introducing and running welfare technology.',
  ],
  [
    level(
      'budget',
      [
        'Finns budget för välfärdsteknik utöver projektpengar?',
        'Is there a budget for welfare technology beyond project money?',
      ],
      [
        ['Nej, allt finansieras med tillfälliga medel.', 'No, everything is funded with temporary money.'],
        ['Enstaka kostnader finns i ordinarie budget.', 'Some costs are in the ordinary budget.'],
        ['Drift finns i budget, men inte utveckling.', 'Operation is in the budget, but not development.'],
        [
          'Både drift och viss utveckling finns i ordinarie budget.',
          'Both operation and some development are in the ordinary budget.',
        ],
        [
          'En långsiktig budget finns för drift, utveckling och uppskalning.',
          'A long-term budget covers operation, development and scaling up.',
        ],
      ],
    ),
    level(
      'tid-for-utveckling',
      [
        'Har medarbetare och chefer tid avsatt för utveckling?',
        'Do staff and managers have time set aside for development?',
      ],
      [
        ['Ingen tid är avsatt.', 'No time is set aside.'],
        [
          'Utveckling görs på övertid eller i mån av tid.',
          'Development is done on overtime or when time allows.',
        ],
        ['Tid avsätts i enskilda projekt.', 'Time is set aside in single projects.'],
        ['Tid är avsatt för nyckelpersoner.', 'Time is set aside for key people.'],
        [
          'Tid för utveckling är planerad i alla berörda verksamheter.',
          'Time for development is planned in all services concerned.',
        ],
      ],
    ),
    level(
      'it-infrastruktur',
      [
        'Räcker IT-infrastrukturen för välfärdsteknik?',
        'Is the IT infrastructure sufficient for welfare technology?',
      ],
      [
        ['Infrastrukturen hindrar de flesta lösningar.', 'The infrastructure blocks most solutions.'],
        ['Stora brister gör införanden svåra.', 'Major gaps make introductions difficult.'],
        ['Infrastrukturen fungerar för några lösningar.', 'The infrastructure works for some solutions.'],
        ['Infrastrukturen fungerar för de flesta lösningar.', 'The infrastructure works for most solutions.'],
        [
          'Infrastrukturen är planerad för välfärdsteknik och har stabil drift.',
          'The infrastructure is planned for welfare technology and runs reliably.',
        ],
      ],
    ),
    level(
      'wifi',
      ['Finns trådlöst nätverk i vård- och omsorgsmiljöerna?', 'Is there Wi-Fi in the care settings?'],
      [
        ['Nej, inte i någon verksamhet.', 'No, not in any service.'],
        ['I några enstaka lokaler.', 'In a few premises.'],
        ['I ungefär hälften av verksamheterna.', 'In about half of the services.'],
        [
          'I de flesta verksamheter, med vissa täckningsbrister.',
          'In most services, with some gaps in coverage.',
        ],
        [
          'I alla verksamheter, med god täckning även i boendenas lägenheter.',
          'In all services, with good coverage also in residents’ flats.',
        ],
      ],
    ),
    level(
      'forvaltning',
      [
        'Finns en organisation för teknisk förvaltning och support?',
        'Is there an organisation for technical maintenance and support?',
      ],
      [
        ['Ingen ansvarar för förvaltning.', 'Nobody is responsible for maintenance.'],
        ['Personalen löser problem själva.', 'Staff solve problems themselves.'],
        ['Support finns dagtid men är otydlig.', 'Support exists in the daytime but is unclear.'],
        ['Tydlig support finns för de flesta lösningar.', 'Clear support exists for most solutions.'],
        [
          'Förvaltning och support dygnet runt är beskrivna och fungerar.',
          'Round-the-clock maintenance and support are described and work.',
        ],
      ],
    ),
  ],
);

const competence = section(
  'kompetens',
  'competence',
  ['Kompetens', 'Competence'],
  [
    'Kunskap hos medarbetare och chefer om att använda välfärdsteknik och leda förändring.',
    'Knowledge among staff and managers of using welfare technology and leading change.',
  ],
  [
    level(
      'utbildningsplan',
      [
        'Finns en plan för att utbilda personalen i välfärdsteknik?',
        'Is there a plan for training staff in welfare technology?',
      ],
      [
        ['Ingen utbildning erbjuds.', 'No training is offered.'],
        ['Utbildning ges vid enstaka införanden.', 'Training is given at single introductions.'],
        ['En plan finns men når inte alla.', 'A plan exists but does not reach everyone.'],
        [
          'En plan finns och de flesta har fått utbildning.',
          'A plan exists and most staff have been trained.',
        ],
        [
          'Alla får utbildning, även nyanställda och vikarier, och den följs upp.',
          'Everyone is trained, including new staff and temps, and it is followed up.',
        ],
      ],
    ),
    level(
      'digitala-ombud',
      [
        'Finns digitala ombud eller motsvarande stödpersoner i verksamheterna?',
        'Are there digital champions or similar support people in the services?',
      ],
      [
        ['Nej.', 'No.'],
        ['Några eldsjälar hjälper till informellt.', 'A few enthusiasts help informally.'],
        ['Ombud finns i några verksamheter.', 'Champions exist in some services.'],
        [
          'Ombud finns i de flesta verksamheter med avsatt tid.',
          'Champions exist in most services with time set aside.',
        ],
        [
          'Ombud finns överallt, har nätverk och får fortbildning.',
          'Champions are everywhere, have a network and receive further training.',
        ],
      ],
    ),
    level(
      'chefers-kompetens',
      [
        'Har cheferna kompetens att leda förändring med välfärdsteknik?',
        'Do managers have the competence to lead change with welfare technology?',
      ],
      [
        ['Nej, ingen satsning har gjorts.', 'No, no effort has been made.'],
        ['Några chefer har gått enstaka utbildningar.', 'A few managers have attended single courses.'],
        ['Ungefär hälften av cheferna har fått stöd.', 'About half of the managers have had support.'],
        ['De flesta chefer har utbildning och stöd.', 'Most managers have training and support.'],
        [
          'Alla chefer har kompetensen och leder förändringen aktivt.',
          'All managers have the competence and actively lead the change.',
        ],
      ],
    ),
    level(
      'digital-vana',
      [
        'Hur trygga är medarbetarna med digitala verktyg i arbetet?',
        'How confident are staff with digital tools at work?',
      ],
      [
        ['De flesta känner sig otrygga.', 'Most feel unsure.'],
        ['Många behöver mycket stöd.', 'Many need a lot of support.'],
        ['Ungefär hälften känner sig trygga.', 'About half feel confident.'],
        ['De flesta känner sig trygga.', 'Most feel confident.'],
        ['Nästan alla är trygga och hjälper varandra.', 'Almost everyone is confident and helps each other.'],
      ],
    ),
    level(
      'behovsbedomning',
      [
        'Kan biståndshandläggarna pröva välfärdsteknik i sina bedömningar?',
        'Can needs assessors consider welfare technology in their assessments?',
      ],
      [
        ['Nej, tekniken ingår inte i bedömningarna.', 'No, technology is not part of the assessments.'],
        ['Ibland, beroende på handläggare.', 'Sometimes, depending on the assessor.'],
        ['Det finns rutiner men de används sällan.', 'Routines exist but are rarely used.'],
        ['Rutiner finns och används oftast.', 'Routines exist and are usually used.'],
        [
          'Välfärdsteknik prövas alltid först och följs upp.',
          'Welfare technology is always considered first and followed up.',
        ],
      ],
    ),
  ],
);

const organisation = section(
  'organisering',
  'organisation',
  ['Organisering och samverkan', 'Organisation and cooperation'],
  [
    'Vem som äger frågan och hur vård och omsorg, IT, upphandling och brukare arbetar tillsammans.',
    'Who owns the question and how care, IT, procurement and users work together.',
  ],
  [
    level(
      'agarskap',
      [
        'Är det tydligt vem som äger välfärdstekniken i kommunen?',
        'Is it clear who owns welfare technology in the municipality?',
      ],
      [
        ['Ingen äger frågan.', 'Nobody owns the question.'],
        ['Ägarskapet är delat och oklart.', 'Ownership is shared and unclear.'],
        [
          'En person driver frågan utan formellt uppdrag.',
          'One person drives the question without a formal remit.',
        ],
        [
          'En funktion har uppdraget men begränsade resurser.',
          'A function has the remit but limited resources.',
        ],
        [
          'Ägarskapet är tydligt, bemannat och känt i hela organisationen.',
          'Ownership is clear, staffed and known throughout the organisation.',
        ],
      ],
    ),
    level(
      'samverkan-it',
      [
        'Hur fungerar samarbetet mellan vård och omsorg och IT?',
        'How well do care services and IT work together?',
      ],
      [
        ['Vi arbetar var för sig.', 'We work separately.'],
        ['Kontakt tas först när något går fel.', 'Contact is made only when something goes wrong.'],
        ['Vi samarbetar i enskilda projekt.', 'We cooperate in single projects.'],
        ['Vi har återkommande möten och gemensam planering.', 'We have regular meetings and plan together.'],
        [
          'Vi har gemensamma mål, forum och ansvarsfördelning.',
          'We share goals, forums and a clear division of responsibility.',
        ],
      ],
    ),
    level(
      'samverkan-upphandling',
      [
        'Är upphandlingsfunktionen med tidigt när välfärdsteknik ska köpas in?',
        'Is procurement involved early when welfare technology is bought?',
      ],
      [
        ['Nej, upphandling kommer in sent eller inte alls.', 'No, procurement comes in late or not at all.'],
        ['Ibland, beroende på person.', 'Sometimes, depending on the person.'],
        ['Oftast, men utan gemensam arbetsgång.', 'Usually, but without a shared process.'],
        ['Ja, enligt en gemensam arbetsgång.', 'Yes, following a shared process.'],
        ['Ja, och vi planerar kommande behov tillsammans.', 'Yes, and we plan future needs together.'],
      ],
    ),
    level(
      'brukarmedverkan',
      [
        'Är brukare och anhöriga med när välfärdstekniken utvecklas?',
        'Are users and families involved when welfare technology is developed?',
      ],
      [
        ['Nej.', 'No.'],
        ['De informeras när beslut redan är fattade.', 'They are informed once decisions are made.'],
        ['De tillfrågas ibland.', 'They are asked now and then.'],
        ['De deltar i de flesta införanden.', 'They take part in most introductions.'],
        [
          'De är med från behov till uppföljning, med fasta former.',
          'They take part from needs to follow-up, in established ways.',
        ],
      ],
    ),
    level(
      'spridning',
      [
        'Sprids lösningar som fungerar till fler verksamheter?',
        'Are solutions that work spread to more services?',
      ],
      [
        ['Nej, pilotprojekt avslutas utan spridning.', 'No, pilots end without being spread.'],
        ['Ibland, men utan plan.', 'Sometimes, but without a plan.'],
        ['Ofta, men det tar lång tid.', 'Often, but it takes a long time.'],
        ['Ja, enligt en plan för uppskalning.', 'Yes, following a plan for scaling up.'],
        [
          'Ja, och vi delar erfarenheter med andra kommuner.',
          'Yes, and we share our experience with other municipalities.',
        ],
      ],
    ),
  ],
);

/** The four support needs named in the issue, as options of the ranking and one importance question each. */
const supportNeeds = [
  ['befintligt-stod', 'Förstärkt befintligt stöd', 'Strengthening existing support'],
  ['externa-aktorer', 'Stöd i kontakter med externa aktörer', 'Support in contacts with external actors'],
  ['upphandlingsstod', 'Upphandlingsstöd', 'Procurement support'],
  ['stimulansmedel', 'Samordning av stimulansmedel', 'Coordination of stimulus funds'],
] as const;

const importanceLevels: Pair[] = [
  ['Inget behov', 'No need'],
  ['Litet behov', 'Small need'],
  ['Visst behov', 'Some need'],
  ['Stort behov', 'Large need'],
  ['Mycket stort behov', 'Very large need'],
];

const support = section(
  'stodbehov',
  'support',
  ['Behov av stöd från regionen', 'Support needed from the region'],
  [
    'Bedöm hur viktigt varje stöd är för er, rangordna dem och beskriv vad ni önskar.',
    'Rate how important each kind of support is to you, rank them and describe what you would like.',
  ],
  [
    ...supportNeeds.map(
      ([key, sv, en]): Question => ({
        key: `behov-${key}`,
        type: 'level',
        text: l(
          `Hur stort är behovet av: ${sv.toLowerCase()}?`,
          `How great is the need for: ${en.toLowerCase()}?`,
        ),
        levels: importanceLevels.map((p) => l(...p)),
        scored: false,
      }),
    ),
    {
      key: 'rangordning-stod',
      type: 'ranking',
      text: l(
        'Rangordna de fyra stödbehoven, viktigast först.',
        'Rank the four support needs, most important first.',
      ),
      options: supportNeeds.map(([key, sv, en]) => ({ key, label: l(sv, en) })),
      scored: false,
    },
    {
      key: 'onskemal-region',
      type: 'text',
      text: l('Vad skulle ni vilja ha från regionen?', 'What would you want from the region?'),
      maxLength: 2000,
      scored: false,
    },
  ],
);

export const defaultTemplateContent: TemplateContent = {
  name: l('Förutsättningar för välfärdsteknik', 'Conditions for welfare technology'),
  description: l(
    'En självskattning av kommunens förutsättningar inom styrning, resurser, kompetens och organisering, och vilket stöd kommunen behöver från regionen.',
    'A self-assessment of the municipality’s conditions in governance, resources, competence and organisation, and the support it needs from the region.',
  ),
  sections: [governance, resources, competence, organisation, support],
};
