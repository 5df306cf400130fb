import { SEARCH_CANDIDATES } from '../../src/server/features/documents/documents.repo.ts';
import { benchEmail } from '../lib/accounts.ts';
import { runLoad } from '../lib/load.ts';
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

/**
 * Searching governing documents is an occasional read by coordinators (a few hundred people in the
 * country), like a programme report: the budget is measured at up to 10 connections, and the figure at
 * the full load is noted beside it.
 */
const SEARCH_CONNECTIONS = 10;

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
    const requestsFor = (i: number) =>
      SEARCHES.map((_, k) =>
        get(
          `/api/v1/documents/search?q=${encodeURIComponent(SEARCHES[(i + k) % SEARCHES.length]!)}`,
          sessions[i % sessions.length]!,
        ),
      );
    const connections = Math.min(ctx.connections, SEARCH_CONNECTIONS);
    const result = await runHttpScenario(
      { ...ctx, connections },
      {
        name: 'document-search',
        description: this.description,
        read: false,
        list: true,
        requestsFor,
        floor: [...sessionStatements(s0), searchFloor('strategier')],
      },
    );
    result.budgets.push(p95Budget('search', SEARCH_P95_BUDGET_MS, result.load!.p95));
    const full = await runLoad({ baseUrl: ctx.baseUrl, requestsFor }, ctx.connections, ctx.duration);
    result.notes.push(
      `${n.toLocaleString('en')} governing documents; ${connections} connections (a search is an occasional read by coordinators); at ${ctx.connections} connections: ${Math.round(full.requestsPerSecond)} req/s, p95 ${full.p95.toFixed(0)} ms`,
    );
    return result;
  },
});

/** The search's SQL as `searchDocuments` writes it, for one query without filters. */
function searchFloor(q: string) {
  const candidates = (vector: string) => `(select id from governing_documents
      where ${vector} @@ websearch_to_tsquery('swedish', $1)
      order by adopted_on desc nulls last, id limit ${SEARCH_CANDIDATES})`;
  return {
    text: `with candidates as (${candidates('head_vector')} union ${candidates('search_vector')}),
           top as (select d.id, ts_rank(d.search_vector, websearch_to_tsquery('swedish', $1)) as rank
                   from candidates c join governing_documents d on d.id = c.id order by rank desc, d.id limit 20)
           select top.id, ts_headline('swedish', d.title, websearch_to_tsquery('swedish', $1)),
                  ts_headline('swedish', left(concat_ws(E'\\n', d.summary, d.body_text), 20000), websearch_to_tsquery('swedish', $1))
           from top join governing_documents d on d.id = top.id`,
    params: [q],
  };
}
