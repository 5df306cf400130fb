import { hashToken } from '../../src/server/lib/tokens.ts';
import { BENCH_PASSWORD } from './accounts.ts';

export interface Session {
  email: string;
  userId: string;
  /** Cookie header with the session and CSRF cookies. */
  cookie: string;
  csrfToken: string;
  /** SHA-256 of the session token, as stored in `sessions.token_hash` (for the SQL floor). */
  tokenHash: string;
}

function cookiesOf(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    out.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
  return out;
}

/** A CSRF token and its cookie, as the browser app gets them before any state change. */
export async function getCsrf(baseUrl: string): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${baseUrl}/api/v1/auth/csrf`);
  if (!res.ok) throw new Error(`GET /auth/csrf: ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  return { token, cookie: `vn_csrf=${cookiesOf(res).get('vn_csrf')}` };
}

/** Logs in through the public API (CSRF + password) and returns the real session. */
export async function login(baseUrl: string, email: string, password = BENCH_PASSWORD): Promise<Session> {
  const csrf = await getCsrf(baseUrl);
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrf.cookie, 'x-csrf-token': csrf.token },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${email}: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as { id: string };
  const token = cookiesOf(res).get('vn_session');
  if (!token) throw new Error(`login as ${email}: no session cookie`);
  return {
    email,
    userId: me.id,
    cookie: `${csrf.cookie}; vn_session=${token}`,
    csrfToken: csrf.token,
    tokenHash: hashToken(token),
  };
}

/** Logs in several accounts, a few at a time (each login costs an argon2id verification). */
export async function loginAll(baseUrl: string, emails: string[], parallel = 4): Promise<Session[]> {
  const out: Session[] = new Array(emails.length);
  let next = 0;
  const worker = async () => {
    while (next < emails.length) {
      const i = next++;
      out[i] = await login(baseUrl, emails[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, emails.length) }, worker));
  return out;
}

export async function getJson<T>(baseUrl: string, session: Session, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
