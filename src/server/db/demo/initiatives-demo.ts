import { and, eq, inArray } from 'drizzle-orm';
import {
  type BenefitCalculation,
  calculateBenefit,
  type FundingSource,
  type IndicatorFeed,
  type InitiativePhase,
  type InitiativeStatus,
  phaseChecklists,
  type SupportNeedKey,
} from '../../../shared/contracts/initiatives.ts';
import type { Db } from '../client.ts';
import {
  actionPlanItems,
  actionPlans,
  benefitIndicators,
  benefitMeasurements,
  initiativeChecklistItems,
  initiativeFunding,
  initiativeHistory,
  initiativeMilestones,
  initiativeMunicipalities,
  initiativeRisks,
  initiativeSupportNeeds,
  initiatives,
  initiativeTechnologies,
  needEndorsements,
  needs,
  networks,
  organisations,
  programmes,
  technologies,
  users,
} from '../schema/index.ts';
import { DEMO_DOMAIN } from './demo-people.ts';
import { DALARNA_PROGRAMME } from './learning-demo.ts';
import { DALARNA_STEERING_GROUP } from './networks-demo.ts';

/** Days from now, as a timestamp at 09:00 UTC and as a date. */
const daysAgo = (n: number) => {
  const d = new Date(Date.now() - n * 86_400_000);
  d.setUTCHours(9, 0, 0, 0);
  return d;
};
const dayIso = (n: number) => daysAgo(n).toISOString().slice(0, 10);
const thisYear = new Date().getUTCFullYear();

interface DemoIndicator {
  name: string;
  type: 'avoided_cost' | 'time_saved' | 'quality' | 'work_environment';
  unit: string;
  direction: 'increase' | 'decrease';
  baseline: [value: number, daysAgo: number, method: string];
  target?: [value: number, daysFromNow: number];
  assumptions?: string;
  uncertainty?: 'low' | 'medium' | 'high';
  calculation?: BenefitCalculation;
  feed?: 'dalarna-programme';
  measurements: [daysAgo: number, value: number, note?: string][];
}

interface DemoInitiative {
  key: string;
  title: string;
  purpose: string;
  owner: string;
  responsible: string;
  /** Status and phase over time, oldest first: [days ago, status, phase]. */
  states: [number, InitiativeStatus, InitiativePhase][];
  municipalities?: string[];
  technologies?: string[];
  supportNeeds?: SupportNeedKey[];
  startsOn?: string;
  endsOn?: string;
  budgetSek?: number;
  /** Ticked checklist items: every item of these phases, plus single `phase/item` keys. */
  checked?: (InitiativePhase | `${InitiativePhase}/${string}`)[];
  milestones?: [title: string, dueDaysFromNow: number, done?: boolean][];
  risks?: [description: string, likelihood: number, impact: number, mitigation: string][];
  funding?: [
    source: FundingSource,
    year: number,
    applied: number,
    granted: number,
    used: number,
    note?: string,
  ][];
  indicators?: DemoIndicator[];
}

const FALUN = 'kommun:2080';
const BORLANGE = 'kommun:2081';
const DALARNA = 'region:20';

