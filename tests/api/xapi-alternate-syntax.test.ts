import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import type { ApiClientCreated } from '../../src/shared/contracts/api-clients.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { basicAuth } from '../support/xapi-call.ts';
import { createClient, orgByCode } from './api-clients.fixtures.ts';

/**
 * The alternate request syntax (xAPI 1.0.3 Communication §1.3): a POST naming the intended method in
 * the query string, with headers, parameters and content as form fields. 1.0.3 requires it; xAPI 2.0
 * removed it, so a request that speaks 2.0 is refused.
 */

let t: TestApp;
let falunAll: ApiClientCreated;
let falunRead: ApiClientCreated;
beforeAll(async () => {
  t = await createTestApp();
  const falun = await orgByCode(t, 'municipality', '2080');
  falunAll = await createClient(t, 'samordnare.falun', falun, ['xapi:all'], 'Äldre simulatorn');
  falunRead = await createClient(t, 'samordnare.falun', falun, ['xapi:read'], 'Rapporter');
});
afterAll(() => t.close());

const ACTIVITY = 'https://simulator.example.se/xapi/ovningar/nattlarm';
const statement = () => ({
  actor: { objectType: 'Agent', mbox: `mailto:${randomUUID()}@example.se` },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'sv-SE': 'slutförde' } },
  object: { id: ACTIVITY },
});
const countStatements = async () =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from learning_statements`))[0]!.n;

/** A request in the alternate syntax; `headers` are sent as HTTP headers beside the form. */
const alternate = (
  path: string,
  method: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
  query = '',
) =>
  t.app.inject({
    method: 'POST',
    url: `/xapi${path}?method=${method}${query}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(form).toString(),
  });

const v103 = { 'x-experience-api-version': '1.0.3' };

describe('the alternate request syntax of xAPI 1.0.3', () => {
  it('stores a PUT sent as a POST, credentials and version in the form, and reads it with a GET sent as a POST', async () => {
    const id = randomUUID();
    const stored = await alternate('/statements', 'PUT', {
      statementId: id,
      content: JSON.stringify(statement()),
      Authorization: basicAuth(falunAll),
      'X-Experience-API-Version': '1.0.3',
    });
    expect(stored.statusCode, stored.body).toBe(204);
    expect(stored.headers['x-experience-api-version']).toBe('1.0.3');

    const read = await alternate(
      '/statements',
      'GET',
      { statementId: id },
      {
        ...v103,
        authorization: basicAuth(falunRead),
      },
    );
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    expect(read.json()).toMatchObject({ id, object: { id: ACTIVITY } });
    const page = await alternate(
      '/statements',
      'GET',
      { limit: '1' },
      { ...v103, authorization: basicAuth(falunRead) },
    );
    expect(page.statusCode).toBe(200);
    expect(page.json()).toHaveProperty('statements');
    expect(page.json()).toHaveProperty('more');
  });

  it('takes documents the same way, with If-None-Match from the form', async () => {
    const agent = JSON.stringify({ mbox: 'mailto:nattpersonal@example.se' });
    const params = { activityId: ACTIVITY, agent, stateId: 'bokmarke' };
    const auth = { ...v103, authorization: basicAuth(falunAll) };
    const put = await alternate(
      '/activities/state',
      'PUT',
      {
        ...params,
        content: JSON.stringify({ sida: 3 }),
        'Content-Type': 'application/json',
      },
      auth,
    );
    expect(put.statusCode, put.body).toBe(204);
    const got = await alternate('/activities/state', 'GET', params, auth);
    expect(got.json()).toEqual({ sida: 3 });
    // A document that exists is not created again under If-None-Match: *.
    const again = await alternate(
      '/activities/state',
      'PUT',
      {
        ...params,
        content: JSON.stringify({ sida: 4 }),
        'If-None-Match': '*',
      },
      auth,
    );
    expect(again.statusCode).toBe(412);
    const activity = await alternate('/activities', 'GET', { activityId: ACTIVITY }, auth);
    expect(activity.statusCode).toBe(200);
  });

  it('refuses what the syntax does not allow with 400, storing nothing', async () => {
    const before = await countStatements();
    const auth = { ...v103, authorization: basicAuth(falunAll) };
    const content = JSON.stringify(statement());
    const id = randomUUID();
    // Parameters in the query string beside `method`.
    expect(
      (await alternate('/statements', 'PUT', { statementId: id, content }, auth, `&statementId=${id}`))
        .statusCode,
    ).toBe(400);
    // Not sent as a POST.
    const asGet = await t.app.inject({ method: 'GET', url: '/xapi/statements?method=POST', headers: auth });
    expect(asGet.statusCode).toBe(400);
    // No content, or content not sent as a form.
    expect((await alternate('/statements', 'PUT', {}, auth)).statusCode).toBe(400);
    const notForm = await t.app.inject({
      method: 'POST',
      url: '/xapi/statements?method=PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ statementId: id, content }),
    });
    expect(notForm.statusCode).toBe(400);
    // An unknown method.
    expect((await alternate('/statements', 'PATCH', { content }, auth)).statusCode).toBe(400);
    expect(await countStatements()).toBe(before);
  });

  it('is refused for a request that speaks xAPI 2.0, and without credentials is a 401', async () => {
    const before = await countStatements();
    const v2 = await alternate(
      '/statements',
      'PUT',
      {
        statementId: randomUUID(),
        content: JSON.stringify(statement()),
      },
      { 'x-experience-api-version': '2.0.0', authorization: basicAuth(falunAll) },
    );
    expect(v2.statusCode).toBe(400);
    expect(v2.json()).toMatchObject({ error: true });
    const anonymous = await alternate(
      '/statements',
      'PUT',
      {
        statementId: randomUUID(),
        content: JSON.stringify(statement()),
      },
      v103,
    );
    expect(anonymous.statusCode).toBe(401);
    // A reading client may not write this way either.
    const reader = await alternate(
      '/statements',
      'POST',
      { content: JSON.stringify(statement()) },
      {
        ...v103,
        authorization: basicAuth(falunRead),
      },
    );
    expect(reader.statusCode).toBe(403);
    expect(await countStatements()).toBe(before);
  });

  it('never passes a session cookie on', async () => {
    const learner = await t.as('personal.falun');
    const cookie = [...learner.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    // The same cookie reads her own statements with the usual syntax.
    const own = await t.app.inject({
      method: 'GET',
      url: '/xapi/statements?limit=1',
      headers: { ...v103, cookie },
    });
    expect(own.statusCode).toBe(200);
    const res = await alternate('/statements', 'GET', { limit: '1' }, { ...v103, cookie });
    expect(res.statusCode).toBe(401);
  });
});
