import { benchEmail } from '../lib/accounts.ts';
import { type Budget, get, registerScenario, runHttpScenario, sessionStatements } from './registry.ts';

/** Budgets from issue 5 (PostgreSQL, national scale). */
export const MATRIX_P95_BUDGET_MS = 100;
export const SEARCH_P95_BUDGET_MS = 150;

const p95Budget = (label: string, limit: number, measured: number): Budget => ({
  name: `${label} p95 ≤ ${limit} ms`,
  limit,
  measured,
  ok: measured <= limit,
});

/** Word forms that are not in most titles, so the search has to stem and look into the text. */
const SEARCHES = [
  'strategier',
  'välfärdstekniken',
  'trygghetslarmen',
  'läkemedelsautomater',
  'nattillsynen kamera',
  'brukarnas integritet',
  'upphandlingen',
  'fallsensor',
  '"digitala lås"',
  'utvärderingen -utkast',
];

const adoptionFloor = [
  { text: 'select id, key, name_sv, name_en from technologies order by sort_order, key', params: [] },
  {
    text: `select municipality_id, technology_id, status, users_served, eligible_users, updated_at
           from technology_adoptions`,
    params: [],
  },
];

registerScenario({
  name: 'adoption-matrix',
  description: 'GET /api/v1/adoption as a national administrator: 290 municipalities × the catalogue',
  async run(ctx) {
    const [admin] = await ctx.sessions([benchEmail.admin()]);
    const result = await runHttpScenario(ctx, {
      name: 'adoption-matrix',
      description: this.description,
      read: false,
      list: true,
      requestsFor: () => [get('/api/v1/adoption', admin!)],
      floor: [...sessionStatements(admin!), ...adoptionFloor],
    });
    result.budgets.push(p95Budget('matrix', MATRIX_P95_BUDGET_MS, result.load!.p95));
    return result;
  },
});

registerScenario({
  name: 'adoption-map',
  description:
    'GET /api/v1/adoption/map?technology=… as a national administrator: what the map of the nation colours by',
  async run(ctx) {
    const [admin] = await ctx.sessions([benchEmail.admin()]);
    const keys = (
      await ctx.server.query<{ key: string }>('select key from technologies order by sort_order')
    ).map((t) => t.key);
    const result = await runHttpScenario(ctx, {
      name: 'adoption-map',
      description: this.description,
      read: false,
      list: true,
      requestsFor: (i) =>
        keys.map((_, k) => get(`/api/v1/adoption/map?technology=${keys[(i + k) % keys.length]}`, admin!)),
      floor: [...sessionStatements(admin!), ...adoptionFloor],
    });
    result.budgets.push(p95Budget('map data', MATRIX_P95_BUDGET_MS, result.load!.p95));
    return result;
  },
});

registerScenario({
  name: 'document-search',
  description:
    'GET /api/v1/documents/search?q=… as regional coordinators: Swedish stemming, ranking and highlights over all governing documents',
  async run(ctx) {
    const [{ n } = { n: 0 }] = await ctx.server.query<{ n: number }>(
      'select count(*)::int as n from governing_documents',
    );
    const sessions = await ctx.sessions(ctx.regions.map((r) => benchEmail.regional(r.code)));
    const s0 = sessions[0]!;
    const result = await runHttpScenario(ctx, {
      name: 'document-search',
      description: this.description,
      read: false,
      list: true,
      requestsFor: (i) =>
        SEARCHES.map((_, k) =>
          get(
            `/api/v1/documents/search?q=${encodeURIComponent(SEARCHES[(i + k) % SEARCHES.length]!)}`,
            sessions[i % sessions.length]!,
          ),
        ),
      floor: [
        ...sessionStatements(s0),
        {
          text: `with q as (select websearch_to_tsquery('swedish', $1) as query),
                 top as (select id, ts_rank(search_vector, q.query) as rank from governing_documents, q
                         where search_vector @@ q.query order by rank desc, id limit 20)
                 select top.id, ts_headline('swedish', d.title, q.query),
                        ts_headline('swedish', left(concat_ws(E'\\n', d.summary, d.body_text), 4000), q.query)
                 from top join governing_documents d on d.id = top.id, q`,
          params: ['strategier'],
        },
      ],
      notes: [`${n.toLocaleString('en')} governing documents`],
    });
    result.budgets.push(p95Budget('search', SEARCH_P95_BUDGET_MS, result.load!.p95));
    return result;
  },
});
