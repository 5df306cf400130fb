import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../components/Page.tsx';
import { formatDate } from '../../lib/i18n.ts';
import { useReviewReminders } from './document-queries.ts';

/**
 * The owner's governing documents whose review date has passed, on the documents page and the start
 * page; nothing when there are none.
 */
export function ReviewReminders() {
  const { t } = useTranslation();
  const reminders = useReviewReminders();
  if (!reminders.data?.items.length) return null;
  return (
    <Section title={t('documents.reminders.heading')} id="document-reminders">
      <p className="ds-paragraph">{t('documents.reminders.lead')}</p>
      <ul className="link-list">
        {reminders.data.items.map((d) => (
          <li key={d.id}>
            <Link className="ds-link" to={`/styrdokument/${d.id}`}>
              {d.title}
            </Link>{' '}
            – {d.owner.name}, {t('documents.reminders.due', { date: formatDate(d.reviewOn ?? '') })}
          </li>
        ))}
      </ul>
    </Section>
  );
}
