import { sql } from 'drizzle-orm';
import { supportProviderAt, supportRequesterAt } from '../../../shared/access/index.ts';
import type { StartTodo } from '../../../shared/contracts/start.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';
import type { StartContext } from '../start/start-context.ts';

/**
 * The start page's support items: for a region's or association's coordinators the requests waiting for
 * their answer (new, or written to since) — those assigned to someone else are theirs; for a
 * municipality's coordinators the answers not yet read.
 */
export async function supportTodos({ db, actor }: Pick<StartContext, 'db' | 'actor'>): Promise<StartTodo[]> {
  const providers = supportProviderAt(actor);
  const municipalities = supportRequesterAt(actor);
  const [toAnswer, toRead] = await Promise.all([
    providers.length ? waiting(db, providers, actor.userId) : null,
    municipalities.length ? unread(db, municipalities) : null,
  ]);
  const out: StartTodo[] = [];
  if (toAnswer?.n)
    out.push({
      kind: 'support_to_answer',
      title: toAnswer.n === 1 ? toAnswer.subject : null,
      place: toAnswer.n === 1 ? toAnswer.municipality : null,
      count: toAnswer.n,
      of: null,
      dueOn: null,
      to: toAnswer.n === 1 ? `/stod/forfragningar/${toAnswer.id}` : '/stod',
    });
  if (toRead?.n)
    out.push({
      kind: 'support_answers_to_read',
      title: toRead.n === 1 ? toRead.subject : null,
      place: null,
      count: toRead.n,
      of: null,
      dueOn: null,
      to: toRead.n === 1 ? `/stod/forfragningar/${toRead.id}` : '/stod',
    });
  return out;
}

interface Counted {
  n: number;
  id: string | null;
  subject: string | null;
  municipality: string | null;
}

function waiting(db: Db, providers: string[], userId: string) {
  return one(
    db,
    sql`select count(*)::int as n, min(r.id::text) as id, min(r.subject) as subject, min(m.name) as municipality
        from support_requests r join organisations m on m.id = r.municipality_id
        where r.provider_organisation_id = any(${uuidArray(providers)})
          and r.status in ('new', 'assigned')
          and (r.assignee_id is null or r.assignee_id = ${userId})`,
  );
}

function unread(db: Db, municipalities: string[]) {
  return one(
    db,
    sql`select count(*)::int as n, min(r.id::text) as id, min(r.subject) as subject, null as municipality
        from support_requests r
        where r.municipality_id = any(${uuidArray(municipalities)})
          and r.last_answer_at is not null
          and (r.municipality_read_at is null or r.municipality_read_at < r.last_answer_at)`,
  );
}

async function one(db: Db, query: ReturnType<typeof sql>): Promise<Counted> {
  const [row] = await queryRows<Counted>(db, query);
  return row ?? { n: 0, id: null, subject: null, municipality: null };
}
