import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StartNews } from '../../../shared/contracts/start.ts';
import { formatDate } from '../../lib/i18n.ts';

/** What changed since the previous visit, newest first. */
export function NewsList({ news, since }: { news: readonly StartNews[]; since: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {since ? (
        <p className="ds-paragraph card-meta">{t('start.newsSince', { date: formatDate(since) })}</p>
      ) : null}
      {news.length === 0 ? (
        <p className="ds-paragraph">{t('start.newsNone')}</p>
      ) : (
        <ul className="start-list">
          {news.map((n) => (
            <li key={`${n.kind}|${n.to}`} className="start-item">
              <span className="start-item-kind">{t(`start.news.${n.kind}`)}</span>
              <Link className="ds-link start-item-link" to={n.to}>
                {n.title}
              </Link>
              <span className="start-item-meta">
                {[n.place, formatDate(n.at)].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
