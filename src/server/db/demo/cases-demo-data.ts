/**
 * Knowledge-bank cases for the demo (issue 8). Every text is invented and says so ("Demoexempel");
 * the contact people are invented too, with addresses on the demo domain. Five model municipalities
 * have published cases — two on digital night supervision with consenting contacts, one without
 * consent — Borlänge has a case waiting for Region Dalarna's review and Falun a draft.
 */
export interface DemoCase {
  code: string;
  status: 'published' | 'submitted' | 'draft';
  title: string;
  summary: string;
  context: string;
  sizeBand: string;
  serviceArea: string;
  phaseReached: string;
  whatWasDone: string;
  results: string;
  lessons: string;
  costs: string;
  costSek: number | null;
  technologies: string[];
  contact?: { name: string; title: string; local: string; phone: string | null; consent: boolean };
  /** Days since publication (published cases). */
  publishedDaysAgo?: number;
  /** Initiative title whose indicators the case links, by their names. */
  initiative?: { title: string; indicators: string[] };
  /** Adoption in operation since (year-month-day) for the case's technologies, where mapping lacks it. */
  inOperationSince?: string;
  usersServed?: number;
}

const DEMO = 'Demoexempel – påhittat innehåll för att visa kunskapsbanken.';

export const demoCases: DemoCase[] = [
  {
    code: '2482',
    status: 'published',
    title: 'Digital nattillsyn i hela hemtjänsten i Skellefteå',
    summary: `${DEMO} Kommunen gick från nattliga tillsynsbesök till digital nattillsyn med kamera för brukare som vill, och lät nattpatrullen lägga tiden på dem som behöver besök.`,
    context: 'Stor kommun med långa avstånd; hemtjänst i egen regi med tre nattpatruller.',
    sizeBand: '50k_100k',
    serviceArea: 'home_care',
    phaseReached: 'realise',
    whatWasDone:
      'Nulägesanalys av nattens besök, test i ett område under tre månader, upphandling via ramavtal, information till brukare och anhöriga, samtycke individuellt och utbildning av nattpersonalen.',
    results:
      'Färre väckta brukare och ungefär en femtedel av nattpatrullens körtid frigjord. Brukarna upplever nattillsynen som tryggare.',
    lessons:
      'Börja med dem som själva vill. Testa uppkopplingen före installation i glesbygden. Nattpersonalen måste vara med från start.',
    costs: 'Kameror och licenser inom ramavtal; egen tid för projektledning och utbildning.',
    costSek: 850_000,
    technologies: ['digital-night-supervision'],
    contact: {
      name: 'Ingrid Lindqvist',
      title: 'Verksamhetsutvecklare, äldreomsorgen (påhittad person)',
      local: 'ingrid.lindqvist.skelleftea',
      phone: '070-000 00 01',
      consent: true,
    },
    publishedDaysAgo: 40,
    inOperationSince: '2021-03-01',
    usersServed: 210,
  },
  {
    code: '0880',
    status: 'published',
    title: 'Nattillsyn med kamera och sensorer i Kalmar',
    summary: `${DEMO} Digital nattillsyn infördes steg för steg i hemtjänsten, med sensorer som alternativ för den som inte vill ha kamera.`,
    context: 'Mellanstor kommun; hemtjänst i egen regi och hos två privata utförare.',
    sizeBand: '50k_100k',
    serviceArea: 'both',
    phaseReached: 'implement',
    whatWasDone:
      'Gemensam rutin för beslut om digital nattillsyn, införande område för område, uppföljning varje kvartal av antal brukare och besök.',
    results: 'Omkring 150 brukare har digital nattillsyn; nattliga besök har minskat med en tredjedel.',
    lessons: 'Biståndshandläggarna behöver vara med tidigt så att besluten formuleras rätt.',
    costs: 'Investering i utrustning och en halvtidstjänst för införandet under ett år.',
    costSek: 1_200_000,
    technologies: ['digital-night-supervision', 'sensors-fall-detection'],
    contact: {
      name: 'Mikael Fors',
      title: 'Samordnare för välfärdsteknik (påhittad person)',
      local: 'mikael.fors.kalmar',
      phone: null,
      consent: true,
    },
    publishedDaysAgo: 25,
    inOperationSince: '2022-09-01',
    usersServed: 150,
  },
  {
    code: '1490',
    status: 'published',
    title: 'Digital nattillsyn på särskilt boende i Borås',
    summary: `${DEMO} Ett särskilt boende prövade digital nattillsyn för att minska störande dörröppningar nattetid.`,
    context: 'Stor kommun; ett vård- och omsorgsboende med 60 lägenheter deltog.',
    sizeBand: 'gt100k',
    serviceArea: 'residential',
    phaseReached: 'try_out',
    whatWasDone: 'Test under fyra månader med utvärdering tillsammans med anhöriga och personal.',
    results: 'Färre nattliga störningar; personalen vill fortsätta.',
    lessons: 'Tydlig rutin för när kameran används är avgörande för förtroendet.',
    costs: 'Hyrd utrustning under testet.',
    costSek: null,
    technologies: ['digital-night-supervision'],
    // The contact person did not agree to be shown: nobody beyond authors and reviewers sees the name.
    contact: {
      name: 'Eva Nordin',
      title: 'Enhetschef (påhittad person)',
      local: 'eva.nordin.boras',
      phone: null,
      consent: false,
    },
    publishedDaysAgo: 60,
    inOperationSince: '2023-05-01',
    usersServed: 45,
  },
  {
    code: '2282',
    status: 'published',
    title: 'Läkemedelsautomater i glesbygd i Kramfors',
    summary: `${DEMO} Läkemedelsautomater hos brukare i hemtjänsten minskade antalet besök som bara gällde läkemedel.`,
    context: 'Liten kommun med långa körsträckor.',
    sizeBand: '10k_20k',
    serviceArea: 'home_care',
    phaseReached: 'implement',
    whatWasDone: 'Samarbete med regionens läkemedelsenhet, rutin för påfyllning och larm vid missad dos.',
    results: 'Besöken för läkemedel halverades för de brukare som fick automat.',
    lessons: 'Farmaceut och sjuksköterska behöver äga rutinen tillsammans.',
    costs: 'Månadshyra per automat.',
    costSek: 300_000,
    technologies: ['medication-dispenser'],
    contact: {
      name: 'Anders Sjöberg',
      title: 'Kommunsamordnare (påhittad person)',
      local: 'samordnare.kramfors',
      phone: null,
      consent: true,
    },
    // No mapping record: Kramfors's survey is left for its coordinator (the mapping demo shows a blank).
    publishedDaysAgo: 80,
  },
  {
    code: '0484',
    status: 'published',
    title: 'Från analoga till digitala trygghetslarm i Eskilstuna',
    summary: `${DEMO} Bytet till digitala trygghetslarm planerades ihop med larmcentralen och gjordes på ett halvår.`,
    context: 'Stor kommun; larmmottagning i egen regi.',
    sizeBand: '50k_100k',
    serviceArea: 'home_care',
    phaseReached: 'realise',
    whatWasDone: 'Inventering av alla larm, utbyte område för område och test av varje larm efter byte.',
    results: 'Inga larm förlorade vid bytet; färre tekniska fel efteråt.',
    lessons: 'Räkna med tid för brukare utan fast telefoni eller bredband.',
    costs: 'Inom ordinarie budget för trygghetslarm.',
    costSek: null,
    technologies: ['digital-safety-alarm'],
    publishedDaysAgo: 120,
    inOperationSince: '2019-01-01',
  },
  {
    code: '2081',
    status: 'submitted',
    title: 'Läkemedelsrobotar hos tio brukare i Borlänge',
    summary: `${DEMO} Borlänge prövade läkemedelsrobotar i hemtjänsten och mätte följsamhet och antal besök.`,
    context: 'Mellanstor kommun i Dalarna; hemtjänstgruppen Tjärna Ängar deltog.',
    sizeBand: '50k_100k',
    serviceArea: 'home_care',
    phaseReached: 'try_out',
    whatWasDone: 'Tio brukare fick robot; sjuksköterskor och hemtjänst följde upp varje vecka.',
    results: 'Besöken för läkemedelsöverlämning minskade tydligt under testet.',
    lessons: 'Välj brukare tillsammans med sjuksköterskan, inte bara efter antal besök.',
    costs: 'Stimulansmedel och egen tid.',
    costSek: 250_000,
    technologies: ['medication-dispenser'],
    contact: {
      name: 'Johan Berglund',
      title: 'Kommunsamordnare (påhittad person)',
      local: 'samordnare.borlange',
      phone: null,
      consent: true,
    },
    initiative: {
      title: 'Läkemedelsrobotar i hemtjänsten',
      indicators: ['Besök för läkemedelsöverlämning per vecka'],
    },
  },
  {
    code: '2080',
    status: 'draft',
    title: 'Digital nattillsyn i Hemtjänsten Norr, Falun',
    summary: `${DEMO} Falun berättar om testperioden med digital nattillsyn i Hemtjänsten Norr.`,
    context: 'Mellanstor kommun i Dalarna.',
    sizeBand: '50k_100k',
    serviceArea: 'home_care',
    phaseReached: 'try_out',
    whatWasDone: 'Avrop från ramavtal och test i ett hemtjänstområde.',
    results: '',
    lessons: '',
    costs: '',
    costSek: null,
    technologies: ['digital-night-supervision'],
    initiative: {
      title: 'Digital nattillsyn i hemtjänsten',
      indicators: ['Arbetstid för nattliga tillsynsbesök'],
    },
  },
];
