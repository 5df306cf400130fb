import { BENCH_PASSWORD, benchEmail } from '../lib/accounts.ts';
import { getCsrf } from '../lib/http.ts';
import { get, registerScenario, runHttpScenario, sessionStatements } from './registry.ts';

const orgColumns = 'id, kind, name, code, county_code, parent_id, subtype, flags';

registerScenario({
  name: 'login',
  description: 'POST /api/v1/auth/login (CSRF + argon2id)',
  async run(ctx) {
    const emails = ctx.municipalities.map((m) => benchEmail.staff(m.code));
    const csrf = await getCsrf(ctx.baseUrl);
    const [sample] = await ctx.sessions([emails[0]!]);
    return runHttpScenario(ctx, {
      name: 'login',
      description: this.description,
      read: false,
      list: false,
      requestsFor: (i) => [
        {
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json', cookie: csrf.cookie, 'x-csrf-token': csrf.token },
          body: JSON.stringify({ email: emails[i % emails.length], password: BENCH_PASSWORD }),
        },
      ],
      floor: [
        { text: 'select * from users where email = $1', params: [sample!.email] },
        {
          text: `insert into sessions (user_id, token_hash, user_agent, expires_at)
                 values ($1, $2, 'bench', now() + interval '12 hours') returning id`,
          params: [sample!.userId, `floor-${sample!.tokenHash}`],
        },
        sessionStatements(sample!)[1]!,
      ],
      rollback: true,
      notes: ['argon2id verification (19 MiB, t=2) dominates by design; no ratio budget for login'],
    });
  },
});

registerScenario({
  name: 'me',
  description: 'GET /api/v1/me',
  async run(ctx) {
    const ms = ctx.municipalities.slice(0, Math.max(1, Math.ceil(ctx.connections / 3)));
    const emails = ms.flatMap((m) => [
      benchEmail.coordinator(m.code),
      benchEmail.manager(m.code),
      benchEmail.staff(m.code),
    ]);
    const sessions = await ctx.sessions(emails.slice(0, Math.max(ctx.connections, 1)));
    return runHttpScenario(ctx, {
      name: 'me',
      description: this.description,
      read: true,
      list: false,
      requestsFor: (i) => [get('/api/v1/me', sessions[i % sessions.length]!)],
      floor: sessionStatements(sessions[0]!),
    });
  },
});

registerScenario({
  name: 'municipalities',
  description: 'GET /api/v1/municipalities (290, Swedish order)',
  async run(ctx) {
    const emails = ctx.municipalities.map((m) => benchEmail.staff(m.code)).slice(0, ctx.connections);
    const sessions = await ctx.sessions(emails);
    return runHttpScenario(ctx, {
      name: 'municipalities',
      description: this.description,
      read: true,
      list: true,
      requestsFor: (i) => [get('/api/v1/municipalities', sessions[i % sessions.length]!)],
      floor: [
        ...sessionStatements(sessions[0]!),
        {
          text: `select id, code, name, county_code, parent_id as region_id, flags
                 from organisations where kind = 'municipality'`,
        },
      ],
    });
  },
});

registerScenario({
  name: 'region-tree',
  description: 'GET /api/v1/organisations/{region} as its regional coordinator',
  async run(ctx) {
    const regions = ctx.regions;
    const sessions = await ctx.sessions(regions.map((r) => benchEmail.regional(r.code)));
    const region = regions[0]!;
    return runHttpScenario(ctx, {
      name: 'region-tree',
      description: this.description,
      read: true,
      list: true,
      requestsFor: (i) => [
        get(`/api/v1/organisations/${regions[i % regions.length]!.id}`, sessions[i % sessions.length]!),
      ],
      floor: [
        ...sessionStatements(sessions[0]!),
        {
          text: `with recursive up as (
                   select ${orgColumns}, 0 as depth from organisations where id = $1
                   union all
                   select o.id, o.kind, o.name, o.code, o.county_code, o.parent_id, o.subtype, o.flags, up.depth + 1
                   from organisations o join up on o.id = up.parent_id where up.depth < 10)
                 select * from up order by depth`,
          params: [region.id],
        },
        { text: `select ${orgColumns} from organisations where parent_id = $1`, params: [region.id] },
        {
          text: 'select count(distinct user_id)::int as n from memberships where organisation_id = $1',
          params: [region.id],
        },
      ],
    });
  },
});
