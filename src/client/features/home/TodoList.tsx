import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StartTodo } from '../../../shared/contracts/start.ts';
import { formatDate } from '../../lib/i18n.ts';
import { daysUntil } from './start-queries.ts';

/** The line that says what to do, in words that name the thing. */
function useTodoText() {
  const { t } = useTranslation();
  return (x: StartTodo): { label: string; detail: string | null } => {
    const vars = { title: x.title ?? '', place: x.place ?? '', count: x.count, of: x.of ?? 0 };
    const date = x.dueOn ? formatDate(x.dueOn) : '';
    const closes = () => {
      if (!x.dueOn) return null;
      const days = daysUntil(x.dueOn);
      return days <= 0 ? t('start.todo.closesToday') : t('start.todo.closesInDays', { count: days, date });
    };
    switch (x.kind) {
      case 'assessment_answer':
        return {
          label: t('start.todo.assessment_answer', vars),
          detail: [t('start.todo.assessment_answer_detail', vars), closes()].filter(Boolean).join(' · '),
        };
      case 'assessment_chase':
        return {
          label: t('start.todo.assessment_chase', vars),
          detail: [t('start.todo.assessment_chase_detail', vars), closes()].filter(Boolean).join(' · '),
        };
      case 'document_review':
        return {
          label: t('start.todo.document_review', vars),
          detail: date ? t('start.todo.document_review_detail', { date }) : null,
        };
      case 'case_review':
        return { label: t('start.todo.case_review', vars), detail: null };
      case 'case_returned':
        return { label: t('start.todo.case_returned', vars), detail: null };
      case 'steering_draft':
        return { label: t('start.todo.steering_draft', vars), detail: x.place };
      case 'team_not_started':
        return { label: t('start.todo.team_not_started', vars), detail: null };
      case 'initiative_followup':
        return {
          label: t('start.todo.initiative_followup', vars),
          detail: t('start.todo.initiative_followup_detail', { count: x.count, date }),
        };
      case 'support_to_answer':
        return {
          label: t('start.todo.support_to_answer', vars),
          detail: x.title ? [x.title, x.place].filter(Boolean).join(' · ') : null,
        };
      case 'support_answers_to_read':
        return { label: t('start.todo.support_answers_to_read', vars), detail: x.title };
      case 'external_contact_followup':
        return {
          label: t('start.todo.external_contact_followup', vars),
          detail: [x.title, date ? t('start.todo.external_contact_followup_detail', { date }) : null]
            .filter(Boolean)
            .join(' · '),
        };
      case 'contract_decision':
        return {
          label: t('start.todo.contract_decision', vars),
          detail: date ? t('start.todo.contract_decision_detail', { date }) : null,
        };
    }
  };
}

/** What is waiting for the person, soonest due first; each item links to where it is done. */
export function TodoList({ todos }: { todos: readonly StartTodo[] }) {
  const { t } = useTranslation();
  const text = useTodoText();
  if (todos.length === 0) return <p className="ds-paragraph">{t('start.todoNone')}</p>;
  return (
    <ul className="start-list">
      {todos.map((x) => {
        const { label, detail } = text(x);
        return (
          <li key={`${x.kind}|${x.to}`} className="start-item">
            <Link className="ds-link start-item-link" to={x.to}>
              {label}
            </Link>
            {detail ? <span className="start-item-meta">{detail}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
