import type {
  AdoptionRow,
  MaturityRow,
  MunicipalitySummaryRow,
  OpenDatasetKey,
  ParticipationRow,
} from '../../../shared/contracts/open-data.ts';
import { asOf, type Column, people, place, scores } from './column-kinds.ts';

/**
 * The columns of each dataset, in their stable CSV order (schema version 1: new columns only at the
 * end). The CSV writer and the field list of `GET /api/open/v1` both read these lists.
 */
export const municipalityColumns: Column<MunicipalitySummaryRow>[] = [
  ...place<MunicipalitySummaryRow>(),
  asOf<MunicipalitySummaryRow>(),
  {
    json: 'technologiesInOperation',
    csv: 'technologies_in_operation',
    type: 'integer',
    description: { sv: 'Antal tekniker i drift', en: 'Number of technologies in operation' },
    get: (r) => r.technologiesInOperation,
  },
  {
    json: 'technologiesPiloting',
    csv: 'technologies_piloting',
    type: 'integer',
    description: { sv: 'Antal tekniker som testas', en: 'Number of technologies being piloted' },
    get: (r) => r.technologiesPiloting,
  },
  {
    json: 'technologiesReported',
    csv: 'technologies_reported',
    type: 'integer',
    description: {
      sv: 'Antal tekniker med rapporterat läge',
      en: 'Number of technologies with a reported status',
    },
    get: (r) => r.technologiesReported,
  },
  ...people<MunicipalitySummaryRow>(
    'programmeParticipants',
    'programme_participants',
    'Personer som deltagit i utbildningsprogram (totalt)',
    'People who took part in learning programmes (in total)',
    (r) => r.programmeParticipants,
  ),
  ...people<MunicipalitySummaryRow>(
    'programmeCompletions',
    'programme_completions',
    'Personer som slutfört en programkurs (totalt)',
    'People who completed a programme course (in total)',
    (r) => r.programmeCompletions,
  ),
  {
    json: 'maturity.year',
    csv: 'maturity_year',
    type: 'integer',
    description: {
      sv: 'År för den senaste publicerade mognadsbedömningen',
      en: 'Year of the latest published maturity assessment',
    },
    get: (r) => r.maturity?.year ?? null,
  },
  ...scores<MunicipalitySummaryRow>('maturity.', 'maturity_', (r) => r.maturity),
];

export const adoptionColumns: Column<AdoptionRow>[] = [
  ...place<AdoptionRow>(),
  asOf<AdoptionRow>(),
  {
    json: 'technologyKey',
    csv: 'technology_key',
    type: 'string',
    description: { sv: 'Teknikens stabila nyckel', en: 'Stable key of the technology' },
    get: (r) => r.technologyKey,
  },
  {
    json: 'technologyNameSv',
    csv: 'technology_name_sv',
    type: 'string',
    description: { sv: 'Teknikens namn på svenska', en: 'Name of the technology in Swedish' },
    get: (r) => r.technologyNameSv,
  },
  {
    json: 'technologyNameEn',
    csv: 'technology_name_en',
    type: 'string',
    description: { sv: 'Teknikens namn på engelska', en: 'Name of the technology in English' },
    get: (r) => r.technologyNameEn,
  },
  {
    json: 'category',
    csv: 'category',
    type: 'string',
    description: { sv: 'Kategori i teknikkatalogen', en: 'Category in the technology catalogue' },
    get: (r) => r.category,
  },
  {
    json: 'status',
    csv: 'status',
    type: 'string',
    description: {
      sv: 'Läge: not_relevant, not_planned, planned, piloting, in_operation, discontinued; tomt = inte rapporterat',
      en: 'Status: not_relevant, not_planned, planned, piloting, in_operation, discontinued; empty = not reported',
    },
    get: (r) => r.status,
  },
  {
    json: 'since',
    csv: 'since',
    type: 'date',
    description: {
      sv: 'Sedan när läget gäller (i drift sedan)',
      en: 'Since when the status applies (in operation since)',
    },
    get: (r) => r.since,
  },
  ...people<AdoptionRow>(
    'usersServed',
    'users_served',
    'Antal brukare som använder tekniken',
    'Number of people using the technology',
    (r) => r.usersServed,
  ),
  ...people<AdoptionRow>(
    'eligibleUsers',
    'eligible_users',
    'Antal brukare som skulle kunna använda tekniken',
    'Number of people who could use the technology',
    (r) => r.eligibleUsers,
  ),
  {
    json: 'updatedOn',
    csv: 'updated_on',
    type: 'date',
    description: { sv: 'Senast ändrad', en: 'Last changed' },
    get: (r) => r.updatedOn,
  },
];

export const participationColumns: Column<ParticipationRow>[] = [
  ...place<ParticipationRow>(),
  asOf<ParticipationRow>(),
  {
    json: 'year',
    csv: 'year',
    type: 'integer',
    description: { sv: 'Kalenderår', en: 'Calendar year' },
    get: (r) => r.year,
  },
  ...people<ParticipationRow>(
    'participants',
    'participants',
    'Personer vars första programinskrivning genom kommunen var detta år',
    'People whose first programme enrolment through the municipality was this year',
    (r) => r.participants,
  ),
  ...people<ParticipationRow>(
    'completions',
    'completions',
    'Personer som första gången slutförde en programkurs detta år',
    'People who first completed a programme course this year',
    (r) => r.completions,
  ),
];

export const maturityColumns: Column<MaturityRow>[] = [
  ...place<MaturityRow>(),
  asOf<MaturityRow>(),
  {
    json: 'year',
    csv: 'year',
    type: 'integer',
    description: { sv: 'År då omgången stängde', en: 'Year the round closed' },
    get: (r) => r.year,
  },
  {
    json: 'roundId',
    csv: 'round_id',
    type: 'string',
    description: { sv: 'Omgångens id', en: 'Id of the round' },
    get: (r) => r.roundId,
  },
  {
    json: 'roundName',
    csv: 'round_name',
    type: 'string',
    description: { sv: 'Omgångens namn', en: 'Name of the round' },
    get: (r) => r.roundName,
  },
  {
    json: 'roundOwnerName',
    csv: 'round_owner_name',
    type: 'string',
    description: { sv: 'Vem som genomförde omgången', en: 'Who ran the round' },
    get: (r) => r.roundOwnerName,
  },
  {
    json: 'closesOn',
    csv: 'closes_on',
    type: 'date',
    description: { sv: 'Omgångens slutdatum', en: 'Closing date of the round' },
    get: (r) => r.closesOn,
  },
  ...scores<MaturityRow>('', '', (r) => r),
];

export const columnsOf: { [K in OpenDatasetKey]: Column<never>[] } = {
  municipalities: municipalityColumns as Column<never>[],
  adoption: adoptionColumns as Column<never>[],
  'programme-participation': participationColumns as Column<never>[],
  maturity: maturityColumns as Column<never>[],
};