/** Invented initiatives in Dalarna, in different phases, with funding and benefit follow-up. */
const demoInitiatives: DemoInitiative[] = [
  {
    key: 'falun-nattillsyn',
    title: 'Digital nattillsyn i hemtjänsten',
    purpose:
      'Ersätta nattliga tillsynsbesök med digital tillsyn för de brukare som vill, så att de sover ostört och nattpatrullen får tid för dem som behöver besök.',
    owner: FALUN,
    responsible: 'Maria Sundin, verksamhetsutvecklare',
    states: [
      [300, 'idea', 'prepare'],
      [240, 'planned', 'insight'],
      [150, 'active', 'try_out'],
    ],
    municipalities: ['2080'],
    technologies: ['digital-night-supervision'],
    supportNeeds: ['upphandlingsstod'],
    startsOn: `${thisYear}-01-15`,
    endsOn: `${thisYear + 1}-06-30`,
    budgetSek: 650_000,
    checked: ['prepare', 'insight', 'try_out/testplan'],
    milestones: [
      ['Avrop från ramavtal klart', -120, true],
      ['Testperiod i Hemtjänsten Norr startar', -100, true],
      ['Utvärdering av testperioden', 30],
      ['Beslut om införande i hela hemtjänsten', 90],
    ],
    risks: [
      [
        'Brukare eller närstående tackar nej till kamera i hemmet',
        3,
        3,
        'Individuell information och samtycke; sensor som alternativ till kamera.',
      ],
      [
        'Uppkopplingen är för svag i glesbygden',
        2,
        4,
        'Mobilt bredband med extern antenn; test före installation.',
      ],
    ],
    funding: [
      ['stimulus', thisYear, 400_000, 400_000, 250_000, 'Statliga stimulansmedel för välfärdsteknik'],
      ['own', thisYear, 150_000, 150_000, 90_000],
    ],
    indicators: [
      {
        name: 'Arbetstid för nattliga tillsynsbesök',
        type: 'time_saved',
        unit: 'timmar/år',
        direction: 'decrease',
        baseline: [
          3_285,
          330,
          'Tidsstudie under två veckor i oktober, uppräknad till helår (9 minuter per besök inklusive restid).',
        ],
        calculation: { occurrencesPerYear: 9_855, minutesEach: 10, costPerHourSek: 420, oneOffHours: 120 },
        assumptions:
          'Ungefär 27 av nattens tillsynsbesök ersätts av digital tillsyn. Restiden minskar mest i glesbygden.',
        uncertainty: 'medium',
        measurements: [
          [240, 3_050, 'Första brukarna med digital tillsyn'],
          [150, 2_610],
          [60, 2_180],
        ],
      },
      {
        name: 'Andel brukare som sover ostört',
        type: 'quality',
        unit: '%',
        direction: 'increase',
        baseline: [62, 330, 'Brukarenkät till brukare med nattillsyn.'],
        target: [85, 220],
        uncertainty: 'high',
        measurements: [[120, 74]],
      },
    ],
  },
  {
    key: 'falun-lakemedel',
    title: 'Läkemedelsautomater för hemmaboende',
    purpose:
      'Ge brukare som klarar det stöd att ta sina läkemedel själva i rätt tid, och minska antalet besök för läkemedelsöverlämning.',
    owner: FALUN,
    responsible: 'Johan Lind, medicinskt ansvarig sjuksköterska',
    states: [
      [90, 'idea', 'prepare'],
      [40, 'planned', 'insight'],
    ],
    municipalities: ['2080'],
    technologies: ['medication-dispenser'],
    supportNeeds: ['upphandlingsstod', 'externa-aktorer'],
    startsOn: `${thisYear + 1}-01-01`,
    checked: ['prepare/behov-beskrivet', 'prepare/ansvar-utsett'],
    milestones: [['Nulägesanalys klar', 45]],
    funding: [['stimulus', thisYear + 1, 300_000, 0, 0, 'Ansökan inlämnad']],
  },
  {
    key: 'falun-las',
    title: 'Digitala lås i hela hemtjänsten',
    purpose: 'Ersätta fysiska nycklar med digitala lås så att ingen nyckel kan tappas bort eller kopieras.',
    owner: FALUN,
    responsible: 'Maria Sundin, verksamhetsutvecklare',
    states: [
      [700, 'active', 'implement'],
      [260, 'done', 'realise'],
    ],
    municipalities: ['2080'],
    technologies: ['digital-lock'],
    startsOn: `${thisYear - 2}-02-01`,
    endsOn: `${thisYear}-03-31`,
    budgetSek: 900_000,
    checked: ['prepare', 'insight', 'try_out', 'implement', 'realise/nytta-foljs-upp'],
    funding: [
      ['stimulus', thisYear - 1, 500_000, 500_000, 500_000],
      ['own', thisYear - 1, 400_000, 400_000, 380_000],
    ],
    indicators: [
      {
        name: 'Kostnad för nyckelhantering',
        type: 'avoided_cost',
        unit: 'kr/år',
        direction: 'decrease',
        baseline: [480_000, 720, 'Arbetstid för nyckelhämtning och nyckelskåp, ekonomisystemet.'],
        target: [120_000, 30],
        uncertainty: 'low',
        measurements: [
          [400, 310_000],
          [200, 150_000],
        ],
      },
    ],
  },
  {
    key: 'borlange-lakemedel',
    title: 'Läkemedelsrobotar i hemtjänsten',
    purpose: 'Pröva läkemedelsrobotar hos tio brukare och mäta följsamhet och antal besök.',
    owner: BORLANGE,
    responsible: 'Anders Ek, enhetschef',
    states: [
      [200, 'planned', 'insight'],
      [110, 'active', 'try_out'],
    ],
    municipalities: ['2081'],
    technologies: ['medication-dispenser'],
    supportNeeds: ['upphandlingsstod'],
    startsOn: `${thisYear}-04-01`,
    endsOn: `${thisYear + 1}-03-31`,
    budgetSek: 380_000,
    checked: ['prepare', 'insight/nulage'],
    milestones: [['Tio brukare har robot', -20, true]],
    funding: [['stimulus', thisYear, 250_000, 200_000, 120_000]],
    indicators: [
      {
        name: 'Besök för läkemedelsöverlämning per vecka',
        type: 'time_saved',
        unit: 'besök/vecka',
        direction: 'decrease',
        baseline: [140, 210, 'Planeringssystemet, medel för fyra veckor.'],
        target: [70, 150],
        measurements: [[50, 104]],
      },
    ],
  },
  {
    key: 'borlange-kompetens',
    title: 'Digital kompetens för omsorgspersonal',
    purpose: 'All personal i hemtjänst och särskilt boende går kursen Välfärdsteknik i vardagen.',
    owner: BORLANGE,
    responsible: 'Anders Ek, enhetschef',
    states: [
      [250, 'planned', 'prepare'],
      [180, 'active', 'implement'],
    ],
    municipalities: ['2081'],
    startsOn: `${thisYear}-02-01`,
    endsOn: `${thisYear + 1}-12-31`,
    checked: ['prepare', 'implement/nulagesanalys', 'implement/nyttokalkyl'],
    funding: [['esf', thisYear, 1_200_000, 1_050_000, 400_000, 'ESF, kompetensutveckling i välfärden']],
  },
  {
    key: 'borlange-kameror',
    title: 'Trygghetskameror på natten i särskilt boende',
    purpose: 'Pröva kameror för nattlig tillsyn på ett särskilt boende.',
    owner: BORLANGE,
    responsible: 'Anders Ek, enhetschef',
    states: [
      [160, 'planned', 'insight'],
      [45, 'paused', 'insight'],
    ],
    municipalities: ['2081'],
    technologies: ['digital-night-supervision'],
    risks: [
      [
        'Konsekvensbedömningen för dataskydd är inte klar',
        4,
        4,
        'Pausat tills dataskyddsombudet har yttrat sig.',
      ],
    ],
  },
  {
    key: 'dalarna-upphandling',
    title: 'Samordnad upphandling av digital nattillsyn',
    purpose: 'Ett gemensamt avrop för de kommuner i länet som vill införa digital nattillsyn.',
    owner: DALARNA,
    responsible: 'Lars Dahlberg, regional samordnare',
    states: [
      [210, 'planned', 'prepare'],
      [120, 'active', 'insight'],
    ],
    municipalities: ['2080', '2081', '2085', '2062'],
    technologies: ['digital-night-supervision'],
    supportNeeds: ['upphandlingsstod'],
    milestones: [['Behovsanalys från kommunerna', 20]],
  },
  {
    key: 'dalarna-ledarskap',
    title: 'Ledarskapsprogram: leda digital omställning',
    purpose: 'Chefer i länets kommuner går ledarskapsprogrammet och leder införandet i sina verksamheter.',
    owner: DALARNA,
    responsible: 'Lars Dahlberg, regional samordnare',
    states: [
      [280, 'planned', 'prepare'],
      [200, 'active', 'implement'],
    ],
    municipalities: ['2080', '2081'],
    supportNeeds: ['befintligt-stod'],
    checked: ['prepare', 'implement'],
    funding: [['esf', thisYear, 900_000, 900_000, 520_000]],
    indicators: [
      {
        name: 'Andel deltagare som slutfört programmet',
        type: 'work_environment',
        unit: '%',
        direction: 'increase',
        baseline: [0, 200, 'Programmet startade.'],
        target: [90, 200],
        feed: 'dalarna-programme',
        measurements: [],
      },
    ],
  },
  {
    key: 'dalarna-stimulans',
    title: 'Samordning av stimulansmedel för välfärdsteknik',
    purpose: 'Ett gemensamt underlag för hur länets kommuner använder statens stimulansmedel.',
    owner: DALARNA,
    responsible: 'Lars Dahlberg, regional samordnare',
    states: [[150, 'active', 'implement']],
    supportNeeds: ['stimulansmedel'],
  },
  {
    key: 'dalarna-wifi',
    title: 'Kartläggning av trådlösa nätverk i särskilda boenden',
    purpose: 'Vilka boenden saknar täckning, och vad kostar det att åtgärda?',
    owner: DALARNA,
    responsible: 'Lars Dahlberg, regional samordnare',
    states: [
      [260, 'active', 'insight'],
      [20, 'done', 'realise'],
    ],
    checked: ['insight'],
  },
  {
    key: 'dalarna-nyttomall',
    title: 'Regional mall för nyttovärdering',
    purpose: 'En gemensam mall för nyttokalkyl i kommunernas beslutsunderlag.',
    owner: DALARNA,
    responsible: 'Lars Dahlberg, regional samordnare',
    states: [[10, 'planned', 'prepare']],
    municipalities: ['2080', '2081', '2062'],
  },
];

