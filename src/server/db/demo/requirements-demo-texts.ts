/**
 * Forty invented but plain requirements for the four technologies Dalarna's municipalities buy most:
 * digital social alarms, digital night supervision, medication dispensers and digital locks, across
 * every category. `owner` is the demo organisation that wrote it; `techs` are catalogue keys.
 */
export interface DemoRequirement {
  owner: 'region' | 'falun' | 'borlange' | 'nation';
  techs: string[];
  category: string;
  level: 'must' | 'should';
  sv: string;
  en?: string;
  source: string;
}

const ALARM = 'digital-safety-alarm';
const NIGHT = 'digital-night-supervision';
const MED = 'medication-dispenser';
const LOCK = 'digital-lock';
const ALARM_SRC = 'Trygghetslarm, samordnad upphandling Region Dalarna 2023';
const NIGHT_SRC = 'Digital nattillsyn, Falu kommun 2024';
const MED_SRC = 'Läkemedelsautomater, Borlänge kommun 2022';
const LOCK_SRC = 'Digitala lås, Region Dalarna (pågående 2026)';

export const demoRequirements: DemoRequirement[] = [
  // Digital social alarms.
  {
    owner: 'region',
    techs: [ALARM],
    category: 'function',
    level: 'must',
    source: ALARM_SRC,
    sv: 'Trygghetslarmet ska vara helt digitalt och skicka larm över mobilnätet till larmmottagningen utan att gå via det fasta telenätet.',
    en: 'The social alarm must be fully digital and send alarms over the mobile network to the alarm centre without using the fixed telephone network.',
  },
  {
    owner: 'region',
    techs: [ALARM],
    category: 'function',
    level: 'must',
    source: ALARM_SRC,
    sv: 'Larmet ska ha reservström som räcker i minst 30 timmar vid strömavbrott och skicka ett tekniskt larm när batteriet har mindre än 20 procent kvar.',
  },
  {
    owner: 'region',
    techs: [ALARM],
    category: 'function',
    level: 'must',
    source: ALARM_SRC,
    sv: 'Larmet ska kunna använda minst två mobilnät och själv byta nät när det valda nätet inte fungerar.',
  },
  {
    owner: 'region',
    techs: [ALARM],
    category: 'function',
    level: 'should',
    source: ALARM_SRC,
    sv: 'Larmknappen bör vara vattentät enligt IP67 så att brukaren kan bära den i duschen.',
  },
  {
    owner: 'region',
    techs: [ALARM],
    category: 'interoperability',
    level: 'must',
    source: ALARM_SRC,
    sv: 'Larmet ska följa SS 91000:2022 för kommunikation mellan trygghetslarm och larmmottagning.',
    en: 'The alarm must comply with SS 91000:2022 for communication between social alarms and the alarm centre.',
  },
  {
    owner: 'region',
    techs: [ALARM],
    category: 'interoperability',
    level: 'should',
    source: ALARM_SRC,
    sv: 'Larmmottagningens system bör kunna ta emot larm från trygghetslarm av olika fabrikat.',
  },
  {
    owner: 'falun',
    techs: [ALARM],
    category: 'support_training',
    level: 'must',
    source: 'Trygghetslarm, Falu kommun 2019',
    sv: 'Leverantören ska ersätta ett trasigt larm inom två arbetsdagar och stå för frakten.',
  },
  {
    owner: 'region',
    techs: [ALARM],
    category: 'security_gdpr',
    level: 'must',
    source: ALARM_SRC,
    sv: 'All överföring av larm och personuppgifter ska vara krypterad, och leverantören ska teckna personuppgiftsbiträdesavtal med kommunen.',
  },
  {
    owner: 'region',
    techs: [ALARM],
    category: 'accessibility',
    level: 'must',
    source: ALARM_SRC,
    sv: 'Larmknappen ska gå att trycka in med låg kraft och vara tydligt kännbar även för den som ser dåligt.',
  },
  {
    owner: 'region',
    techs: [ALARM],
    category: 'environment',
    level: 'should',
    source: ALARM_SRC,
    sv: 'Leverantören bör ta tillbaka uttjänta larm och batterier och redovisa hur de återvinns.',
  },

  // Digital night supervision.
  {
    owner: 'falun',
    techs: [NIGHT],
    category: 'function',
    level: 'must',
    source: NIGHT_SRC,
    sv: 'Kameran ska bara visa bild vid de tider som står i brukarens beslut och aldrig spela in.',
    en: 'The camera must only show images at the times set out in the care decision and never record.',
  },
  {
    owner: 'falun',
    techs: [NIGHT],
    category: 'function',
    level: 'must',
    source: NIGHT_SRC,
    sv: 'Personalen ska kunna göra tillsynen från en mobil enhet och kvittera varje tillsyn i systemet.',
  },
  {
    owner: 'falun',
    techs: [NIGHT],
    category: 'function',
    level: 'should',
    source: NIGHT_SRC,
    sv: 'Kameran bör kunna visa en bild som är tydlig i mörker utan att rummet behöver tändas.',
  },
  {
    owner: 'falun',
    techs: [NIGHT],
    category: 'security_gdpr',
    level: 'must',
    source: NIGHT_SRC,
    sv: 'Systemet ska logga vem som har tittat, när och hur länge, och loggen ska gå att ta ut för granskning.',
  },
  {
    owner: 'falun',
    techs: [NIGHT],
    category: 'security_gdpr',
    level: 'must',
    source: NIGHT_SRC,
    sv: 'Personuppgifter ska behandlas inom EU/EES och inte föras över till land utanför EU/EES.',
  },
  {
    owner: 'falun',
    techs: [NIGHT],
    category: 'accessibility',
    level: 'should',
    source: NIGHT_SRC,
    sv: 'Appen för personalen bör uppfylla EN 301 549 och kunna användas med skärmläsare.',
  },
  {
    owner: 'region',
    techs: [NIGHT],
    category: 'interoperability',
    level: 'should',
    source: 'Nattillsyn, Region Dalarna förstudie 2023',
    sv: 'Systemet bör kunna skicka händelser till kommunens verksamhetssystem via ett öppet, dokumenterat API.',
  },
  {
    owner: 'falun',
    techs: [NIGHT],
    category: 'support_training',
    level: 'must',
    source: NIGHT_SRC,
    sv: 'Leverantören ska utbilda nattpersonalen på plats och ta fram en kort lathund på svenska.',
  },
  {
    owner: 'falun',
    techs: [NIGHT],
    category: 'exit',
    level: 'must',
    source: NIGHT_SRC,
    sv: 'När avtalet upphör ska leverantören lämna ut tillsynsloggarna i ett öppet format och därefter radera dem.',
  },
  {
    owner: 'region',
    techs: [NIGHT, ALARM],
    category: 'environment',
    level: 'should',
    source: 'Nattillsyn, Region Dalarna förstudie 2023',
    sv: 'Utrustningen bör dra högst 5 watt i viloläge.',
  },

  // Medication dispensers.
  {
    owner: 'borlange',
    techs: [MED],
    category: 'function',
    level: 'must',
    source: MED_SRC,
    sv: 'Läkemedelsautomaten ska påminna brukaren med ljud och ljus och larma personalen om en dos inte tas inom 30 minuter.',
    en: 'The dispenser must remind the user with sound and light and alert staff if a dose is not taken within 30 minutes.',
  },
  {
    owner: 'borlange',
    techs: [MED],
    category: 'function',
    level: 'must',
    source: MED_SRC,
    sv: 'Automaten ska vara låst så att brukaren bara kommer åt den dos som ska tas.',
  },
  {
    owner: 'borlange',
    techs: [MED],
    category: 'function',
    level: 'should',
    source: MED_SRC,
    sv: 'Automaten bör kunna ta emot dospåsar från apotekets dosdispensering utan ompackning.',
  },
  {
    owner: 'borlange',
    techs: [MED],
    category: 'security_gdpr',
    level: 'must',
    source: MED_SRC,
    sv: 'Uppgifter om läkemedelsintag får bara visas för personal med behörighet och ska loggas.',
  },
  {
    owner: 'borlange',
    techs: [MED],
    category: 'accessibility',
    level: 'must',
    source: MED_SRC,
    sv: 'Påminnelsen ska gå att få som tal på svenska och visas med stor text.',
  },
  {
    owner: 'region',
    techs: [MED],
    category: 'interoperability',
    level: 'should',
    source: 'Läkemedelsautomater, Region Dalarna kartläggning 2024',
    sv: 'Automaten bör kunna skicka uteblivna doser som larm till samma larmmottagning som trygghetslarmen.',
  },
  {
    owner: 'borlange',
    techs: [MED],
    category: 'support_training',
    level: 'must',
    source: MED_SRC,
    sv: 'Leverantören ska ha telefonsupport på svenska alla dagar klockan 07–22.',
  },
  {
    owner: 'borlange',
    techs: [MED],
    category: 'exit',
    level: 'must',
    source: MED_SRC,
    sv: 'Kommunen ska kunna få ut historiken över doser per brukare som CSV-fil när avtalet upphör.',
  },
  {
    owner: 'borlange',
    techs: [MED],
    category: 'environment',
    level: 'should',
    source: MED_SRC,
    sv: 'Automaten bör gå att reparera, och reservdelar bör finnas i minst sju år.',
  },
  {
    owner: 'nation',
    techs: [MED, ALARM, NIGHT, LOCK],
    category: 'security_gdpr',
    level: 'must',
    source: 'Nationell vägledning för upphandling av välfärdsteknik',
    sv: 'Leverantören ska redovisa vilka underbiträden som behandlar personuppgifter och i vilket land.',
  },

  // Digital locks.
  {
    owner: 'region',
    techs: [LOCK],
    category: 'function',
    level: 'must',
    source: LOCK_SRC,
    sv: 'Personalen ska kunna öppna låset med mobiltelefon utan fysisk nyckel, och behörigheten ska kunna dras in direkt.',
    en: 'Staff must be able to open the lock with a mobile phone without a physical key, and the permission must be revocable at once.',
  },
  {
    owner: 'region',
    techs: [LOCK],
    category: 'function',
    level: 'must',
    source: LOCK_SRC,
    sv: 'Låset ska gå att öppna inifrån med vanligt vred även när batteriet är slut.',
  },
  {
    owner: 'region',
    techs: [LOCK],
    category: 'function',
    level: 'should',
    source: LOCK_SRC,
    sv: 'Låset bör gå att montera på befintliga dörrar utan att dörren byts.',
  },
  {
    owner: 'region',
    techs: [LOCK],
    category: 'security_gdpr',
    level: 'must',
    source: LOCK_SRC,
    sv: 'Varje öppning ska loggas med person och tid, och loggen ska sparas i högst tolv månader.',
  },
  {
    owner: 'region',
    techs: [LOCK],
    category: 'security_gdpr',
    level: 'must',
    source: LOCK_SRC,
    sv: 'Behörigheter ska tilldelas med kommunens eget inloggningskonto för personalen (SAML eller OpenID Connect).',
  },
  {
    owner: 'region',
    techs: [LOCK],
    category: 'accessibility',
    level: 'should',
    source: LOCK_SRC,
    sv: 'Brukaren bör kunna öppna låset med tagg om hen inte kan använda en mobiltelefon.',
  },
  {
    owner: 'region',
    techs: [LOCK, ALARM],
    category: 'interoperability',
    level: 'must',
    source: LOCK_SRC,
    sv: 'Låset ska kunna öppnas av larmpersonal vid ett trygghetslarm utan att någon behöver hämta en nyckel.',
  },
  {
    owner: 'region',
    techs: [LOCK],
    category: 'support_training',
    level: 'should',
    source: LOCK_SRC,
    sv: 'Leverantören bör erbjuda en webbutbildning för personalen som tar högst 20 minuter.',
  },
  {
    owner: 'region',
    techs: [LOCK],
    category: 'exit',
    level: 'must',
    source: LOCK_SRC,
    sv: 'Låsen ska gå att använda med en annan leverantörs system efter avtalets slut, eller tas bort utan skada på dörren.',
  },
  {
    owner: 'falun',
    techs: [LOCK],
    category: 'environment',
    level: 'should',
    source: 'Digitala lås, Falu kommun 2018',
    sv: 'Batteriet i låset bör räcka minst två år vid 20 öppningar per dygn.',
  },
];
