import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startInstances } from '../support/instances.ts';

/**
 * Issue 19's proof that the application tier is stateless where it matters: three real server
 * processes on one PostgreSQL (tests/support/instances.ts), as behind a load balancer. One cluster for
 * the whole file (starting three servers is most of its time); a test that kills an instance starts a
 * replacement with `cluster.start()` so the tests after it still find three.
 */
let cluster: Cluster;
beforeAll(async () => {
  cluster = await startInstances(3);
});
afterAll(() => cluster?.stop());

const urls = () => cluster.instances.filter((i) => i.alive).map((i) => i.url);

describe('a session started on one instance', () => {
  it('works on every instance, for reads and writes, until it is ended on any of them', async () => {
    const [a, b, c] = cluster.instances;
    const falun = await cluster.login(a!, 'samordnare.falun');
    const ids = new Set<string>();
    for (const url of urls()) {
      const me = await falun.at(url).request('GET', '/api/v1/me');
      expect(me.status, url).toBe(200);
      ids.add((me.json() as { id: string }).id);
    }
    expect(ids.size).toBe(1);

    // A write through B with the CSRF token handed out by A; C reads what B wrote.
    const changed = await falun.at(b!.url).request('PATCH', '/api/v1/me', { preferredLanguage: 'en' });
    expect(changed.status).toBe(200);
    const seen = await falun.at(c!.url).request('GET', '/api/v1/me');
    expect((seen.json() as { preferredLanguage: string }).preferredLanguage).toBe('en');

    expect((await falun.at(c!.url).request('POST', '/api/v1/auth/logout', {})).status).toBe(200);
    for (const url of urls())
      expect((await falun.at(url).request('GET', '/api/v1/me')).status, url).toBe(401);
  });
});

describe('the login limit', () => {
  it('holds in total over all instances (20 a minute per client address)', async () => {
    // One client behind the load balancer (TRUST_PROXY=1): its address comes in X-Forwarded-For.
    const client = '203.0.113.19';
    const attempt = async (url: string) => {
      const res = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': client,
          // The double-submit pair any browser sends (plugins/csrf.ts).
          cookie: 'vn_csrf=multi-instance',
          'x-csrf-token': 'multi-instance',
        },
        // A new address each time: the per-address lockout (423) is another rule.
        body: JSON.stringify({ email: `nobody.${randomUUID()}@example.se`, password: 'x' }),
      });
      await res.text();
      return res.status;
    };
    // 30 attempts at once, spread over the instances as a round-robin balancer would.
    const live = urls();
    const codes = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(live[i % live.length]!)));
    expect(codes.filter((c) => c === 401)).toHaveLength(20);
    expect(codes.filter((c) => c === 429)).toHaveLength(10);
  });
});

describe('caches', () => {
  it('show a change made through one instance on the others within a second (ADR 23)', async () => {
    const [a, ...others] = cluster.instances.filter((i) => i.alive);
    const falun = await cluster.login(a!, 'samordnare.falun');
    const dalarna = await cluster.login(a!, 'region.dalarna');
    /** Falun's digital-lock status in the Dalarna matrix, which every instance caches for a minute. */
    const statusAt = async (url: string) => {
      const res = await dalarna.at(url).request('GET', '/api/v1/adoption?region=20');
      expect(res.status, url).toBe(200);
      const m = res.json() as {
        technologies: { key: string }[];
        municipalities: { code: string; cells: { status: string | null }[] }[];
      };
      const column = m.technologies.findIndex((t) => t.key === 'digital-lock');
      return m.municipalities.find((x) => x.code === '2080')!.cells[column]!.status;
    };
    for (const i of others) expect(await statusAt(i.url)).not.toBe('piloting');

    const put = await falun.request('PUT', '/api/v1/municipalities/2080/technologies', {
      items: [{ technologyKey: 'digital-lock', status: 'piloting', since: '2024-03-01', usersServed: 10 }],
    });
    expect(put.status).toBe(200);
    for (const i of others) {
      await expect.poll(() => statusAt(i.url), { timeout: 1_000, interval: 20 }).toBe('piloting');
    }
  });
});

// Still to come here, each as its own describe block on the same cluster (issue 19, "Proof"):
// - describe('durable jobs: an import survives the kill of its instance; a reminder is sent once', …):
//   kill with `instance.kill()`, then `cluster.start()` a replacement.
