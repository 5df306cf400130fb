import type { FieldValues } from 'react-hook-form';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CreateRound } from '../../src/shared/contracts/assessments.ts';
import {
  CreateFunding,
  CreateIndicator,
  CreateInitiativeLink,
  CreateMeasurement,
  Indicator,
  InitiativeView,
} from '../../src/shared/contracts/initiatives.ts';
import { CreateMeeting, NetworkView } from '../../src/shared/contracts/networks.ts';
import { CreateProgramme } from '../../src/shared/contracts/programmes.ts';
import { CreateSteeringReport } from '../../src/shared/contracts/steering-reports.ts';
import { clientPairs, serverPairs } from '../support/contract-messages.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { orgId } from './programmes.fixtures.ts';

// The forms moved to their contracts in issue 16's first batch say what the API says about the same
// input (ADR 17): the same field → message pairs in the browser's check and in the API's answer.

let t: TestApp;
let dalarna: string;
let initiative: string;
let indicator: string;
let network: string;
beforeAll(async () => {
  t = await createTestApp();
  dalarna = await orgId(t, 'Region Dalarna', 'region');
  const falun = await orgId(t, 'Falun', 'municipality');
  const coordinator = await t.as('samordnare.falun');
  const made = await coordinator.post('/api/v1/initiatives', {
    title: 'Formulärens kontrakt',
    ownerOrganisationId: falun,
  });
  initiative = InitiativeView.parse(made.json()).id;
  const ind = await coordinator.post(`/api/v1/initiatives/${initiative}/indicators`, {
    name: 'Frigjord tid',
    type: 'time_saved',
    unit: 'timmar/år',
    direction: 'increase',
    baselineValue: 0,
    baselineOn: '2026-01-01',
  });
  indicator = Indicator.parse(ind.json()).id;
  const net = await coordinator.post('/api/v1/networks', {
    name: 'Formulärnätverket',
    kind: 'network',
    level: 'local',
    ownerOrganisationId: falun,
  });
  network = NetworkView.parse(net.json()).id;
});
afterAll(() => t.close());

