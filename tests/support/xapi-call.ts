import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './test-app.ts';

export interface XapiCredentials {
  clientId: string;
  clientSecret: string;
}

export const basicAuth = (c: XapiCredentials) =>
  `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`;

/** Query parameters as the LRS reads them: strings as they are, anything else (an agent) as JSON. */
export const xapiQuery = (params: Record<string, unknown>) =>
  new URLSearchParams(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  ).toString();

export interface XapiCall {
  client?: XapiCredentials | null;
  body?: unknown;
  headers?: Record<string, string>;
  /** X-Experience-API-Version; null leaves the header out. */
  version?: string | null;
}

/** A request to /xapi as an activity provider makes it: HTTP Basic, the version header, JSON bodies. */
export function xapiRequest(
  t: TestApp,
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE',
  path: string,
  params: Record<string, unknown>,
  call: XapiCall = {},
): Promise<LightMyRequestResponse> {
  const { client, body, version = '2.0.0' } = call;
  const headers: Record<string, string> = { ...call.headers };
  if (client) headers.authorization = basicAuth(client);
  if (version) headers['x-experience-api-version'] = version;
  let payload: string | Buffer | undefined;
  if (body !== undefined) {
    payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    headers['content-type'] ??= typeof body === 'string' ? 'text/plain' : 'application/json';
  }
  const qs = xapiQuery(params);
  return t.app.inject({ method, url: `/xapi${path}${qs ? `?${qs}` : ''}`, headers, payload });
}
