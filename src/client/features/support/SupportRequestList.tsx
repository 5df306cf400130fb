import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SupportRequestSummary } from '../../../shared/contracts/support.ts';
import { Tag } from '../../components/Feedback.tsx';
import { formatDate } from '../../lib/i18n.ts';

/** Requests as a list: subject first (the link), then who, what state and since when. */
export function SupportRequestList({
  items,
  empty,
}: {
  items: readonly SupportRequestSummary[];
  empty: string;
}) {
  const { t } = useTranslation();
  if (!items.length) return <p className="ds-paragraph">{empty}</p>;
  return (
    <ul className="support-list">
      {items.map((r) => (
        <li key={r.id} className="support-item">
          <Link className="ds-link support-item-title" to={`/stod/forfragningar/${r.id}`}>
            {r.subject}
          </Link>{' '}
          {r.unread ? <Tag color="success">{t('support.request.unread')}</Tag> : null}
          <span className="support-item-meta">
            {[
              r.municipality.name,
              t(`support.status.${r.status}`),
              t(`support.urgency.${r.urgency}`),
              t(`initiatives.supportNeed.${r.need}`),
              r.assignee ? t('support.request.assignedTo', { name: r.assignee.name }) : null,
              t('support.request.sentOn', { date: formatDate(r.createdAt) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