/** A plan's list over time: [days ago, initiative keys in priority order, reason] — or a close. */
type PlanStep = [daysAgo: number, order: string[], reason: string];

const demoPlans: {
  title: string;
  owner: string;
  steering?: boolean;
  description: string;
  focusAreas: string[];
  createdDaysAgo: number;
  periodStart: string;
  periodEnd: string;
  steps: PlanStep[];
}[] = [
  {
    title: 'Rullande aktivitetsplan för välfärdsteknik i Dalarna',
    owner: DALARNA,
    steering: true,
    description:
      'Styrgruppens rullande plan: vad länet gör tillsammans nu, vad som kommer härnäst och vad som är avslutat.',
    focusAreas: ['Kartläggning och uppföljning', 'Kompetens', 'Upphandling och samverkan', 'Stimulansmedel'],
    createdDaysAgo: 290,
    periodStart: `${thisYear}-01-01`,
    periodEnd: `${thisYear + 1}-12-31`,
    steps: [
      [280, ['dalarna-ledarskap', 'dalarna-wifi'], 'Styrgruppens första plan'],
      [210, ['dalarna-ledarskap', 'dalarna-wifi', 'dalarna-upphandling'], 'Behov från kommunerna'],
      [
        150,
        ['dalarna-ledarskap', 'dalarna-upphandling', 'dalarna-wifi', 'dalarna-stimulans', 'falun-nattillsyn'],
        'Styrgruppsmöte i juni',
      ],
      [
        20,
        ['dalarna-upphandling', 'dalarna-ledarskap', 'dalarna-stimulans', 'falun-nattillsyn'],
        'Kartläggningen klar; upphandlingen först',
      ],
      [
        10,
        [
          'dalarna-upphandling',
          'dalarna-ledarskap',
          'dalarna-nyttomall',
          'dalarna-stimulans',
          'falun-nattillsyn',
        ],
        'Prioriterat från behovslistan',
      ],
    ],
  },
  {
    title: 'Handlingsplan för välfärdsteknik, Falu kommun',
    owner: FALUN,
    description: 'Vård- och omsorgsförvaltningens plan för välfärdsteknik.',
    focusAreas: ['Trygghet på natten', 'Läkemedel', 'Nycklar och lås'],
    createdDaysAgo: 320,
    periodStart: `${thisYear}-01-01`,
    periodEnd: `${thisYear}-12-31`,
    steps: [
      [300, ['falun-nattillsyn', 'falun-las'], 'Planen antagen'],
      [90, ['falun-nattillsyn', 'falun-lakemedel', 'falun-las'], 'Nytt behov från sjuksköterskorna'],
      [30, ['falun-nattillsyn', 'falun-lakemedel'], 'Digitala lås är införda'],
    ],
  },
  {
    title: 'Digitalisering i omsorgen, Borlänge 2026–2027',
    owner: BORLANGE,
    description: 'Omsorgsförvaltningens handlingsplan.',
    focusAreas: ['Kompetens', 'Läkemedel', 'Trygghet'],
    createdDaysAgo: 250,
    periodStart: `${thisYear}-01-01`,
    periodEnd: `${thisYear + 1}-12-31`,
    steps: [
      [250, ['borlange-kompetens'], 'Planen antagen'],
      [200, ['borlange-kompetens', 'borlange-lakemedel'], 'Ny insats'],
      [160, ['borlange-lakemedel', 'borlange-kompetens', 'borlange-kameror'], 'Läkemedel först'],
    ],
  },
];

