import { randomUUID } from 'node:crypto';
import { parseSecretsKey, secretBox } from '../../src/server/lib/secrets.ts';
import { startOidcPeer } from '../../tests/support/oidc-peer.ts';
import { BENCH_SECRETS_KEY } from '../lib/accounts.ts';
import { type LoadStats, percentile } from '../lib/load.ts';
import { registerScenario } from './registry.ts';

const ACCOUNTS = 50;
const SSO_DOMAIN = 'sso.bench.valfardsnavet.se';

/**
 * The OIDC callback under load: each round starts a login (/auth/sso/:id/login), signs in at a real
 * oidc-provider started here, and times only our callback — state check, the code exchange at the
 * IdP's token endpoint, the ID token's signature against its JWKS, userinfo, provisioning and the
 * session. Fifty accounts: the first round of each provisions the person, later rounds refresh them.
 */
registerScenario({
  name: 'sso-callback',
  description:
    'GET /auth/sso/{idp}/callback: full OIDC code exchange against a local oidc-provider, then sign-in',
  async run(ctx) {
    const [municipality] = ctx.municipalities;
    if (!municipality)
      return {
        scenario: 'sso-callback',
        description: this.description,
        budgets: [],
        notes: ['no municipality'],
      };
    const idpId = randomUUID();
    // The bench server keeps the default PUBLIC_URL (it learns its port only when listening): the redirect
    // URI it sends is on localhost:3000, and the callback is then made to its real address.
    const redirectUri = (origin: string) => `${origin}/auth/sso/${idpId}/callback`;
    const peer = await startOidcPeer({
      redirectUris: [redirectUri(ctx.baseUrl), redirectUri('http://localhost:3000')],
    });
    for (let i = 0; i < ACCOUNTS; i++) {
      peer.accounts.set(`bench-${i}`, {
        email: `sso.${i}@${SSO_DOMAIN}`,
        email_verified: true,
        name: `SSO Bench ${i}`,
        groups: i % 10 === 0 ? ['Enhetschefer'] : [],
      });
    }
    const box = secretBox(parseSecretsKey(BENCH_SECRETS_KEY)!);
    await ctx.server.query(
      `insert into identity_providers (id, organisation_id, kind, name, issuer, client_id, client_secret_enc, scopes, mapping)
       values ($1, $2, 'oidc', 'Bench IdP', $3, $4, $5, 'openid email profile groups', $6)`,
      [
        idpId,
        municipality.id,
        peer.issuer,
        peer.clientId,
        box.seal(peer.clientSecret),
        JSON.stringify({ roleRules: [{ value: 'Enhetschefer', role: 'manager' }] }),
      ],
    );
    const latencies: number[] = [];
    const statusCodes: Record<string, number> = {};
    let errors = 0;
    let round = 0;
    const oneLogin = async () => {
      const sub = `bench-${round++ % ACCOUNTS}`;
      const start = await fetch(`${ctx.baseUrl}/auth/sso/${idpId}/login`, { redirect: 'manual' });
      const cookie = start.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      // The peer signs in whoever nextAccount names: concurrent rounds may swap people, which does not
      // change what is timed.
      peer.nextAccount = sub;
      const location = start.headers.get('location')!;
      const registered = new URL(location).searchParams.get('redirect_uri')!;
      const callback = new URL(await peer.authorize(location, registered));
      const t0 = performance.now();
      const res = await fetch(`${ctx.baseUrl}${callback.pathname}${callback.search}`, {
        redirect: 'manual',
        headers: { cookie },
      });
      const ms = performance.now() - t0;
      await res.arrayBuffer();
      const ok = res.status === 302 && res.headers.get('location') === '/';
      statusCodes[ok ? '302' : `${res.status} ${res.headers.get('location')}`] =
        (statusCodes[ok ? '302' : `${res.status} ${res.headers.get('location')}`] ?? 0) + 1;
      if (ok) latencies.push(ms);
      else errors++;
    };
    const measure = async (connections: number, seconds: number): Promise<LoadStats> => {
      latencies.length = 0;
      errors = 0;
      for (const k of Object.keys(statusCodes)) delete statusCodes[k];
      const until = Date.now() + seconds * 1000;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (Date.now() < until) await oneLogin();
        }),
      );
      const elapsed = (performance.now() - t0) / 1000;
      const sorted = [...latencies].sort((a, b) => a - b);
      return {
        connections,
        seconds: elapsed,
        requests: sorted.length,
        requestsPerSecond: sorted.length / elapsed,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        errors,
        statusCodes: { ...statusCodes },
      };
    };
    try {
      // Warm-up provisions all fifty people, so the measured rounds are the everyday case: a refresh.
      for (let i = 0; i < ACCOUNTS; i++) await oneLogin();
      const single = await measure(1, Math.min(3, ctx.duration));
      const load = await measure(ctx.connections, ctx.duration);
      return {
        scenario: 'sso-callback',
        description: this.description,
        single,
        load,
        budgets: [],
        notes: [
          'times the callback only (our server + its calls to the IdP on loopback); login start and the IdP hop are not counted',
          `${ACCOUNTS} accounts, provisioned in the warm-up; measured rounds refresh name, unit and role`,
        ],
      };
    } finally {
      await peer.close();
      // The people the IdP provisioned go with it: the bench database stays as generated.
      await ctx.server.query(`delete from users where email like $1`, [`%@${SSO_DOMAIN}`]);
      await ctx.server.query(`delete from identity_providers where id = $1`, [idpId]);
    }
  },
});
