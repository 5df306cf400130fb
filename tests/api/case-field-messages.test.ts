import type { FieldErrors } from 'react-hook-form';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  clientMessage,
  contractResolver,
  flattenErrors,
} from '../../src/client/components/form/contract-messages.ts';
import { CreateCase } from '../../src/shared/contracts/cases.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';
import { caseBody, counts, put } from './cases.fixtures.ts';

/**
 * A case's field errors say what the field wants (issue 16), the same in the browser's form (the shared
 * contract checked by the client) and in the API's answer: not "Uppgiften måste fyllas i." twice.
 */

let t: TestApp;
let falun: Agent;

beforeAll(async () => {
  t = await createTestApp();
  falun = await t.as('samordnare.falun');
});
afterAll(() => t.close());

const empty = caseBody({ title: '', summary: ' ', technologyKeys: [], costSek: -5 });

describe('case field messages', () => {
  it('names what each field wants, in Swedish and in English, writing nothing', async () => {
    const before = await counts(t);
    const res = await falun.post('/api/v1/cases', empty);
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; code: string; message: string }[];
    expect(errors.map((e) => [e.path, e.code, e.message])).toEqual(
      expect.arrayContaining([
        ['body.title', 'min_three_chars', 'Skriv minst 3 tecken.'],
        ['body.summary', 'min_ten_chars', 'Skriv minst 10 tecken.'],
        ['body.technologyKeys', 'choose_technology', 'Välj minst en teknik.'],
        ['body.costSek', 'cost_whole_kronor', 'Ange kostnaden som ett heltal i kronor.'],
      ]),
    );
    falun.cookies.set('vn_lang', 'en');
    const english = (await falun.post('/api/v1/cases', empty)).json().errors as {
      code: string;
      message: string;
    }[];
    falun.cookies.delete('vn_lang');
    expect(english.find((e) => e.code === 'choose_technology')?.message).toBe(
      'Choose at least one technology.',
    );
    expect(await counts(t)).toEqual(before);
  });

  it('gives the browser’s form the same codes and words from the same contract', async () => {
    // The resolver the case form uses (react-hook-form over the CreateCase contract).
    // What the form holds is the contract's input; the fixture's plain strings stand for its choices.
    const values = empty as z.input<typeof CreateCase>;
    const { errors } = await contractResolver(CreateCase)(values, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    const client = [...flattenErrors(errors as FieldErrors)].map(([path, e]) => [
      path,
      clientMessage(e, 'sv'),
    ]);
    expect(client).toEqual(
      expect.arrayContaining([
        ['title', 'Skriv minst 3 tecken.'],
        ['summary', 'Skriv minst 10 tecken.'],
        ['technologyKeys', 'Välj minst en teknik.'],
        ['costSek', 'Ange kostnaden som ett heltal i kronor.'],
      ]),
    );
  });

  it('says the same when a draft is changed, and still saves a good change', async () => {
    const created = await falun.post('/api/v1/cases', caseBody());
    expect(created.statusCode).toBe(201);
    const url = `/api/v1/cases/${created.json().id}`;
    const { municipalityCode: _, ...fields } = caseBody({ title: 'x', costSek: 1.5 });
    const before = await counts(t);
    const bad = await put(falun, url, fields);
    expect(bad.statusCode).toBe(400);
    expect((bad.json().errors as { code: string }[]).map((e) => e.code).sort()).toEqual([
      'cost_whole_kronor',
      'min_three_chars',
    ]);
    expect(await counts(t)).toEqual(before);
    const { municipalityCode: __, ...good } = caseBody({ lessons: 'Sparat av sig självt.' });
    const ok = await put(falun, url, good);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().lessons).toBe('Sparat av sig självt.');
  });

  it('refuses other roles and other municipalities on a change', async () => {
    const created = await falun.post('/api/v1/cases', caseBody());
    const url = `/api/v1/cases/${created.json().id}`;
    const { municipalityCode: _, ...fields } = caseBody({ lessons: 'Intrång.' });
    for (const user of ['personal.falun', 'samordnare.borlange']) {
      const res = await put(await t.as(user), url, fields);
      expect([403, 404], user).toContain(res.statusCode);
    }
    expect((await falun.get(url)).json().lessons).toBe('Informera anhöriga tidigt.');
  });
});
