import { benchEmail } from '../lib/accounts.ts';
import { get, registerScenario, runHttpScenario, sessionStatements } from './registry.ts';

/**
 * A municipality's contract register as its coordinators read it (issue 17): the first page, a
 * technology filter and "ending before" a date two years ahead, by the coordinators of the largest
 * municipalities (each reads her own).
 */
registerScenario({
  name: 'contracts-list',
  description:
    "GET /api/v1/municipalities/{code}/contracts: first page, ?technology=, ?endingBefore=, as the municipality's coordinators",
  async run(ctx) {
    const ms = ctx.municipalities.slice(0, Math.max(1, Math.min(ctx.connections, ctx.municipalities.length)));
    const sessions = await ctx.sessions(ms.map((m) => benchEmail.coordinator(m.code)));
    const [tech] = await ctx.server.query<{ key: string }>(
      `select t.key from technologies t join contract_technologies ct on ct.technology_id = t.id
       group by t.key order by count(*) desc, t.key limit 1`,
    );
    const inTwoYears = new Date(Date.now() + 2 * 365 * 86_400_000).toISOString().slice(0, 10);
    const paths = (code: string) => [
      `/api/v1/municipalities/${code}/contracts?limit=50`,
      `/api/v1/municipalities/${code}/contracts?technology=${tech?.key ?? 'digital-safety-alarm'}&limit=50`,
      `/api/v1/municipalities/${code}/contracts?endingBefore=${inTwoYears}&limit=50`,
    ];
    const [first] = await ctx.server.query<{ id: string }>(
      `select id from organisations where kind = 'municipality' and code = $1`,
      [ms[0]!.code],
    );
    return runHttpScenario(ctx, {
      name: 'contracts-list',
      description: this.description,
      read: true,
      list: true,
      requestsFor: (i) => paths(ms[i % ms.length]!.code).map((p) => get(p, sessions[i % sessions.length]!)),
      floor: [
        ...sessionStatements(sessions[0]!),
        {
          text: `select c.id, c.title, c.ends_on::text, c.annual_value_sek, s.name,
                   (select min(e.decide_by)::text from contract_extensions e
                    where e.contract_id = c.id and e.status = 'open') as next_decision_on
                 from contracts c join suppliers s on s.id = c.supplier_id
                 where c.municipality_id = $1 order by c.ends_on, c.id limit 51`,
          params: [first!.id],
        },
      ],
    });
  },
});
