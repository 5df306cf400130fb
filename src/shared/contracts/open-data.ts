import { z } from 'zod';
import { ParamText } from './common.ts';
import { adoptionStatuses } from './mapping.ts';

/**
 * Open data (issue 8): aggregated, non-personal figures per municipality, published without login under
 * `/api/open/v1`. The field names here are the stable schema (schemaVersion 1): fields are only ever
 * added, never renamed or removed within a version. Rules: docs/decisions/0011-open-data-suppression.md.
 */

/**
 * Any count of people (participants, completions, users served, eligible users) from 1 up to one below
 * this number is withheld, and so is any figure that would let someone work such a count out.
 */
export const SMALL_COUNT_THRESHOLD = 5;

export const OPEN_DATA_SCHEMA_VERSION = 1;

export const openDatasets = ['municipalities', 'adoption', 'programme-participation', 'maturity'] as const;
export type OpenDatasetKey = (typeof openDatasets)[number];

const IsoDate = z.iso.date();
const MunicipalityCode = z.string().regex(/^\d{4}$/);
const CountyCode = ParamText.regex(/^\d{2}$/);

/** A count of people: `value` is null when withheld (`suppressed`) or not reported (`suppressed` false). */
export const PeopleCount = z
  .object({
    value: z.number().int().min(0).nullable(),
    suppressed: z.boolean(),
  })
  .describe(
    `A count of people. value is null and suppressed true when the count is below ${SMALL_COUNT_THRESHOLD} or would reveal one that is; value null with suppressed false means not reported.`,
  );
export type PeopleCount = z.infer<typeof PeopleCount>;

/** Only optional filters; any other query parameter is refused with 400. */
export const OpenDataQuery = z.strictObject({
  county: CountyCode.optional().describe('Only municipalities of this county (2-digit SCB county code)'),
});
export type OpenDataQuery = z.infer<typeof OpenDataQuery>;

const Place = {
  municipalityCode: MunicipalityCode.describe('SCB municipality code (4 digits, as in Kolada)'),
  municipalityName: z.string(),
  countyCode: CountyCode.describe('SCB county code (2 digits)'),
};

const Scores = {
  governance: z.number().int().min(0).max(100).nullable(),
  resources: z.number().int().min(0).max(100).nullable(),
  competence: z.number().int().min(0).max(100).nullable(),
  organisation: z.number().int().min(0).max(100).nullable(),
};

export const MaturityRow = z.object({
  ...Place,
  asOf: IsoDate,
  year: z.number().int().describe('Year of the round’s closing date'),
  roundId: z.uuid(),
  roundName: z.string(),
  roundOwnerName: z.string(),
  closesOn: IsoDate,
  ...Scores,
});
export type MaturityRow = z.infer<typeof MaturityRow>;

export const MunicipalitySummaryRow = z.object({
  ...Place,
  asOf: IsoDate,
  technologiesInOperation: z.number().int().min(0),
  technologiesPiloting: z.number().int().min(0),
  technologiesReported: z.number().int().min(0),
  programmeParticipants: PeopleCount,
  programmeCompletions: PeopleCount,
  /** The latest published round's area scores, or null when none is published. */
  maturity: z.object({ year: z.number().int(), roundId: z.uuid(), closesOn: IsoDate, ...Scores }).nullable(),
});
export type MunicipalitySummaryRow = z.infer<typeof MunicipalitySummaryRow>;

export const AdoptionRow = z.object({
  ...Place,
  asOf: IsoDate,
  technologyKey: z.string(),
  technologyNameSv: z.string(),
  technologyNameEn: z.string(),
  category: z.string(),
  status: z.enum(adoptionStatuses).nullable().describe('null: the municipality has not reported'),
  since: IsoDate.nullable().describe('Since when the status applies (for in_operation: in operation since)'),
  usersServed: PeopleCount,
  eligibleUsers: PeopleCount,
  updatedOn: IsoDate.nullable(),
});
export type AdoptionRow = z.infer<typeof AdoptionRow>;

export const ParticipationRow = z.object({
  ...Place,
  asOf: IsoDate,
  year: z.number().int().describe('Calendar year (Swedish time)'),
  participants: PeopleCount.describe(
    'People whose first programme enrolment through the municipality was this year',
  ),
  completions: PeopleCount.describe('People who first completed a programme course this year'),
});
export type ParticipationRow = z.infer<typeof ParticipationRow>;

const Text = z.object({ sv: z.string(), en: z.string() });

function dataset<T extends z.ZodType>(row: T) {
  return z
    .object({
      dataset: z.enum(openDatasets),
      schemaVersion: z.literal(OPEN_DATA_SCHEMA_VERSION),
      asOf: IsoDate.describe('The Swedish date the figures were computed'),
      licence: z.literal('CC-BY-4.0'),
      suppressionThreshold: z.literal(SMALL_COUNT_THRESHOLD),
      items: z.array(row),
    })
    .describe(
      'An open dataset: its schema version, date, licence, suppression threshold and rows by SCB code',
    );
}

export const MunicipalitiesDataset = dataset(MunicipalitySummaryRow);
export type MunicipalitiesDataset = z.infer<typeof MunicipalitiesDataset>;
export const AdoptionDataset = dataset(AdoptionRow);
export type AdoptionDataset = z.infer<typeof AdoptionDataset>;
export const ParticipationDataset = dataset(ParticipationRow);
export type ParticipationDataset = z.infer<typeof ParticipationDataset>;
export const MaturityDataset = dataset(MaturityRow);
export type MaturityDataset = z.infer<typeof MaturityDataset>;

export const OpenDataField = z.object({
  json: z.string().describe('Path of the field in a JSON item, e.g. programmeParticipants.value'),
  csv: z.string().describe('CSV column name'),
  type: z.enum(['string', 'integer', 'date', 'boolean']),
  description: Text,
});

export const OpenDataIndex = z.object({
  title: Text,
  description: Text,
  publisher: z.string(),
  schemaVersion: z.literal(OPEN_DATA_SCHEMA_VERSION),
  licence: z.object({ id: z.literal('CC-BY-4.0'), name: z.string(), url: z.string() }),
  updateFrequency: Text,
  suppression: z.object({ threshold: z.literal(SMALL_COUNT_THRESHOLD), rule: Text }),
  csv: Text,
  datasets: z.array(
    z.object({
      key: z.enum(openDatasets),
      title: Text,
      description: Text,
      json: z.string(),
      csv: z.string(),
      fields: z.array(OpenDataField),
    }),
  ),
});
export type OpenDataIndex = z.infer<typeof OpenDataIndex>;
