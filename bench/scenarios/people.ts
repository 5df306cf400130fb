import { BENCH_DOMAIN, benchEmail } from '../lib/accounts.ts';
import type { Session } from '../lib/http.ts';
import {
  get,
  registerScenario,
  runHttpScenario,
  type ScenarioResult,
  sessionStatements,
} from './registry.ts';

/** True when the running server documents this path in its OpenAPI (capabilities land over time). */
async function hasPath(baseUrl: string, path: string): Promise<boolean> {
  const res = await fetch(`${baseUrl}/api/openapi.json`);
  if (!res.ok) return false;
  const doc = (await res.json()) as { paths?: Record<string, unknown> };
  return Object.hasOwn(doc.paths ?? {}, path);
}

const notAvailable = (name: string, description: string, path: string): ScenarioResult => ({
  scenario: name,
  description,
  budgets: [],
  notes: [`not run: the server has no ${path} yet`],
});

const MEMBERS_PATH = '/api/v1/organisations/{id}/members';

registerScenario({
  name: 'members',
  description:
    'GET /api/v1/organisations/{municipality}/members?includeBelow=true&limit=50, page 1 then page 2, as its coordinator',
  async run(ctx) {
    if (!(await hasPath(ctx.baseUrl, MEMBERS_PATH)))
      return notAvailable('members', this.description, MEMBERS_PATH);
    // The largest municipalities first: the worst case for a page of members.
    const ms = ctx.municipalities.slice(0, Math.max(1, Math.min(ctx.connections, ctx.municipalities.length)));
    const sessions = await ctx.sessions(ms.map((m) => benchEmail.coordinator(m.code)));
    const path = (id: string) => `/api/v1/organisations/${id}/members?includeBelow=true&limit=50`;
    const largest = ms[0]!;
    return runHttpScenario(ctx, {
      name: 'members',
      description: this.description,
      read: true,
      list: true,
      requestsFor: (i) => {
        const m = ms[i % ms.length]!;
        const s = sessions[i % sessions.length]!;
        return [
          {
            ...get(path(m.id), s),
            onResponse: (status, body, context) => {
              context.cursor =
                status === 200 ? (JSON.parse(body) as { nextCursor: string | null }).nextCursor : null;
            },
          },
          {
            ...get(path(m.id), s),
            setupRequest: (req, context) => ({
              ...req,
              path: context.cursor
                ? `${path(m.id)}&cursor=${encodeURIComponent(String(context.cursor))}`
                : path(m.id),
            }),
          },
        ];
      },
      floor: [
        ...sessionStatements(sessions[0]!),
        // Scope check: the municipality's place in the tree.
        {
          text: `with recursive up as (
                   select id, parent_id, kind, 0 as depth from organisations where id = $1
                   union all
                   select o.id, o.parent_id, o.kind, up.depth + 1 from organisations o join up on o.id = up.parent_id
                   where up.depth < 10)
                 select id, kind from up order by depth`,
          params: [largest.id],
        },
        // One page of 50 (+1 to know if there is a next page) of the municipality and its units, in
        // Swedish order: the same index range scan the server uses (memberships_municipality_sort_idx).
        {
          text: `select ms.id as membership_id, u.id as user_id, u.name, u.email, ms.role, u.status,
                        o.id as organisation_id, o.name as organisation_name, ms.created_at, ms.sort_name
                 from memberships ms
                 join users u on u.id = ms.user_id
                 join organisations o on o.id = ms.organisation_id
                 where ms.municipality_id = $1
                 order by ms.sort_name, ms.id limit 51`,
          params: [largest.id],
        },
      ],
      notes: [`${largest.name} has ${largest.staff.toLocaleString('en')} staff`],
    });
  },
});

const IMPORT_PATH = '/api/v1/imports/staff';
const IMPORT_ROWS = 5_000;

