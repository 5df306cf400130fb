import { createHash, randomBytes } from 'node:crypto';
import { type LoadStats, percentile } from '../lib/load.ts';
import { type Budget, registerScenario } from './registry.ts';

const SCIM_DOMAIN = 'scim.bench.valfardsnavet.se';
const PATCH_P95_BUDGET_MS = 50;
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/**
 * SCIM as Entra ID drives it, against the largest municipality of the national dataset: POST /Users
 * (a new person, a staff membership in the unit named by `department`) and PATCH /Users/{id} (Entra's
 * Replace of family name, employee number and department — a real change every round, never the
 * idempotent no-op). Budget: PATCH p95 ≤ 50 ms at the bench's connections.
 */
registerScenario({
  name: 'scim',
  description:
    'POST /scim/v2/Users, then PATCH /scim/v2/Users/{id} (Replace name, employeeNumber, department)',
  async run(ctx) {
    const [municipality] = ctx.municipalities;
    if (!municipality)
      return { scenario: 'scim', description: this.description, budgets: [], notes: ['no municipality'] };
    const token = `vnscim_${randomBytes(32).toString('base64url')}`;
    const hash = createHash('sha256').update(token).digest('hex');
    const [tokenRow] = await ctx.server.query<{ id: string }>(
      `insert into scim_tokens (organisation_id, name, token_hash) values ($1, 'Bench', $2) returning id`,
      [municipality.id, hash],
    );
    const units = (
      await ctx.server.query<{ name: string }>(
        `select name from organisations where parent_id = $1 and kind = 'unit' order by name limit 20`,
        [municipality.id],
      )
    ).map((r) => r.name);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
    const created: string[] = [];
    let serial = 0;

    const time = async (
      connections: number,
      seconds: number,
      one: () => Promise<{ ok: boolean; code: string; ms: number }>,
    ): Promise<LoadStats> => {
      const latencies: number[] = [];
      const statusCodes: Record<string, number> = {};
      let errors = 0;
      const until = Date.now() + seconds * 1000;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (Date.now() < until) {
            const r = await one();
            statusCodes[r.code] = (statusCodes[r.code] ?? 0) + 1;
            if (r.ok) latencies.push(r.ms);
            else errors++;
          }
        }),
      );
      const elapsed = (performance.now() - t0) / 1000;
      const sorted = latencies.sort((a, b) => a - b);
      return {
        connections,
        seconds: elapsed,
        requests: sorted.length,
        requestsPerSecond: sorted.length / elapsed,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        errors,
        statusCodes,
      };
    };

    const createOne = async () => {
      const n = serial++;
      const userName = `scim.${n}@${SCIM_DOMAIN}`;
      const body = {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
        userName,
        externalId: `bench-${n}`,
        active: true,
        name: { givenName: 'Bench', familyName: `Person ${n}` },
        emails: [{ primary: true, type: 'work', value: userName }],
        [ENTERPRISE]: {
          employeeNumber: String(100000 + n),
          department: units[n % Math.max(1, units.length)],
        },
      };
      const t0 = performance.now();
      const res = await fetch(`${ctx.baseUrl}/scim/v2/Users`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      const ms = performance.now() - t0;
      const json = (await res.json()) as { id?: string };
      if (res.status === 201 && json.id) created.push(json.id);
      return { ok: res.status === 201, code: String(res.status), ms };
    };

    let round = 0;
    const patchOne = async () => {
      const r = round++;
      const id = created[r % created.length]!;
      const body = {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [
          { op: 'Replace', path: 'name.familyName', value: `Patched ${r}` },
          { op: 'Replace', path: `${ENTERPRISE}:employeeNumber`, value: String(200000 + r) },
          { op: 'Replace', path: `${ENTERPRISE}:department`, value: units[r % Math.max(1, units.length)] },
        ],
      };
      const t0 = performance.now();
      const res = await fetch(`${ctx.baseUrl}/scim/v2/Users/${id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify(body),
      });
      const ms = performance.now() - t0;
      await res.arrayBuffer();
      return { ok: res.status === 200, code: String(res.status), ms };
    };

    try {
      for (let i = 0; i < 20; i++) await createOne(); // warm-up
      const createLoad = await time(ctx.connections, ctx.duration, createOne);
      ctx.log(
        `scim create: p95 ${createLoad.p95.toFixed(1)} ms, ${createLoad.requestsPerSecond.toFixed(0)} req/s`,
      );
      const single = await time(1, Math.min(3, ctx.duration), patchOne);
      const load = await time(ctx.connections, ctx.duration, patchOne);
      const budgets: Budget[] = [
        {
          name: `PATCH p95 ≤ ${PATCH_P95_BUDGET_MS} ms at ${ctx.connections} conn`,
          limit: PATCH_P95_BUDGET_MS,
          measured: load.p95,
          ok: load.p95 <= PATCH_P95_BUDGET_MS && load.errors === 0,
        },
      ];
      return {
        scenario: 'scim',
        description: this.description,
        single,
        load,
        budgets,
        notes: [
          `PATCH figures above; POST /Users at ${ctx.connections} conn: p50 ${createLoad.p50.toFixed(1)} ms, p95 ${createLoad.p95.toFixed(1)} ms, ${createLoad.requestsPerSecond.toFixed(0)} req/s, ${createLoad.errors} errors`,
          `${created.length} people created in ${municipality.name} (${units.length} units for department), removed afterwards`,
        ],
      };
    } finally {
      await ctx.server.query(`delete from users where email like $1`, [`%@${SCIM_DOMAIN}`]);
      await ctx.server.query(`delete from scim_tokens where id = $1`, [tokenRow!.id]);
    }
  },
});
