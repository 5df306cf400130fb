import type { StartView } from '../../../shared/contracts/start.ts';
import type { Db } from '../../db/client.ts';
import type { RequestActor } from '../../plugins/session.ts';
import { swedishToday } from '../action-plans/plan-history.ts';
import { collectFigures } from './figures.ts';
import { collectNews } from './news.ts';
import * as repo from './start.repo.ts';
import type { StartContext } from './start-context.ts';
import { collectTodos, managedUnits } from './todos.ts';

/** On a first visit, news of the last two weeks. */
const FIRST_VISIT_DAYS = 14;

/**
 * The start page in one request: to-do items, figures and news read in parallel, each part within
 * the person's own scope (the named rules of `src/shared/access`). Opening it records the visit; the
 * timestamp is a person's own bookkeeping, not a change to audit (like a session's last use).
 */
export async function startView(db: Db, actor: RequestActor, peek: boolean): Promise<StartView> {
  const since = await repo.recordVisit(db, actor.userId, peek);
  const units = managedUnits(actor);
  let team: ReturnType<StartContext['team']> | null = null;
  const ctx: StartContext = {
    db,
    actor,
    today: swedishToday(),
    team: () => {
      team ??= units.length
        ? repo.teamProgress(
            db,
            units.map((u) => u.id),
          )
        : Promise.resolve([]);
      return team;
    },
  };
  const newsSince = since ?? new Date(Date.now() - FIRST_VISIT_DAYS * 86_400_000).toISOString();
  const [todos, figures, news] = await Promise.all([
    collectTodos(ctx),
    collectFigures(ctx),
    collectNews(ctx, newsSince),
  ]);
  return { since, todos, figures, news };
}
