import { benchEmail } from '../lib/accounts.ts';
import type { Session } from '../lib/http.ts';
import { registerScenario, type ScenarioResult } from './registry.ts';

/**
 * The contract list import (issue 17): a municipality's coordinator uploads 500 contracts as Swedish
 * Excel saves them, previews (each row tried against the register in a rolled-back transaction),
 * confirms and polls until done; then the same file again, which must find every row unchanged.
 */

const IMPORT_PATH = '/api/v1/municipalities/{code}/contracts/import';
const ROWS = 500;
const BUDGET_SECONDS = 10;

type Job = { id: string; status: string; total: number; created: number; unchanged: number; failed: number };

registerScenario({
  name: 'import-contracts',
  description: `Contract list import of ${ROWS} contracts (Windows-1252, ';'): preview, confirm, poll until done; then the same file again (all unchanged)`,
  async run(ctx): Promise<ScenarioResult> {
    const doc = (await (await fetch(`${ctx.baseUrl}/api/openapi.json`)).json()) as { paths?: object };
    if (!Object.hasOwn(doc.paths ?? {}, IMPORT_PATH))
      return {
        scenario: 'import-contracts',
        description: this.description,
        budgets: [],
        notes: [`not run: no ${IMPORT_PATH}`],
      };
    const m = ctx.municipalities[0]!;
    const [session] = (await ctx.sessions([benchEmail.coordinator(m.code)])) as [Session];
    const suppliers = await ctx.server.query<{ name: string }>(
      `select name from suppliers where merged_into is null order by name limit 20`,
    );
    const technologies = await ctx.server.query<{ name: string }>(
      `select name_sv as name from technologies order by sort_order limit 6`,
    );
    const run = Date.now().toString(36);
    const lines = [
      'Avtalsnummer;Benämning;Leverantör;Teknik;Upphandlingsform;Startdatum;Slutdatum;Förlängning;Uppsägningstid (månader);Årligt värde (SEK)',
    ];
    for (let i = 0; i < ROWS; i++) {
      const year = 2023 + (i % 3);
      lines.push(
        [
          `bench-import-${run}-${i}`,
          `Importerat avtal ${i}`,
          suppliers[i % suppliers.length]!.name,
          technologies[i % technologies.length]!.name,
          i % 2 ? 'Egen upphandling' : 'Direktupphandling',
          `${year}-01-01`,
          `${year + 2}-12-31`,
          '+1+1',
          '3',
          `${(100 + i).toString()}\u00a0000`,
        ].join(';'),
      );
    }
    // As Swedish Excel saves it: Windows-1252 (å, ä, ö and the no-break space are the same bytes in Latin-1).
    const csv = Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const api = async <T>(method: string, path: string, body?: FormData): Promise<T> => {
      const res = await fetch(`${ctx.baseUrl}${path}`, { method, headers, ...(body ? { body } : {}) });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${(await res.text()).slice(0, 500)}`);
      return (await res.json()) as T;
    };
    const importOnce = async () => {
      const started = performance.now();
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'avtal.csv');
      const preview = await api<Job>('POST', `/api/v1/municipalities/${m.code}/contracts/import`, form);
      const previewSeconds = (performance.now() - started) / 1000;
      let job = await api<Job>('POST', `/api/v1/imports/${preview.id}/commit`);
      while (job.status === 'running' || job.status === 'preview') {
        if ((performance.now() - started) / 1000 > 300) throw new Error('import not done after 300 s');
        await new Promise((r) => setTimeout(r, 100));
        job = await api<Job>('GET', `/api/v1/imports/${preview.id}`);
      }
      return { preview, job, previewSeconds, seconds: (performance.now() - started) / 1000 };
    };
    const first = await importOnce();
    const again = await importOnce();

    // Leave the bench data as generated, so runs stay comparable.
    await ctx.server.query(`delete from contracts where external_ref like $1`, [`bench-import-${run}-%`]);
    await ctx.server.query('delete from import_jobs where id = any($1::uuid[])', [
      [first.preview.id, again.preview.id],
    ]);

    const ok = (r: typeof first) => r.job.status === 'done' && r.seconds <= BUDGET_SECONDS;
    return {
      scenario: 'import-contracts',
      description: this.description,
      job: { rows: ROWS, seconds: first.seconds, status: first.job.status },
      budgets: [
        {
          name: `first import done ≤ ${BUDGET_SECONDS} s`,
          limit: BUDGET_SECONDS,
          measured: first.seconds,
          ok: ok(first),
        },
        {
          name: `re-import done ≤ ${BUDGET_SECONDS} s`,
          limit: BUDGET_SECONDS,
          measured: again.seconds,
          ok: ok(again),
        },
      ],
      notes: [
        `first: preview ${first.previewSeconds.toFixed(2)} s, done ${first.seconds.toFixed(2)} s, created ${first.job.created}, failed ${first.job.failed}`,
        `again: preview ${again.previewSeconds.toFixed(2)} s, done ${again.seconds.toFixed(2)} s, unchanged ${again.job.unchanged}, failed ${again.job.failed}`,
        `into ${m.name}`,
      ],
    };
  },
});