const cases: {
  name: string;
  url: () => string;
  schema: z.ZodType<FieldValues, FieldValues>;
  as: string;
  value: () => FieldValues;
  /** Some of the Swedish messages, so that the comparison is not of two empty answers. */
  sv: Record<string, string>;
}[] = [
  {
    name: 'indicator: a short name, no unit, baseline value or date, and a feed without its technology',
    url: () => `/api/v1/initiatives/${initiative}/indicators`,
    schema: CreateIndicator,
    as: 'samordnare.falun',
    value: () => ({
      name: 'ab',
      type: 'time_saved',
      unit: '',
      direction: 'decrease',
      baselineOn: '',
      calculation: { occurrencesPerYear: 5000 },
      feed: { kind: 'users_served', municipalityCode: '2080', technologyKey: '' },
    }),
    sv: {
      unit: 'Uppgiften måste fyllas i.',
      baselineValue: 'Uppgiften måste fyllas i.',
      'calculation.minutesEach': 'Uppgiften måste fyllas i.',
      'feed.technologyKey': 'Uppgiften måste fyllas i.',
    },
  },
  {
    name: 'indicator: a target date before the baseline (a rule across fields)',
    url: () => `/api/v1/initiatives/${initiative}/indicators`,
    schema: CreateIndicator,
    as: 'samordnare.falun',
    value: () => ({
      name: 'Frigjord tid',
      type: 'time_saved',
      unit: 'timmar/år',
      direction: 'increase',
      baselineValue: 0,
      baselineOn: '2026-03-01',
      targetOn: '2026-02-01',
    }),
    sv: { targetOn: 'Måldatum kan inte ligga före baslinjens datum.' },
  },
  {
    name: 'measurement: a date that is no date, no value and a long note',
    url: () => `/api/v1/indicators/${indicator}/measurements`,
    schema: CreateMeasurement,
    as: 'samordnare.falun',
    value: () => ({ measuredOn: '2026-13-45', note: 'x'.repeat(1001) }),
    sv: { value: 'Uppgiften måste fyllas i.', note: 'Texten är för lång.' },
  },
  {
    name: 'funding: a year before 2000 and a negative amount',
    url: () => `/api/v1/initiatives/${initiative}/funding`,
    schema: CreateFunding,
    as: 'samordnare.falun',
    value: () => ({ source: 'esf', year: 1999, appliedSek: -5 }),
    sv: { appliedSek: 'Värdet får inte vara negativt.' },
  },
  {
    name: 'link: a short title and a javascript address',
    url: () => `/api/v1/initiatives/${initiative}/links`,
    schema: CreateInitiativeLink,
    as: 'samordnare.falun',
    value: () => ({ title: 'ab', url: 'javascript:alert(1)' }),
    sv: { url: 'Värdet har fel format.' },
  },
  {
    name: 'link: neither a web address nor a document',
    url: () => `/api/v1/initiatives/${initiative}/links`,
    schema: CreateInitiativeLink,
    as: 'samordnare.falun',
    value: () => ({ title: 'Handlingsplanen' }),
    sv: { url: 'Ange antingen en webbadress eller ett styrdokument.' },
  },
  {
    name: 'meeting: no title or start, and an open event with no places',
    url: () => `/api/v1/networks/${network}/meetings`,
    schema: CreateMeeting,
    as: 'samordnare.falun',
    value: () => ({ title: ' ', isOpenEvent: true, capacity: 0, onlineUrl: 'ftp://example.se' }),
    sv: { title: 'Uppgiften måste fyllas i.', startsAt: 'Uppgiften måste fyllas i.' },
  },
  {
    name: 'meeting: an open event with neither place nor link',
    url: () => `/api/v1/networks/${network}/meetings`,
    schema: CreateMeeting,
    as: 'samordnare.falun',
    value: () => ({ title: 'Webbinarium', startsAt: '2027-03-01T09:00:00.000Z', isOpenEvent: true }),
    sv: { location: 'Uppgiften måste fyllas i.' },
  },
  {
    name: 'assessment round: no name, no template, no municipality',
    url: () => '/api/v1/assessment-rounds',
    schema: CreateRound,
    as: 'region.dalarna',
    value: () => ({
      name: '',
      templateVersionId: '',
      ownerOrganisationId: dalarna,
      municipalityCodes: [],
      opensOn: '2027-01-01',
      closesOn: '2027-02-01',
    }),
    sv: { name: 'Uppgiften måste fyllas i.', municipalityCodes: 'Välj minst en kommun.' },
  },
  {
    name: 'programme: a name of spaces, no dates, no municipality, no participants and a bad ESF number',
    url: () => '/api/v1/programmes',
    schema: CreateProgramme,
    as: 'region.dalarna',
    value: () => ({
      name: '  ',
      ownerOrganisationId: dalarna,
      startsOn: '',
      endsOn: '',
      municipalityCodes: [],
      funding: { esfProjectNumber: 'abc' },
    }),
    sv: {
      name: 'Uppgiften måste fyllas i.',
      municipalityCodes: 'Välj minst en kommun.',
      targetParticipants: 'Uppgiften måste fyllas i.',
      'funding.esfProjectNumber': 'Värdet har fel format.',
    },
  },
  {
    name: 'steering report: a period that ends before it starts',
    url: () => '/api/v1/reports/steering-group',
    schema: CreateSteeringReport,
    as: 'region.dalarna',
    value: () => ({ organisationId: dalarna, from: '2026-06-30', to: '2026-01-01' }),
    sv: { to: 'Slutdatum kan inte ligga före startdatum.' },
  },
  {
    name: 'steering report: a two-letter title and no start date',
    url: () => '/api/v1/reports/steering-group',
    schema: CreateSteeringReport,
    as: 'region.dalarna',
    value: () => ({ organisationId: dalarna, from: '', to: '2026-01-01', title: 'ab' }),
    sv: { from: 'Uppgiften måste fyllas i.', title: 'Texten är för kort.' },
  },
];

describe('batch 1 contract forms say what the API says', () => {
  for (const c of cases) {
    for (const lang of ['sv', 'en'] as const) {
      it(`${c.name} (${lang})`, async () => {
        const agent = await t.as(c.as);
        const value = c.value();
        const client = await clientPairs(c.schema, value, lang);
        const server = await serverPairs(agent, c.url(), value, lang);
        if (lang === 'sv') expect(client).toMatchObject(c.sv);
        expect(client).toEqual(server);
      });
    }
  }
});
