import { randomUUID } from 'node:crypto';
import type { AutocannonRequest } from 'autocannon';
import { benchEmail } from '../lib/accounts.ts';
import type { BenchContext } from './registry.ts';
import { type Budget, registerScenario, runHttpScenario } from './registry.ts';

/** Issue 18: the LRS takes ≥ 5,000 statements/s in batches of 50 and answers a registration in ≤ 50 ms. */
export const XAPI_INGEST_BUDGET_PER_S = 5_000;
export const XAPI_REGISTRATION_P95_BUDGET_MS = 50;
const BATCH = 50;
const QUERY_CONNECTIONS = 10;
const SEEDED_REGISTRATIONS = 200;

/** An API client with `xapi:all` for the largest municipality, created through the API by its coordinator. */
async function xapiClient(ctx: BenchContext) {
  const municipality = ctx.municipalities[0]!;
  const [coordinator] = await ctx.sessions([benchEmail.coordinator(municipality.code)]);
  const res = await fetch(`${ctx.baseUrl}/api/v1/organisations/${municipality.id}/api-clients`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: coordinator!.cookie,
      'x-csrf-token': coordinator!.csrfToken,
    },
    body: JSON.stringify({ name: 'Bench LRS', scopes: ['xapi:all'] }),
  });
  if (res.status !== 201) throw new Error(`creating an xAPI client: ${res.status} ${await res.text()}`);
  const { clientId, clientSecret } = (await res.json()) as { clientId: string; clientSecret: string };
  return {
    municipality,
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'x-experience-api-version': '2.0.0',
    },
  };
}

/** A statement as a simulation app sends it: a learner outside the platform, an exercise, a score. */
function statement(registration: string, learner: string) {
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', account: { homePage: 'https://simulator.example.se', name: learner } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'sv-SE': 'slutförde' } },
    object: {
      id: `https://simulator.example.se/ovningar/${registration.slice(0, 4)}`,
      definition: { name: { 'sv-SE': 'Larmmottagning' } },
    },
    result: { completion: true, score: { scaled: 0.8 }, duration: 'PT4M' },
    context: { registration },
    timestamp: new Date().toISOString(),
  };
}

registerScenario({
  name: 'xapi-ingest',
  description: `POST /xapi/statements with ${BATCH} new statements per request (HTTP Basic, an API client with xapi:all)`,
  async run(ctx) {
    const client = await xapiClient(ctx);
    const post = (i: number): AutocannonRequest => ({
      method: 'POST',
      path: '/xapi/statements',
      headers: { ...client.headers, 'content-type': 'application/json' },
      setupRequest: (req) => {
        const registration = randomUUID();
        const learner = `elev-${i}-${registration.slice(0, 8)}`;
        return {
          ...req,
          body: JSON.stringify(Array.from({ length: BATCH }, () => statement(registration, learner))),
        };
      },
    });
    const result = await runHttpScenario(ctx, {
      name: 'xapi-ingest',
      description: this.description,
      read: false,
      list: false,
      requestsFor: (i) => [post(i)],
      floor: [
        {
          text: `select c.id, c.secret_hash from api_clients c join organisations o on o.id = c.organisation_id
                 where c.name = 'Bench LRS' and c.revoked_at is null limit 1`,
          params: [],
        },
        {
          text: `insert into learning_statements (id, verb, object_id, object_type, timestamp, statement, registration,
                   agent_keys, related_agent_keys, related_activity_ids, organisation_id)
                 select gen_random_uuid(), 'http://adlnet.gov/expapi/verbs/completed', 'https://simulator.example.se/x',
                        'Activity', now(), '{"verb":{}}'::jsonb, gen_random_uuid(), array['account:x|y'],
                        array['account:x|y'], array['https://simulator.example.se/x'], $1
                 from generate_series(1, ${BATCH})`,
          params: [client.municipality.id],
        },
      ],
      rollback: true,
      notes: [`${BATCH} statements per request, each batch a new registration and learner`],
    });
    const perSecond = (result.load?.requestsPerSecond ?? 0) * BATCH;
    const budget: Budget = {
      name: `ingestion ≥ ${XAPI_INGEST_BUDGET_PER_S.toLocaleString('en')} statements/s`,
      limit: XAPI_INGEST_BUDGET_PER_S,
      measured: Math.round(perSecond),
      ok: perSecond >= XAPI_INGEST_BUDGET_PER_S && (result.load?.errors ?? 0) === 0,
    };
    result.budgets.push(budget);
    return result;
  },
});

registerScenario({
  name: 'xapi-registration',
  description: `GET /xapi/statements?registration= (${SEEDED_REGISTRATIONS} registrations of 20 statements) at ${QUERY_CONNECTIONS} connections`,
  async run(ctx) {
    const client = await xapiClient(ctx);
    const registrations = Array.from({ length: SEEDED_REGISTRATIONS }, () => randomUUID());
    for (const registration of registrations) {
      const learner = `elev-${registration.slice(0, 8)}`;
      const res = await fetch(`${ctx.baseUrl}/xapi/statements`, {
        method: 'POST',
        headers: { ...client.headers, 'content-type': 'application/json' },
        body: JSON.stringify(Array.from({ length: 20 }, () => statement(registration, learner))),
      });
      if (res.status !== 200) throw new Error(`seeding statements: ${res.status} ${await res.text()}`);
    }
    const result = await runHttpScenario(
      { ...ctx, connections: Math.min(ctx.connections, QUERY_CONNECTIONS) },
      {
        name: 'xapi-registration',
        description: this.description,
        read: false,
        list: true,
        requestsFor: (i) =>
          [0, 1, 2].map((k) => ({
            method: 'GET' as const,
            path: `/xapi/statements?registration=${registrations[(i * 3 + k) % registrations.length]}`,
            headers: client.headers,
          })),
        floor: [
          {
            text: `select s.id, s.statement from learning_statements s
                   where not s.voided and s.registration = $1
                     and (s.organisation_id = $2 or s.user_id in (select m.user_id from memberships m where m.organisation_id = $2))
                   order by s.stored desc, s.seq desc limit 101`,
            params: [registrations[0], client.municipality.id],
          },
        ],
      },
    );
    result.budgets.push({
      name: `registration p95 ≤ ${XAPI_REGISTRATION_P95_BUDGET_MS} ms at ${QUERY_CONNECTIONS} conn`,
      limit: XAPI_REGISTRATION_P95_BUDGET_MS,
      measured: result.load!.p95,
      ok: result.load!.p95 <= XAPI_REGISTRATION_P95_BUDGET_MS,
    });
    return result;
  },
});
