import {
  OPEN_DATA_SCHEMA_VERSION,
  type OpenDataIndex,
  type OpenDatasetKey,
  SMALL_COUNT_THRESHOLD,
} from '../../../shared/contracts/open-data.ts';
import { columnsOf } from './open-data.columns.ts';

const T = SMALL_COUNT_THRESHOLD;

export const suppressionRule = {
  sv:
    `Antal personer (deltagare, slutförda, brukare som använder en teknik, möjliga brukare) från 1 till ${T - 1} ` +
    `publiceras inte: värdet är null (tom cell i CSV) och suppressed är true. Även ett antal som annars skulle ` +
    `kunna räknas fram döljs: en del när skillnaden mot sin summa är 1–${T - 1}, och ytterligare år när ett ` +
    `kommunårs dolda värde annars skulle framgå av kommunens totalsumma. 0 publiceras. Mognadspoäng publiceras ` +
    'bara från stängda omgångar där ägaren delat resultaten, och bara för inskickade svar.',
  en:
    `Counts of people (participants, completions, users served, eligible users) from 1 to ${T - 1} are not ` +
    'published: the value is null (an empty CSV cell) and suppressed is true. A count that would let someone ' +
    `work one out is withheld too: a part whose difference from its total is 1–${T - 1}, and further years ` +
    "when a withheld year could be derived from the municipality's total. 0 is published. Maturity scores " +
    'are published only from closed rounds whose owner shares the results, and only for submitted sheets.',
};

const datasetText: Record<
  OpenDatasetKey,
  { title: { sv: string; en: string }; description: { sv: string; en: string } }
> = {
  municipalities: {
    title: { sv: 'Kommuner – sammanfattning', en: 'Municipalities – summary' },
    description: {
      sv: 'En rad per kommun (alla 290): tekniker i drift, deltagande i utbildningsprogram och senaste publicerade mognadspoäng.',
      en: 'One row per municipality (all 290): technologies in operation, programme participation and the latest published maturity scores.',
    },
  },
  adoption: {
    title: { sv: 'Välfärdsteknik per kommun', en: 'Welfare technology per municipality' },
    description: {
      sv: 'Lång form: kommun × teknik i den nationella katalogen med läge, sedan när, brukare som använder och möjliga brukare.',
      en: 'Long format: municipality × technology of the national catalogue with status, since when, users served and eligible users.',
    },
  },
  'programme-participation': {
    title: { sv: 'Deltagande i utbildningsprogram', en: 'Programme participation' },
    description: {
      sv: 'Per kommun och år: nya deltagare i utbildningsprogram och personer som slutfört en programkurs. Åren summerar till kommunens total.',
      en: "Per municipality and year: new participants in learning programmes and people who completed a programme course. The years add up to the municipality's total.",
    },
  },
  maturity: {
    title: { sv: 'Mognadsbedömningar', en: 'Maturity assessments' },
    description: {
      sv: 'Poäng 0–100 per område (styrning, resurser, kompetens, organisering) per kommun och omgång, från omgångar där resultaten delas.',
      en: 'Scores 0–100 per area (governance, resources, competence, organisation) per municipality and round, from rounds whose results are shared.',
    },
  },
};

export function openDataIndex(base: string): OpenDataIndex {
  return {
    title: { sv: 'Välfärdsnavet – öppna data', en: 'Välfärdsnavet – open data' },
    description: {
      sv: 'Aggregerade uppgifter per kommun om välfärdsteknik i äldreomsorgen, utan personuppgifter. Koppla till Kolada och Socialstyrelsens statistik med kommunkoden.',
      en: "Aggregated figures per municipality on welfare technology in elder care, without personal data. Join them with Kolada and Socialstyrelsen's statistics by the municipality code.",
    },
    publisher: 'Välfärdsnavet',
    schemaVersion: OPEN_DATA_SCHEMA_VERSION,
    licence: {
      id: 'CC-BY-4.0',
      name: 'Creative Commons Erkännande 4.0 / Attribution 4.0 International',
      url: 'https://creativecommons.org/licenses/by/4.0/',
    },
    updateFrequency: {
      sv: 'Beräknas från aktuella uppgifter, högst 5 minuter gamla (Cache-Control max-age 300, ETag).',
      en: 'Computed from live data, at most 5 minutes old (Cache-Control max-age 300, ETag).',
    },
    suppression: { threshold: SMALL_COUNT_THRESHOLD, rule: suppressionRule },
    csv: {
      sv: 'CSV: UTF-8 med BOM, semikolon som avgränsare, CRLF-radslut, rubrikrad med fasta kolumnnamn i fast ordning. Bara heltal. Undertryckta antal är tomma celler med kolumnen <namn>_suppressed = true. Öppnas direkt i svenskt Excel; R: readr::read_csv2() eller read.csv2(); pandas: read_csv(url, sep=";").',
      en: 'CSV: UTF-8 with BOM, semicolon separated, CRLF line ends, a header row with fixed column names in a fixed order. Integers only. Suppressed counts are empty cells with the column <name>_suppressed = true. Opens directly in Swedish Excel; R: readr::read_csv2() or read.csv2(); pandas: read_csv(url, sep=";").',
    },
    datasets: (Object.keys(datasetText) as OpenDatasetKey[]).map((key) => ({
      key,
      ...datasetText[key],
      json: `${base}/${key}`,
      csv: `${base}/${key}.csv`,
      fields: columnsOf[key].map((c) => ({
        json: c.json,
        csv: c.csv,
        type: c.type,
        description: c.description,
      })),
    })),
  };
}
