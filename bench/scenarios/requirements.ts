import { benchEmail } from '../lib/accounts.ts';
import { type Budget, get, registerScenario, runHttpScenario, sessionStatements } from './registry.ts';

/** Issue 17: requirement search p95 ≤ 150 ms at 10 connections (5,000 requirements). */
export const REQUIREMENT_SEARCH_P95_BUDGET_MS = 150;
const CONNECTIONS = 10;

/** Words coordinators search for, in other forms than the texts use (the Swedish stemming's work). */
const QUERIES = [
  'larmet',
  'loggning',
  'export',
  'skärmläsare',
  'mobilnätet',
  'låset',
  'reservström',
  'support',
];

registerScenario({
  name: 'requirement-search',
  description:
    'GET /api/v1/requirements/search?q= (eight Swedish words, one with a category filter) as a municipal coordinator',
  async run(ctx) {
    const [s] = await ctx.sessions([benchEmail.coordinator(ctx.municipalities[0]!.code)]);
    const paths = [
      ...QUERIES.map((q) => `/api/v1/requirements/search?q=${encodeURIComponent(q)}`),
      '/api/v1/requirements/search?q=larm&category=security_gdpr&level=must',
    ];
    const result = await runHttpScenario(
      { ...ctx, connections: Math.min(ctx.connections, CONNECTIONS) },
      {
        name: 'requirement-search',
        description: this.description,
        read: false,
        list: false,
        requestsFor: (i) => [get(paths[i % paths.length]!, s!), get(paths[(i + 3) % paths.length]!, s!)],
        floor: [
          ...sessionStatements(s!),
          {
            text: `select r.id, ts_rank(v.search_vector, websearch_to_tsquery('swedish', $1)) as rank
                   from requirements r
                   join requirement_versions v on v.requirement_id = r.id and v.version = r.current_version
                   where v.search_vector @@ websearch_to_tsquery('swedish', $1)
                   order by rank desc, r.id limit 20`,
            params: ['larmet'],
          },
        ],
      },
    );
    const budget: Budget = {
      name: `search p95 ≤ ${REQUIREMENT_SEARCH_P95_BUDGET_MS} ms at ${CONNECTIONS} conn`,
      limit: REQUIREMENT_SEARCH_P95_BUDGET_MS,
      measured: result.load!.p95,
      ok: result.load!.p95 <= REQUIREMENT_SEARCH_P95_BUDGET_MS,
    };
    result.budgets.push(budget);
    return result;
  },
});
