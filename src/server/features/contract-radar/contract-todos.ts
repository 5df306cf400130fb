import { contractRegistersKeptBy } from '../../../shared/access/index.ts';
import type { StartTodo } from '../../../shared/contracts/start.ts';
import { addMonths } from '../../../shared/contracts/supplier-contracts.ts';
import type { StartContext } from '../start/start-context.ts';
import { contractsInView } from './contract-radar.repo.ts';
import { nextDecision, parseOption } from './radar-logic.ts';

/** A decision enters the to-do list this many months ahead: the last of the three alerts. */
const DECISION_SOON_MONTHS = 3;

/**
 * The start page's contract item for the coordinators who keep a municipality's register: contracts
 * whose next decision (an extension option or the notice) falls within three months, soonest first.
 */
export async function contractTodos({ db, actor, today }: Pick<StartContext, 'db' | 'actor' | 'today'>) {
  const municipalities = contractRegistersKeptBy(actor);
  if (!municipalities.length) return [];
  const until = addMonths(today, DECISION_SOON_MONTHS);
  const due = (await contractsInView(db, municipalities, today, null))
    .map((c) => ({
      c,
      on: nextDecision(
        { endsOn: c.ends_on, noticeMonths: c.notice_months, extensions: c.extensions.map(parseOption) },
        today,
      ).on,
    }))
    .filter((d) => d.on >= today && d.on <= until)
    .sort((a, b) => a.on.localeCompare(b.on));
  if (!due.length) return [];
  const first = due[0]!;
  const todo: StartTodo = {
    kind: 'contract_decision',
    title: due.length === 1 ? first.c.title : null,
    place: null,
    count: due.length,
    of: null,
    dueOn: first.on,
    to: '/avtalsradar',
  };
  return [todo];
}
