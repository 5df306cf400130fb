import { benchEmail } from '../lib/accounts.ts';
import { get, registerScenario, runHttpScenario, sessionStatements } from './registry.ts';

/**
 * The supplier register's list as people use it (issue 17): the first page, a search by a word of the
 * name, a search by the start of an organisation number and a technology filter, by care staff of the
 * largest municipalities (everyone signed in reads the register).
 */
registerScenario({
  name: 'suppliers-list',
  description:
    'GET /api/v1/suppliers: first page, ?q=<name word>, ?q=<org number start>, ?technology=<key>, as care staff',
  async run(ctx) {
    const ms = ctx.municipalities.slice(0, Math.max(1, Math.min(ctx.connections, ctx.municipalities.length)));
    const sessions = await ctx.sessions(ms.map((m) => benchEmail.staff(m.code)));
    const [technology] = await ctx.server.query<{ key: string; id: string }>(
      `select t.key, t.id from technologies t
       join supplier_technologies st on st.technology_id = t.id
       group by t.key, t.id order by count(*) desc limit 1`,
    );
    const key = technology?.key ?? 'digital-safety-alarm';
    const paths = [
      '/api/v1/suppliers?limit=50',
      '/api/v1/suppliers?q=exempeltrygghet&limit=50',
      '/api/v1/suppliers?q=559300&limit=50',
      `/api/v1/suppliers?technology=${key}&limit=50`,
    ];
    return runHttpScenario(ctx, {
      name: 'suppliers-list',
      description: this.description,
      read: true,
      list: true,
      requestsFor: (i) => paths.map((p) => get(p, sessions[i % sessions.length]!)),
      floor: [
        ...sessionStatements(sessions[0]!),
        {
          text: `select s.id, s.name, s.org_number, s.website, s.sort_name,
                   (select count(*)::int from supplier_products p where p.supplier_id = s.id) as product_count
                 from suppliers s where s.merged_into is null
                 order by s.sort_name collate "C", s.id limit 51`,
          params: [],
        },
      ],
    });
  },
});
