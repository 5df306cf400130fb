import { benchEmail } from '../lib/accounts.ts';
import { get, registerScenario, runHttpScenario, sessionStatements } from './registry.ts';

/**
 * `GET /me/start` for every role at once: care staff and managers of the largest municipalities, their
 * municipal coordinators, the regional coordinator of the largest region and a national administrator,
 * connection by connection. Each request records the visit (a write), as the page does.
 */
registerScenario({
  name: 'start-page',
  description:
    'GET /api/v1/me/start as staff, managers, municipal and regional coordinators and a national administrator (to-do items, figures, news since the last visit)',
  async run(ctx) {
    const ms = ctx.municipalities.slice(0, Math.max(1, Math.min(4, ctx.municipalities.length)));
    const region = ctx.regions.find((r) => r.id === ms[0]!.regionId)!;
    const sessions = await ctx.sessions([
      ...ms.flatMap((m) => [
        benchEmail.staff(m.code),
        benchEmail.manager(m.code),
        benchEmail.coordinator(m.code),
      ]),
      benchEmail.regional(region.code),
      benchEmail.admin(),
    ]);
    const coordinator = sessions[2]!;
    return runHttpScenario(ctx, {
      name: 'start-page',
      description: this.description,
      read: true,
      list: false,
      requestsFor: (i) => [get('/api/v1/me/start', sessions[i % sessions.length]!)],
      // A coordinator's essentials: the session, the visit, her sheets of open rounds, her overdue documents.
      floor: [
        ...sessionStatements(coordinator),
        {
          text: `insert into start_visits (user_id, seen_at) values ($1, now())
                 on conflict (user_id) do update set seen_at = now() returning previous_seen_at`,
          params: [coordinator.userId],
        },
        {
          text: `select r.id, r.name, s.municipality_id from assessment_sheets s
                 join assessment_rounds r on r.id = s.round_id
                 where s.municipality_id = $1 and s.status <> 'submitted' and r.closed_at is null
                   and r.opens_on <= current_date and r.closes_on >= current_date limit 5`,
          params: [ms[0]!.id],
        },
        {
          text: `select id, title from governing_documents
                 where owner_organisation_id = $1 and review_on < current_date limit 100`,
          params: [ms[0]!.id],
        },
      ],
      rollback: true,
    });
  },
});
