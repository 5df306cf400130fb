/**
 * Real calls written against the client generated from /api/openapi.json (openapi-typescript) with
 * openapi-fetch, as a system that builds on the API would write them. tests/api/openapi-client.test.ts
 * type-checks this file against the freshly generated types (so a contract the document gets wrong, or
 * loses, fails CI) and then runs the calls against a test server on loopback.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
// Generated into test-results/ by the test; resolved through the tsconfig it writes beside it.
import type { components, paths } from '#openapi-schema';

export type Api = Client<paths>;
type Problem = components['schemas']['Problem'];

/** Keeps the cookies a browser would (the session and the CSRF cookie) between calls. */
function cookieJar(): Middleware {
  const jar = new Map<string, string>();
  return {
    onRequest({ request }) {
      if (jar.size) request.headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
      return request;
    },
    onResponse({ response }) {
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
      }
      return response;
    },
  };
}

function fail(what: string, error: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(error)}`);
}

/** A person's client: the CSRF token, then the login, both with the cookies kept. */
export async function signIn(baseUrl: string, email: string, password: string) {
  const api = createClient<paths>({ baseUrl });
  api.use(cookieJar());
  const csrf = await api.GET('/api/v1/auth/csrf');
  if (!csrf.data) fail('csrf', csrf.error);
  const token: string = csrf.data.token;
  const login = await api.POST('/api/v1/auth/login', {
    body: { email, password },
    params: { header: { 'X-CSRF-Token': token } },
  });
  if (login.error) fail('login', login.error);
  return { api, csrfToken: token };
}

/** Who I am, and the municipalities of the country. */
export async function meAndMunicipalities(api: Api) {
  const me = await api.GET('/api/v1/me');
  if (!me.data) fail('me', me.error);
  const name: string = me.data.name;
  const email: string | null = me.data.email;
  const municipalities = await api.GET('/api/v1/municipalities');
  if (!municipalities.data) fail('municipalities', municipalities.error);
  const falun = municipalities.data.items.find((m) => m.code === '2080');
  return { name, email, count: municipalities.data.items.length, falun };
}

/** An unknown initiative: the error is typed as the problem the server sends (application/problem+json). */
export async function missingInitiative(api: Api, id: string) {
  const res = await api.GET('/api/v1/initiatives/{id}', { params: { path: { id } } });
  const problem: Problem | undefined = res.error;
  return { status: res.response.status, code: problem?.code, type: res.response.headers.get('content-type') };
}

/** A coordinator creates an API client for her municipality; the secret is shown once. */
export async function createApiClient(api: Api, csrfToken: string, organisationId: string) {
  const res = await api.POST('/api/v1/organisations/{id}/api-clients', {
    params: { path: { id: organisationId }, header: { 'X-CSRF-Token': csrfToken } },
    body: { name: 'Typed client check', scopes: ['mapping:read'] },
  });
  if (!res.data) fail('create API client', res.error);
  return { clientId: res.data.clientId, clientSecret: res.data.clientSecret };
}

/** A system: a token by client credentials (a form), then a bearer call without cookie or CSRF token. */
export async function bearerTechnologies(baseUrl: string, clientId: string, clientSecret: string) {
  const oauth = createClient<paths>({ baseUrl });
  const token = await oauth.POST('/oauth/token', {
    body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
    bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (!token.data) fail('token', token.error);
  const tokenType: 'Bearer' = token.data.token_type;
  const api = createClient<paths>({
    baseUrl,
    headers: { authorization: `${tokenType} ${token.data.access_token}` },
  });
  const res = await api.GET('/api/v1/municipalities/{code}/technologies', {
    params: { path: { code: '2080' } },
  });
  if (!res.data) fail('technologies', res.error);
  return { municipality: res.data.municipality.name, technologies: res.data.items.length };
}

/** What the generated types refuse: a path the API does not have, and a body field it does not take. */
export function refusedAtCompileTime(api: Api) {
  // @ts-expect-error: no such path in the document
  void api.GET('/api/v1/no-such-path');
  // @ts-expect-error: the login needs a password
  void api.POST('/api/v1/auth/login', { body: { email: 'karin@example.se' } });
}
