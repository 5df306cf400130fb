import { benchEmail } from '../lib/accounts.ts';
import { type Budget, get, registerScenario, runHttpScenario, sessionStatements } from './registry.ts';

/** Budget from issue 6 (PostgreSQL, national scale): p95 ≤ 100 ms for each results view. */
export const RESULTS_P95_BUDGET_MS = 100;

const p95Budget = (label: string, measured: number): Budget => ({
  name: `${label} p95 ≤ ${RESULTS_P95_BUDGET_MS} ms`,
  limit: RESULTS_P95_BUDGET_MS,
  measured,
  ok: measured <= RESULTS_P95_BUDGET_MS,
});

/** The essential SQL of a round's results: the round with its template, the sheets and every answer. */
const resultsFloor = (roundId: string) => [
  {
    text: `select r.id, r.name, v.content from assessment_rounds r
           join assessment_template_versions v on v.id = r.template_version_id where r.id = $1`,
    params: [roundId],
  },
  {
    text: `select m.id, m.code, m.name, m.parent_id, s.status from assessment_sheets s
           join organisations m on m.id = s.municipality_id where s.round_id = $1`,
    params: [roundId],
  },
  {
    text: 'select municipality_id, question_key, value, comment from assessment_answers where round_id = $1',
    params: [roundId],
  },
];

/** What a comparison reads beyond the round: rounds of the template, model municipalities, earlier answers. */
const comparisonFloor = (municipalityId: string) => [
  {
    text: `select r.id, r.name, r.opens_on, v.content, v.carries_over, v.version from assessment_rounds r
           join assessment_template_versions v on v.id = r.template_version_id
           where v.template_id = (select id from assessment_templates where key = 'bench-forutsattningar')
           order by r.opens_on`,
    params: [],
  },
  {
    text: "select id, code, name from organisations where kind = 'municipality' and 'model_municipality' = any(flags)",
    params: [],
  },
  {
    text: `select round_id, question_key, value, comment from assessment_answers
           where municipality_id = $1`,
    params: [municipalityId],
  },
];

async function roundId(ctx: Parameters<Parameters<typeof registerScenario>[0]['run']>[0], name: string) {
  const [row] = await ctx.server.query<{ id: string }>('select id from assessment_rounds where name = $1', [
    name,
  ]);
  if (!row) throw new Error(`No bench round ${name}`);
  return row.id;
}

registerScenario({
  name: 'assessment-region-results',
  description:
    'GET /api/v1/assessment-rounds/{id}/results as the regional coordinator of the largest region: heat map, distributions, ranked support needs',
  async run(ctx) {
    const biggest = ctx.municipalities[0]!;
    const region = ctx.regions.find((r) => r.id === biggest.regionId)!;
    const id = await roundId(ctx, `${region.name} 2025`);
    const [s] = await ctx.sessions([benchEmail.regional(region.code)]);
    const result = await runHttpScenario(ctx, {
      name: 'assessment-region-results',
      description: this.description,
      read: false,
      list: true,
      requestsFor: () => [get(`/api/v1/assessment-rounds/${id}/results`, s!)],
      floor: [...sessionStatements(s!), ...resultsFloor(id)],
    });
    result.budgets.push(p95Budget('regional results', result.load!.p95));
    return result;
  },
});

registerScenario({
  name: 'assessment-national-results',
  description:
    'GET /api/v1/assessment-rounds/{id}/results as a national administrator: the national round, every municipality',
  async run(ctx) {
    const id = await roundId(ctx, 'Nationell bedömning 2025');
    const [admin] = await ctx.sessions([benchEmail.admin()]);
    const result = await runHttpScenario(ctx, {
      name: 'assessment-national-results',
      description: this.description,
      read: false,
      list: true,
      requestsFor: () => [get(`/api/v1/assessment-rounds/${id}/results`, admin!)],
      floor: [...sessionStatements(admin!), ...resultsFloor(id)],
    });
    result.budgets.push(p95Budget('national results', result.load!.p95));
    return result;
  },
});

registerScenario({
  name: 'assessment-municipality-comparison',
  description:
    'GET /api/v1/assessment-rounds/{id}/municipalities/{code}/results as municipal coordinators: region, associations, model municipalities and previous rounds',
  async run(ctx) {
    const targets = ctx.municipalities.slice(0, 8);
    // One after another: the bench's own queries share one connection.
    const ids: string[] = [];
    for (const m of targets)
      ids.push(await roundId(ctx, `${ctx.regions.find((r) => r.id === m.regionId)!.name} 2025`));
    const sessions = await ctx.sessions(targets.map((m) => benchEmail.coordinator(m.code)));
    const result = await runHttpScenario(ctx, {
      name: 'assessment-municipality-comparison',
      description: this.description,
      read: false,
      list: true,
      requestsFor: (i) => {
        const k = i % targets.length;
        return [
          get(`/api/v1/assessment-rounds/${ids[k]}/municipalities/${targets[k]!.code}/results`, sessions[k]!),
        ];
      },
      floor: [
        ...sessionStatements(sessions[0]!),
        ...resultsFloor(ids[0]!),
        ...comparisonFloor(targets[0]!.id),
      ],
    });
    result.budgets.push(p95Budget('comparison', result.load!.p95));
    return result;
  },
});
