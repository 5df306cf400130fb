import type { FieldValues } from 'react-hook-form';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DeclineNeed, PrioritiseNeed } from '../../src/shared/contracts/action-plans.ts';
import { ContactCase, ReturnCase } from '../../src/shared/contracts/cases.ts';
import { CreateRisk } from '../../src/shared/contracts/initiatives.ts';
import { CreateScimToken } from '../../src/shared/contracts/scim.ts';
import { clientPairs, serverPairs } from '../support/contract-messages.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { orgId } from './programmes.fixtures.ts';

// The forms that lost their hand-written checks (issue 16): the rule the client had now lives in the
// contract, so the browser and the API word the same bad input alike, field by field.

let t: TestApp;
let falun: string;
beforeAll(async () => {
  t = await createTestApp();
  falun = await orgId(t, 'Falun', 'municipality');
});
afterAll(() => t.close());

// Any well-formed id: the body is refused before the service looks the need or case up.
const someId = '00000000-0000-4000-8000-000000000001';

const cases: {
  name: string;
  url: () => string;
  schema: z.ZodType<FieldValues, FieldValues>;
  as: string;
  value: FieldValues;
  expected: Record<string, string>;
}[] = [
  {
    name: 'declining a need: a reason of two letters',
    url: () => `/api/v1/needs/${someId}/decline`,
    schema: DeclineNeed,
    as: 'region.dalarna',
    value: { note: ' ok ' },
    expected: { note: 'Skriv minst 3 tecken.' },
  },
  {
    name: 'prioritising a need: a short title and a priority of 0',
    url: () => `/api/v1/needs/${someId}/prioritise`,
    schema: PrioritiseNeed,
    as: 'region.dalarna',
    value: { planId: someId, title: 'ab', priority: 0 },
    expected: { title: 'Skriv minst 3 tecken.', priority: 'Skriv ett heltal från 1 till 10 000.' },
  },
  {
    name: 'returning a case: an empty note',
    url: () => `/api/v1/cases/${someId}/return`,
    schema: ReturnCase,
    as: 'samordnare.falun',
    value: { note: '' },
    expected: { note: 'Skriv minst 3 tecken.' },
  },
  {
    name: 'contacting a case: a message of five characters',
    url: () => `/api/v1/cases/${someId}/contact`,
    schema: ContactCase,
    as: 'samordnare.falun',
    value: { message: 'Hej!!' },
    expected: { message: 'Skriv minst 10 tecken.' },
  },
  {
    name: 'a risk: a description of two letters',
    url: () => `/api/v1/initiatives/${someId}/risks`,
    schema: CreateRisk,
    as: 'samordnare.falun',
    value: { description: 'ab', likelihood: 3, impact: 3, status: 'open' },
    expected: { description: 'Skriv minst 3 tecken.' },
  },
  {
    name: 'a SCIM token: a name of spaces',
    url: () => `/api/v1/organisations/${falun}/scim-tokens`,
    schema: CreateScimToken,
    as: 'samordnare.falun',
    value: { name: '   ' },
    expected: { name: 'Uppgiften måste fyllas i.' },
  },
];

describe('forms that lost their own checks say what the API says', () => {
  for (const c of cases) {
    for (const lang of ['sv', 'en'] as const) {
      it(`${c.name} (${lang})`, async () => {
        const server = await serverPairs(await t.as(c.as), c.url(), c.value, lang);
        const client = await clientPairs(c.schema, c.value, lang);
        expect(client).toEqual(server);
        if (lang === 'sv') expect(client).toEqual(c.expected);
      });
    }
  }
});
