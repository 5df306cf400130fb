import { DEMO_PASSWORD } from '../../src/server/db/demo/demo-people.ts';

/** A client of a real server over HTTP that keeps cookies and sends the CSRF token, like the browser. */
export interface HttpAgent {
  request(method: string, path: string, body?: unknown): Promise<{ status: number; json: () => unknown }>;
  /** The same browser (cookies, CSRF token) talking to another instance, as behind a load balancer. */
  at(baseUrl: string): HttpAgent;
}

export async function httpLogin(
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<HttpAgent> {
  const cookies = new Map<string, string>();
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${baseUrl}/api/v1/auth/csrf`);
  remember(csrfRes);
  const { token } = (await csrfRes.json()) as { token: string };
  const agentAt = (url: string): HttpAgent => ({
    async request(method, path, body) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          cookie: cookieHeader(),
          ...(method === 'GET' ? {} : { 'x-csrf-token': token }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      remember(res);
      const text = await res.text();
      return { status: res.status, json: () => JSON.parse(text) };
    },
    at: agentAt,
  });
  const agent = agentAt(baseUrl);
  const login = await agent.request('POST', '/api/v1/auth/login', { email, password });
  if (login.status !== 200) throw new Error(`login as ${email} failed: ${login.status}`);
  return agent;
}
