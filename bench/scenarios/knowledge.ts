import type { AutocannonRequest } from 'autocannon';
import { benchEmail } from '../lib/accounts.ts';
import { regionOfLargestMunicipality } from './regions.ts';
import { type Budget, registerScenario, runHttpScenario, type ScenarioResult } from './registry.ts';

/** Budgets from issue 8 (PostgreSQL, national scale); the dashboards' are in dashboards.ts. */
export const OPEN_DATA_EXPORT_BUDGET_MS = 1_000;
export const REPORT_PDF_BUDGET_MS = 5_000;

const budget = (name: string, limit: number, measured: number): Budget => ({
  name,
  limit,
  measured,
  ok: measured <= limit,
});

/** The open data's largest family: adoption by municipality and technology. */
const adoptionFloor = {
  text: `select a.municipality_id, a.technology_id, a.status, a.users_served, a.eligible_users
         from technology_adoptions a`,
  params: [],
};

const anonymous = (path: string): AutocannonRequest => ({ method: 'GET', path });

registerScenario({
  name: 'open-data-export',
  description:
    'GET /api/open/v1/municipalities.csv and /adoption.csv without login: every municipality, every technology',
  async run(ctx) {
    const paths = ['/api/open/v1/municipalities.csv', '/api/open/v1/adoption.csv'];
    // The first export after a change computes it; later ones within the cache's minute reuse it.
    const cold: number[] = [];
    for (const path of paths) {
      const started = performance.now();
      const res = await fetch(`${ctx.baseUrl}${path}`);
      if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
      await res.arrayBuffer();
      cold.push(performance.now() - started);
    }
    const result = await runHttpScenario(
      { ...ctx, connections: Math.min(ctx.connections, 10) },
      {
        name: 'open-data-export',
        description: this.description,
        read: false,
        list: false,
        requestsFor: () => paths.map(anonymous),
        floor: [adoptionFloor],
        notes: [`first (computed) export: ${cold.map((ms) => `${Math.round(ms)} ms`).join(' and ')}`],
      },
    );
    result.budgets.push(budget('computed export ≤ 1 s', OPEN_DATA_EXPORT_BUDGET_MS, Math.max(...cold)));
    result.budgets.push(budget('served export p95 ≤ 1 s', OPEN_DATA_EXPORT_BUDGET_MS, result.load!.p95));
    return result;
  },
});

/** Generating a report is an occasional act of one coordinator: timed one at a time, not under load. */
registerScenario({
  name: 'steering-report-pdf',
  description:
    'POST /api/v1/reports/steering-group for the largest region’s last half-year, then GET its PDF, five times',
  async run(ctx): Promise<ScenarioResult> {
    const region = regionOfLargestMunicipality(ctx);
    const [s] = await ctx.sessions([benchEmail.regional(region.code)]);
    const headers = { cookie: s!.cookie, 'x-csrf-token': s!.csrfToken, 'content-type': 'application/json' };
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 182 * 86_400_000).toISOString().slice(0, 10);
    const runs: { create: number; pdf: number; bytes: number }[] = [];
    for (let i = 0; i < 5; i++) {
      let started = performance.now();
      const created = await fetch(`${ctx.baseUrl}/api/v1/reports/steering-group`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ organisationId: region.id, from, to, title: `Benchrapport ${i + 1}` }),
      });
      if (created.status !== 201) throw new Error(`create report: ${created.status} ${await created.text()}`);
      const { id } = (await created.json()) as { id: string };
      const create = performance.now() - started;
      started = performance.now();
      const pdf = await fetch(`${ctx.baseUrl}/api/v1/reports/steering-group/${id}/pdf`, {
        headers: { cookie: s!.cookie },
      });
      if (!pdf.ok) throw new Error(`report PDF: ${pdf.status}`);
      const bytes = (await pdf.arrayBuffer()).byteLength;
      runs.push({ create, pdf: performance.now() - started, bytes });
      await fetch(`${ctx.baseUrl}/api/v1/reports/steering-group/${id}`, {
        method: 'DELETE',
        headers: { cookie: s!.cookie, 'x-csrf-token': s!.csrfToken },
      });
    }
    const worstPdf = Math.max(...runs.map((r) => r.pdf));
    const worstCreate = Math.max(...runs.map((r) => r.create));
    return {
      scenario: 'steering-report-pdf',
      description: this.description,
      job: { rows: runs.length, seconds: (worstCreate + worstPdf) / 1000, status: 'done' },
      budgets: [budget(`PDF ≤ ${REPORT_PDF_BUDGET_MS} ms`, REPORT_PDF_BUDGET_MS, worstPdf)],
      notes: [
        `${region.name}: create ${runs.map((r) => Math.round(r.create)).join(', ')} ms; PDF ${runs
          .map((r) => Math.round(r.pdf))
          .join(', ')} ms (${Math.round(runs[0]!.bytes / 1024)} KiB)`,
      ],
    };
  },
});
