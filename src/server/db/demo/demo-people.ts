import type { Gender, Role } from '../../../shared/contracts/people.ts';

/** Shown in the README and printed at start in demo mode only. Never used outside the demo dataset. */
export const DEMO_PASSWORD = 'demo-valfard-2026';
export const DEMO_DOMAIN = 'demo.valfardsnavet.se';

/** Where a demo account's role is held: the nation, a region/municipality by code, a unit or association by name. */
export type DemoPlace =
  | { kind: 'nation' }
  | { kind: 'region'; code: string }
  | { kind: 'municipality'; code: string }
  | { kind: 'unit'; municipalityCode: string; name: string }
  | { kind: 'association'; name: string };

export interface DemoAccount {
  email: string;
  name: string;
  gender: Gender;
  language: 'sv' | 'en';
  role: Role;
  place: DemoPlace;
  /** Listed in the README and at start-up. */
  login: boolean;
}

export const AKADEMI_NORR = 'Akademi Norr';

/** Akademi Norr's eleven inland municipalities (seed 001), by SCB code. */
export const akademiNorrCodes = [
  '2506',
  '2505',
  '2425',
  '2481',
  '2418',
  '2417',
  '2422',
  '2421',
  '2462',
  '2463',
  '2282',
];

export const demoUnits: { municipalityCode: string; name: string; subtype: string }[] = [
  { municipalityCode: '2080', name: 'Hemtjänsten Norr', subtype: 'home_care' },
  { municipalityCode: '2080', name: 'Hemtjänsten Söder', subtype: 'home_care' },
  { municipalityCode: '2080', name: 'Lugnets vård- och omsorgsboende', subtype: 'nursing_home' },
  { municipalityCode: '2081', name: 'Hemtjänsten Tjärna Ängar', subtype: 'home_care' },
  { municipalityCode: '2081', name: 'Kvarnsvedens vård- och omsorgsboende', subtype: 'nursing_home' },
];

const falunNorr: DemoPlace = { kind: 'unit', municipalityCode: '2080', name: 'Hemtjänsten Norr' };

const account = (
  local: string,
  name: string,
  gender: Gender,
  role: Role,
  place: DemoPlace,
  login = false,
  language: 'sv' | 'en' = 'sv',
): DemoAccount => ({ email: `${local}@${DEMO_DOMAIN}`, name, gender, role, place, login, language });

/** Invented people. Any likeness to real persons is coincidental. */
export const demoAccounts: DemoAccount[] = [
  account('admin', 'Karin Ekström', 'woman', 'national_admin', { kind: 'nation' }, true),
  account(
    'region.dalarna',
    'Lars Dahlberg',
    'man',
    'regional_coordinator',
    { kind: 'region', code: '20' },
    true,
  ),
  account(
    'samordnare.falun',
    'Maria Sundin',
    'woman',
    'municipal_coordinator',
    { kind: 'municipality', code: '2080' },
    true,
  ),
  account(
    'samordnare.borlange',
    'Johan Berglund',
    'man',
    'municipal_coordinator',
    { kind: 'municipality', code: '2081' },
    true,
  ),
  account('chef.falun', 'Sara Holmgren', 'woman', 'manager', falunNorr, true),
  account('personal.falun', 'Amir Haddad', 'man', 'staff', falunNorr, true),
  account(
    'samordnare.akademinorr',
    'Elin Nyström',
    'woman',
    'regional_coordinator',
    { kind: 'association', name: AKADEMI_NORR },
    true,
  ),
  account('lina.persson', 'Lina Persson', 'woman', 'staff', falunNorr),
  account('erik.wallin', 'Erik Wallin', 'man', 'staff', falunNorr),
  account('fatima.ali', 'Fatima Ali', 'woman', 'staff', falunNorr, false, 'en'),
  account('jonas.oberg', 'Jonas Öberg', 'man', 'staff', falunNorr),
  account('ulla.aberg', 'Ulla Åberg', 'woman', 'staff', {
    kind: 'unit',
    municipalityCode: '2080',
    name: 'Hemtjänsten Söder',
  }),
  account('noah.eriksson', 'Noah Eriksson', 'not_stated', 'staff', {
    kind: 'unit',
    municipalityCode: '2080',
    name: 'Hemtjänsten Söder',
  }),
  account('chef.lugnet', 'Hanna Lund', 'woman', 'manager', {
    kind: 'unit',
    municipalityCode: '2080',
    name: 'Lugnets vård- och omsorgsboende',
  }),
  account('chef.borlange', 'Peter Nilsson', 'man', 'manager', {
    kind: 'unit',
    municipalityCode: '2081',
    name: 'Hemtjänsten Tjärna Ängar',
  }),
  account('maja.strom', 'Maja Ström', 'woman', 'staff', {
    kind: 'unit',
    municipalityCode: '2081',
    name: 'Hemtjänsten Tjärna Ängar',
  }),
  account('samordnare.kramfors', 'Anders Sjöberg', 'man', 'municipal_coordinator', {
    kind: 'municipality',
    code: '2282',
  }),
];
