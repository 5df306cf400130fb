import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { queryRows } from '../../src/server/db/client.ts';
import type { TestApp } from '../support/test-app.ts';

export const PUBLIC_URL = 'https://navet.test';
export const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';

/** A request to the cmi5 LMS API with an API client's bearer token (no cookie, no CSRF token). */
export function lms(
  t: TestApp,
  token: string,
  method: 'POST' | 'DELETE',
  url: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<LightMyRequestResponse> {
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body);
  return t.app.inject({
    method,
    url: `/api/v1/cmi5${url}`,
    headers: {
      authorization: `Bearer ${token}`,
      ...(payload !== undefined ? { 'content-type': contentType } : {}),
    },
    payload,
  });
}

export const learnerAgent = (name = `learner-${randomUUID()}`) => ({
  objectType: 'Agent' as const,
  account: { homePage: 'https://harness.example.org', name },
});

export interface Launch {
  url: string;
  registration: string;
  sessionId: string;
  params: URLSearchParams;
}

export function launched(res: LightMyRequestResponse): Launch {
  if (res.statusCode !== 200) throw new Error(`launch failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as Omit<Launch, 'params'>;
  return { ...body, params: new URL(body.url).searchParams };
}

/** POSTs the fetch URL as the AU does (no credentials) and answers the auth-token header value. */
export async function fetchToken(t: TestApp, launch: Launch): Promise<string> {
  const fetchUrl = new URL(launch.params.get('fetch')!);
  const res = await t.app.inject({ method: 'POST', url: fetchUrl.pathname });
  const token = (res.json() as { 'auth-token'?: string })['auth-token'];
  if (!token) throw new Error(`fetch failed: ${res.body}`);
  return token;
}

/** A statement the AU sends in its session, built on the context template of LMS.LaunchData. */
export function auStatement(
  launch: Launch,
  verb: string,
  extra: { result?: Record<string, unknown>; moveOn?: boolean; actor?: unknown; registration?: string } = {},
) {
  return {
    id: randomUUID(),
    actor: extra.actor ?? JSON.parse(launch.params.get('actor')!),
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
    object: { id: launch.params.get('activityId')!, objectType: 'Activity' },
    ...(extra.result ? { result: extra.result } : {}),
    context: {
      registration: extra.registration ?? launch.registration,
      contextActivities: {
        category: [{ id: CMI5_CATEGORY }, ...(extra.moveOn ? [{ id: MOVEON_CATEGORY }] : [])],
      },
      extensions: { [SESSION_EXT]: launch.sessionId },
    },
    timestamp: new Date().toISOString(),
  };
}

export function sendStatements(t: TestApp, token: string, statements: unknown) {
  return t.app.inject({
    method: 'POST',
    url: '/xapi/statements',
    headers: {
      authorization: `Basic ${token}`,
      'x-experience-api-version': '1.0.3',
      'content-type': 'application/json',
    },
    payload: JSON.stringify(statements),
  });
}

/** The LMS's statements of a registration in the LRS, by verb (the last path segment of its id). */
export async function verbsOf(t: TestApp, registration: string) {
  const rows = await queryRows<{ verb: string; object_id: string }>(
    t.db,
    sql`select verb, object_id from learning_statements where registration = ${registration} order by "timestamp", seq`,
  );
  return rows.map((r) => r.verb.split('/').pop()!);
}