registerScenario({
  name: 'import-staff',
  description: `Staff CSV import of ${IMPORT_ROWS.toLocaleString('en')} new people: upload + preview, commit, poll until done`,
  async run(ctx) {
    if (!(await hasPath(ctx.baseUrl, IMPORT_PATH)))
      return notAvailable('import-staff', this.description, IMPORT_PATH);
    const m = ctx.municipalities[0]!;
    const [session] = (await ctx.sessions([benchEmail.coordinator(m.code)])) as [Session];
    const units = await ctx.server.query<{ name: string }>(
      `select name from organisations where parent_id = $1 and kind = 'unit' order by name`,
      [m.id],
    );
    const run = Date.now().toString(36);
    const emailOf = (i: number) => `bench-import-${run}-${i}@k${m.code}.${BENCH_DOMAIN}`;
    const lines = ['e-post;namn;enhet;roll'];
    for (let i = 0; i < IMPORT_ROWS; i++) {
      lines.push(`${emailOf(i)};Importerad Personal ${i};${units[i % units.length]!.name};staff`);
    }
    const csv = `${lines.join('\r\n')}\r\n`;
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const api = async <T>(method: string, path: string, body?: FormData): Promise<T> => {
      const res = await fetch(`${ctx.baseUrl}${path}`, { method, headers, ...(body ? { body } : {}) });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${(await res.text()).slice(0, 500)}`);
      return (await res.json()) as T;
    };
    type Job = { id: string; status: string; total: number; created: number; failed: number };

    const started = performance.now();
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'personal.csv');
    const preview = await api<Job>('POST', `${IMPORT_PATH}?organisationId=${m.id}&mode=preview`, form);
    const previewSeconds = (performance.now() - started) / 1000;
    let job = await api<Job>('POST', `/api/v1/imports/${preview.id}/commit`);
    while (job.status === 'running' || job.status === 'preview') {
      if ((performance.now() - started) / 1000 > 300) throw new Error('import not done after 300 s');
      await new Promise((r) => setTimeout(r, 100));
      job = await api<Job>('GET', `/api/v1/imports/${preview.id}`);
    }
    const seconds = (performance.now() - started) / 1000;

    // The floor: the same 5,000 people and memberships written in bulk, in a rolled-back transaction.
    const emails = Array.from({ length: IMPORT_ROWS }, (_, i) => `floor-${emailOf(i)}`);
    const unitIds = await ctx.server.query<{ id: string }>(
      `select id from organisations where parent_id = $1 and kind = 'unit' order by name`,
      [m.id],
    );
    const floor = await ctx.server.floor(
      [
        { text: 'select id, email from users where email = any($1::text[])', params: [emails] },
        {
          text: `with input as (
                   select e as email, 'Importerad Personal ' || n as name, $2::uuid[] as units, n
                   from unnest($1::text[]) with ordinality as t(e, n)),
                 created as (
                   insert into users (email, name, status) select email, name, 'invited' from input
                   returning id, email)
                 insert into memberships (user_id, organisation_id, role)
                 select c.id, i.units[1 + (i.n % array_length(i.units, 1))], 'staff'
                 from created c join input i on i.email = c.email`,
          params: [emails, unitIds.map((u) => u.id)],
        },
      ],
      { runs: Math.min(ctx.floorRuns, 5), rollback: true },
    );

    // Leave the bench data as generated, so runs stay comparable.
    await ctx.server.query(`delete from users where email like $1`, [`bench-import-${run}-%`]);
    await ctx.server.query('delete from import_jobs where id = $1', [preview.id]);

    const ok = job.status === 'done' && seconds <= 10;
    return {
      scenario: 'import-staff',
      description: this.description,
      job: { rows: IMPORT_ROWS, seconds, status: job.status },
      floor,
      ratio: seconds / (floor.medianMs / 1000),
      budgets: [{ name: 'done ≤ 10 s', limit: 10, measured: seconds, ok }],
      notes: [
        `preview ${previewSeconds.toFixed(2)} s; created ${job.created}, failed ${job.failed}; into ${m.name}, ${units.length} units`,
      ],
    };
  },
});