const demoNeeds: {
  title: string;
  problem: string;
  affected: string;
  desiredOutcome: string;
  by: string;
  technology?: string;
  endorsedBy: [code: string, comment?: string][];
  daysAgo: number;
  prioritised?: [initiativeKey: string, note: string];
}[] = [
  {
    title: 'Gemensam mall för nyttovärdering',
    problem:
      'Varje kommun gör sin egen nyttokalkyl inför beslut om välfärdsteknik, och resultaten går inte att jämföra.',
    affected: 'Verksamhetsutvecklare och chefer som tar fram beslutsunderlag.',
    desiredOutcome: 'En mall som alla kommuner i länet använder.',
    by: '2080',
    endorsedBy: [['2081', 'Vi behöver den till läkemedelsrobotarna.'], ['2062']],
    daysAgo: 60,
    prioritised: ['dalarna-nyttomall', 'Styrgruppen prioriterade behovet i november.'],
  },
  {
    title: 'Stöd vid upphandling av läkemedelsautomater',
    problem: 'Flera kommuner ska upphandla läkemedelsautomater och saknar kunskap om kraven.',
    affected: 'Brukare som tar läkemedel själva, sjuksköterskor i hemsjukvården.',
    desiredOutcome: 'Gemensam kravspecifikation och ett samordnat avrop.',
    by: '2081',
    technology: 'medication-dispenser',
    endorsedBy: [['2080', 'Vi planerar samma sak till nästa år.'], ['2085']],
    daysAgo: 35,
  },
  {
    title: 'Introduktion i digitala lås för vikarier',
    problem: 'Sommarvikarier får ingen samlad introduktion i digitala lås och ringer in på natten.',
    affected: 'Vikarier i hemtjänsten och brukare som väntar.',
    desiredOutcome: 'En kort gemensam introduktion som alla kommuner kan använda.',
    by: '2085',
    technology: 'digital-lock',
    endorsedBy: [],
    daysAgo: 12,
  },
];

