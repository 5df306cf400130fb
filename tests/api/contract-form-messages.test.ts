import type { FieldValues } from 'react-hook-form';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { LoginRequest } from '../../src/shared/contracts/auth.ts';
import type { Problem } from '../../src/shared/contracts/common.ts';
import { CreateInitiative } from '../../src/shared/contracts/initiatives.ts';
import { CreateNetwork } from '../../src/shared/contracts/networks.ts';
import { clientPairs, serverPairs } from '../support/contract-messages.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { orgId } from './programmes.fixtures.ts';

// A form's browser check and the API must say the same thing about the same input: both go through
// issueCode → fieldMessage (src/shared/i18n/issue-code.ts). This posts what a form would refuse and
// compares the field → message pairs the person would see.

let t: TestApp;
let falun: string;
beforeAll(async () => {
  t = await createTestApp();
  falun = await orgId(t, 'Falun', 'municipality');
});
afterAll(() => t.close());

const cases: {
  name: string;
  url: string;
  schema: z.ZodType<FieldValues, FieldValues>;
  as?: string;
  value: () => FieldValues;
}[] = [
  {
    name: 'login: a malformed e-mail address and no password',
    url: '/api/v1/auth/login',
    schema: LoginRequest,
    value: () => ({ email: 'inte-en-adress', password: '' }),
  },
  {
    name: 'network: an empty name and an owner that is not an id',
    url: '/api/v1/networks',
    schema: CreateNetwork,
    as: 'samordnare.falun',
    value: () => ({ name: '', kind: 'network', level: 'municipal', ownerOrganisationId: 'falun' }),
  },
  {
    name: 'initiative: a short title and a negative budget',
    url: '/api/v1/initiatives',
    schema: CreateInitiative,
    as: 'samordnare.falun',
    value: () => ({ title: 'ab', ownerOrganisationId: falun, budgetSek: -1 }),
  },
  {
    name: 'network: a kind and a level left at "choose" (nothing sent) and a name of spaces',
    url: '/api/v1/networks',
    schema: CreateNetwork,
    as: 'samordnare.falun',
    value: () => ({ name: '   ', ownerOrganisationId: falun }),
  },
  {
    name: 'initiative: the end date before the start date (a rule across fields)',
    url: '/api/v1/initiatives',
    schema: CreateInitiative,
    as: 'samordnare.falun',
    value: () => ({
      title: 'Trygghetskameror',
      ownerOrganisationId: falun,
      startsOn: '2026-05-01',
      endsOn: '2026-04-01',
    }),
  },
];

describe('contract forms say what the API says', () => {
  for (const c of cases) {
    for (const lang of ['sv', 'en'] as const) {
      it(`${c.name} (${lang})`, async () => {
        const agent = c.as ? await t.as(c.as) : t.agent();
        const value = c.value();
        const client = await clientPairs(c.schema, value, lang);
        const server = await serverPairs(agent, c.url, value, lang);
        expect(Object.keys(client).length).toBeGreaterThan(0);
        expect(client).toEqual(server);
      });
    }
  }

  it('an empty required text is "required" in the browser and in the API', async () => {
    const agent = await t.as('samordnare.falun');
    const value = { name: '', kind: 'network', level: 'municipal', ownerOrganisationId: falun };
    const client = await clientPairs(CreateNetwork, value, 'sv');
    expect(client.name).toBe('Uppgiften måste fyllas i.');
    agent.cookies.set('vn_lang', 'sv');
    const res = await agent.post('/api/v1/networks', value);
    expect(await clientPairs(CreateNetwork, { ...value, kind: undefined }, 'sv')).toMatchObject({
      kind: 'Uppgiften måste fyllas i.',
    });
    expect((res.json() as Problem).errors).toContainEqual({
      path: 'body.name',
      code: 'required',
      message: 'Uppgiften måste fyllas i.',
    });
  });
});
