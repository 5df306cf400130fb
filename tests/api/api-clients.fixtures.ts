import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { queryRows } from '../../src/server/db/client.ts';
import type { ApiClientCreated } from '../../src/shared/contracts/api-clients.ts';
import type { TestApp } from '../support/test-app.ts';

/** The id of an organisation by kind and code (municipalities, regions) or name. */
export async function orgByCode(t: TestApp, kind: string, code: string) {
  const [row] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where kind = ${kind} and code = ${code}`,
  );
  return row!.id;
}

export const nationId = async (t: TestApp) =>
  (await queryRows<{ id: string }>(t.db, sql`select id from organisations where kind = 'nation'`))[0]!.id;

/** An API client created through the API by a demo account (e.g. the municipality's coordinator). */
export async function createClient(
  t: TestApp,
  as: string,
  organisationId: string,
  scopes: string[],
  name = 'Power BI',
): Promise<ApiClientCreated> {
  const res = await (await t.as(as)).post(`/api/v1/organisations/${organisationId}/api-clients`, {
    name,
    scopes,
  });
  if (res.statusCode !== 201) throw new Error(`creating a client failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** POST /oauth/token as a system does: a form body, the client authenticated by HTTP Basic. */
export function requestToken(
  t: TestApp,
  client: { clientId: string; clientSecret: string },
  fields: Record<string, string> = { grant_type: 'client_credentials' },
): Promise<LightMyRequestResponse> {
  const basic = Buffer.from(
    `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`,
  ).toString('base64');
  return t.app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

export async function accessToken(
  t: TestApp,
  client: { clientId: string; clientSecret: string },
  scope?: string,
) {
  const res = await requestToken(t, client, {
    grant_type: 'client_credentials',
    ...(scope ? { scope } : {}),
  });
  if (res.statusCode !== 200) throw new Error(`token request failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { access_token: string }).access_token;
}

/** A call to /api/v1 with a bearer token and nothing else: no cookie, no CSRF token. */
export function bearer(
  t: TestApp,
  token: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

export const countRows = async (t: TestApp, table: 'api_clients' | 'api_access_tokens' | 'users') =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