export async function loadInitiativesDemo(db: Db): Promise<void> {
  const orgRows = await db
    .select({ id: organisations.id, kind: organisations.kind, code: organisations.code })
    .from(organisations)
    .where(inArray(organisations.kind, ['region', 'municipality']));
  const org = (ref: string) => {
    const [kind, code] = ref.split(':');
    const row = orgRows.find(
      (o) => (kind === 'kommun' ? o.kind === 'municipality' : o.kind === 'region') && o.code === code,
    );
    if (!row) throw new Error(`Unknown demo organisation ${ref}`);
    return row.id;
  };
  const municipality = (code: string) => org(`kommun:${code}`);
  const techRows = await db.select({ id: technologies.id, key: technologies.key }).from(technologies);
  const technology = (key: string) => {
    const row = techRows.find((t) => t.key === key);
    if (!row) throw new Error(`Unknown technology ${key}`);
    return row.id;
  };
  const userId = async (local: string) =>
    (
      await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, `${local}@${DEMO_DOMAIN}`))
    )[0]?.id ?? null;
  const authors = new Map([
    [FALUN, await userId('samordnare.falun')],
    [BORLANGE, await userId('samordnare.borlange')],
    [DALARNA, await userId('region.dalarna')],
  ]);
  const [steering] = await db
    .select({ id: networks.id })
    .from(networks)
    .where(and(eq(networks.name, DALARNA_STEERING_GROUP), eq(networks.kind, 'steering_group')));
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.name, DALARNA_PROGRAMME));

  await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const d of demoInitiatives) {
      const by = authors.get(d.owner) ?? null;
      const [first] = d.states;
      const [lastDays, status, phase] = d.states.at(-1)!;
      const [row] = await tx
        .insert(initiatives)
        .values({
          title: d.title,
          purpose: d.purpose,
          ownerOrganisationId: org(d.owner),
          status,
          phase,
          responsibleName: d.responsible,
          startsOn: d.startsOn ?? null,
          endsOn: d.endsOn ?? null,
          budgetSek: d.budgetSek ?? null,
          createdBy: by,
          createdAt: daysAgo(first![0]),
          updatedAt: daysAgo(lastDays),
        })
        .returning({ id: initiatives.id });
      const id = row!.id;
      ids.set(d.key, id);
      await tx.insert(initiativeHistory).values(
        d.states.map(([days, s, p], i) => ({
          initiativeId: id,
          title: d.title,
          status: s,
          phase: p,
          validFrom: daysAgo(days),
          validTo: i + 1 < d.states.length ? daysAgo(d.states[i + 1]![0]) : null,
          changedBy: by,
        })),
      );
      if (d.municipalities?.length)
        await tx
          .insert(initiativeMunicipalities)
          .values(d.municipalities.map((c) => ({ initiativeId: id, municipalityId: municipality(c) })));
      if (d.technologies?.length)
        await tx
          .insert(initiativeTechnologies)
          .values(d.technologies.map((k) => ({ initiativeId: id, technologyId: technology(k) })));
      if (d.supportNeeds?.length)
        await tx
          .insert(initiativeSupportNeeds)
          .values(d.supportNeeds.map((needKey) => ({ initiativeId: id, needKey })));
      const ticked = (d.checked ?? []).flatMap((c) =>
        c.includes('/')
          ? [c.split('/') as [InitiativePhase, string]]
          : phaseChecklists[c as InitiativePhase].map((item) => [c as InitiativePhase, item.key] as const),
      );
      if (ticked.length)
        await tx.insert(initiativeChecklistItems).values(
          ticked.map(([phase, itemKey]) => ({
            initiativeId: id,
            phase,
            itemKey,
            done: true,
            updatedBy: by,
            updatedAt: daysAgo(lastDays),
          })),
        );
      if (d.milestones?.length)
        await tx.insert(initiativeMilestones).values(
          d.milestones.map(([title, due, done]) => ({
            initiativeId: id,
            title,
            dueOn: dayIso(-due),
            doneOn: done ? dayIso(-due) : null,
          })),
        );
      if (d.risks?.length)
        await tx.insert(initiativeRisks).values(
          d.risks.map(([description, likelihood, impact, mitigation]) => ({
            initiativeId: id,
            description,
            likelihood,
            impact,
            mitigation,
          })),
        );
      if (d.funding?.length)
        await tx.insert(initiativeFunding).values(
          d.funding.map(([source, year, appliedSek, grantedSek, usedSek, note]) => ({
            initiativeId: id,
            source,
            year,
            appliedSek,
            grantedSek,
            usedSek,
            note: note ?? null,
          })),
        );
      for (const ind of d.indicators ?? []) {
        const [baselineValue, baselineDays, baselineMethod] = ind.baseline;
        const calculated = ind.calculation ? calculateBenefit(ind.calculation) : null;
        const feed: IndicatorFeed | null =
          ind.feed && programme ? { kind: 'programme_completion', programmeId: programme.id } : null;
        const targetValue = ind.target?.[0] ?? (calculated ? baselineValue - calculated.hoursPerYear : null);
        const [indicator] = await tx
          .insert(benefitIndicators)
          .values({
            initiativeId: id,
            name: ind.name,
            type: ind.type,
            unit: ind.unit,
            direction: ind.direction,
            baselineValue,
            baselineOn: dayIso(baselineDays),
            baselineMethod,
            targetValue,
            targetOn: ind.target ? dayIso(-ind.target[1]) : (d.endsOn ?? null),
            assumptions: ind.assumptions ?? null,
            uncertainty: ind.uncertainty ?? null,
            calculation: ind.calculation ?? null,
            feed,
            createdBy: by,
          })
          .returning({ id: benefitIndicators.id });
        if (ind.measurements.length)
          await tx.insert(benefitMeasurements).values(
            ind.measurements.map(([days, value, note]) => ({
              indicatorId: indicator!.id,
              measuredOn: dayIso(days),
              value,
              note: note ?? null,
              createdBy: by,
            })),
          );
      }
    }

    for (const p of demoPlans) {
      const by = authors.get(p.owner) ?? null;
      const [plan] = await tx
        .insert(actionPlans)
        .values({
          title: p.title,
          description: p.description,
          ownerOrganisationId: org(p.owner),
          steeringGroupId: p.steering ? (steering?.id ?? null) : null,
          periodStart: p.periodStart,
          periodEnd: p.periodEnd,
          focusAreas: p.focusAreas,
          createdBy: by,
          createdAt: daysAgo(p.createdDaysAgo),
        })
        .returning({ id: actionPlans.id });
      // Each step is the whole list at that moment: rows whose priority changed end and start again.
      let current = new Map<string, { id: string; priority: number }>();
      for (const [days, order, reason] of p.steps) {
        const at = daysAgo(days);
        const next = new Map<string, { id: string; priority: number }>();
        for (const [key, row] of current) {
          const priority = order.indexOf(key) + 1;
          if (priority === row.priority) next.set(key, row);
          else await tx.update(actionPlanItems).set({ validTo: at }).where(eq(actionPlanItems.id, row.id));
        }
        for (const [i, key] of order.entries()) {
          if (next.has(key)) continue;
          const [item] = await tx
            .insert(actionPlanItems)
            .values({
              planId: plan!.id,
              initiativeId: ids.get(key)!,
              priority: i + 1,
              validFrom: at,
              reason,
              changedBy: by,
            })
            .returning({ id: actionPlanItems.id });
          next.set(key, { id: item!.id, priority: i + 1 });
        }
        current = next;
      }
    }

    for (const n of demoNeeds) {
      const proposer = municipality(n.by);
      const [regionRow] = await tx
        .select({ regionId: organisations.parentId })
        .from(organisations)
        .where(eq(organisations.id, proposer));
      const prioritisedAs = n.prioritised ? ids.get(n.prioritised[0])! : null;
      const [need] = await tx
        .insert(needs)
        .values({
          title: n.title,
          problem: n.problem,
          affected: n.affected,
          desiredOutcome: n.desiredOutcome,
          technologyId: n.technology ? technology(n.technology) : null,
          proposedByOrganisationId: proposer,
          regionId: regionRow!.regionId!,
          status: prioritisedAs ? 'prioritised' : 'proposed',
          decisionNote: n.prioritised?.[1] ?? null,
          initiativeId: prioritisedAs,
          decidedBy: prioritisedAs ? authors.get(DALARNA) : null,
          decidedAt: prioritisedAs ? daysAgo(10) : null,
          createdBy: n.by === '2080' ? authors.get(FALUN) : n.by === '2081' ? authors.get(BORLANGE) : null,
          createdAt: daysAgo(n.daysAgo),
        })
        .returning({ id: needs.id });
      if (n.endorsedBy.length)
        await tx.insert(needEndorsements).values(
          n.endorsedBy.map(([code, comment], i) => ({
            needId: need!.id,
            municipalityId: municipality(code),
            comment: comment ?? null,
            endorsedBy: code === '2080' ? authors.get(FALUN) : code === '2081' ? authors.get(BORLANGE) : null,
            endorsedAt: daysAgo(n.daysAgo - 2 - i),
          })),
        );
    }
  });
}
