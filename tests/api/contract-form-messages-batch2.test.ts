import type { FieldValues } from 'react-hook-form';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CreateAccount } from '../../src/shared/contracts/activation.ts';
import { CreateApiClient } from '../../src/shared/contracts/api-clients.ts';
import { ChangePasswordForm } from '../../src/shared/contracts/auth.ts';
import { CreateCourse } from '../../src/shared/contracts/authoring.ts';
import { clientPairs, serverPairs } from '../support/contract-messages.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { orgId } from './programmes.fixtures.ts';

// The forms moved to their contracts in issue 16's second batch say what the API says about the same
// input (ADR 17): the same field → message pairs in the browser's check and in the API's answer.

let t: TestApp;
let falun: string;
let norr: string;
beforeAll(async () => {
  t = await createTestApp();
  falun = await orgId(t, 'Falun', 'municipality');
  norr = await orgId(t, 'Hemtjänsten Norr', 'unit');
});
afterAll(() => t.close());

const cases: {
  name: string;
  url: () => string;
  schema: z.ZodType<FieldValues, FieldValues>;
  as: string;
  /** What the form holds; `sent` is what it posts, when the two differ (a repetition stays behind). */
  value: () => FieldValues;
  sent?: (v: FieldValues) => FieldValues;
}[] = [
  {
    name: 'API client: a name of spaces and no scope chosen',
    url: () => `/api/v1/organisations/${falun}/api-clients`,
    schema: CreateApiClient,
    as: 'samordnare.falun',
    value: () => ({ name: '   ', scopes: [] }),
  },
  {
    name: 'account without e-mail: no name, neither username nor employee number',
    url: () => `/api/v1/organisations/${norr}/accounts`,
    schema: CreateAccount,
    as: 'chef.falun',
    value: () => ({ name: '', role: 'staff' }),
  },
  {
    name: 'account without e-mail: a username with a space and an employee number with a slash',
    url: () => `/api/v1/organisations/${norr}/accounts`,
    schema: CreateAccount,
    as: 'chef.falun',
    value: () => ({ name: 'Bo Testsson', username: 'bo t', employeeNumber: '12/34', role: 'staff' }),
  },
  {
    name: 'new course: a key with capitals and a blank title and summary',
    url: () => '/api/v1/courses',
    schema: CreateCourse,
    as: 'samordnare.falun',
    value: () => ({
      key: 'Digitala Lås',
      track: 'staff',
      ownerOrganisationId: falun,
      visibility: 'municipality',
      title: ' ',
      summary: '',
    }),
  },
  {
    name: 'change of password: a new password that is too short',
    url: () => '/api/v1/auth/password',
    schema: ChangePasswordForm,
    as: 'ulla.aberg',
    value: () => ({ currentPassword: 'demo-valfard-2026', newPassword: 'kort', confirm: 'kort' }),
    sent: ({ confirm: _repeated, ...body }) => body,
  },
];

describe('the second batch of contract forms say what the API says', () => {
  for (const c of cases) {
    for (const lang of ['sv', 'en'] as const) {
      it(`${c.name} (${lang})`, async () => {
        const agent = await t.as(c.as);
        const value = c.value();
        const client = await clientPairs(c.schema, value, lang);
        const server = await serverPairs(agent, c.url(), c.sent ? c.sent(value) : value, lang);
        expect(Object.keys(client).length).toBeGreaterThan(0);
        expect(client).toEqual(server);
      });
    }
  }

  it('a repeated password that differs is the form’s own message, named in both languages', async () => {
    const value = { currentPassword: 'x', newPassword: 'ett långt nytt lösenord', confirm: 'ett annat' };
    expect(await clientPairs(ChangePasswordForm, value, 'sv')).toEqual({
      confirm: 'Lösenorden är inte likadana.',
    });
    expect(await clientPairs(ChangePasswordForm, value, 'en')).toEqual({
      confirm: 'The passwords are not the same.',
    });
  });
});
