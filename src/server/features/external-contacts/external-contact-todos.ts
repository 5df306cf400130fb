import { externalContactWriterAt } from '../../../shared/access/index.ts';
import type { StartTodo } from '../../../shared/contracts/start.ts';
import type { StartContext } from '../start/start-context.ts';
import { openFollowUps } from './external-contacts.repo.ts';

/**
 * The start page's follow-ups of contacts with external actors: for the coordinators of the region or
 * association whose log it is, every follow-up with a date that is not yet marked done, earliest first.
 */
export async function externalContactTodos({
  db,
  actor,
}: Pick<StartContext, 'db' | 'actor'>): Promise<StartTodo[]> {
  const owners = externalContactWriterAt(actor);
  if (!owners.length) return [];
  const open = await openFollowUps(db, owners);
  if (!open.n) return [];
  return [
    {
      kind: 'external_contact_followup',
      title: open.n === 1 ? open.topic : null,
      place: null,
      count: open.n,
      of: null,
      dueOn: open.due,
      to: open.n === 1 ? `/kontakter/${open.id}` : '/kontakter?uppfoljning=oppen',
    },
  ];
}
