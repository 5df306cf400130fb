import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SupportOffer } from '../../../shared/contracts/support.ts';
import { Tag } from '../../components/Feedback.tsx';

/** The offers, each with its need, kind, response target and what the reader may do with it. */
export function SupportOfferCards({ offers, mayAsk }: { offers: readonly SupportOffer[]; mayAsk: boolean }) {
  const { t } = useTranslation();
  if (!offers.length) return <p className="ds-paragraph">{t('support.offers.empty')}</p>;
  return (
    <ul className="support-list">
      {offers.map((o) => (
        <li key={o.id} className="support-item" id={`erbjudande-${o.id}`}>
          <h3 className="ds-heading" data-size="2xs">
            {o.title}
          </h3>{' '}
          {o.status === 'closed' ? <Tag color="neutral">{t('support.offerStatus.closed')}</Tag> : null}
          <p className="ds-paragraph support-item-meta">
            {[
              o.provider.name,
              t(`initiatives.supportNeed.${o.need}`),
              t(`support.kind.${o.kind}`),
              t('support.offers.target', { count: o.responseDays }),
            ].join(' · ')}
          </p>
          <p className="ds-paragraph">{o.description}</p>
          <p className="support-actions">
            {mayAsk && o.status === 'active' ? (
              <Link className="ds-link" to={`/stod/ny?erbjudande=${o.id}`}>
                {t('support.offers.ask', { title: o.title })}
              </Link>
            ) : null}
            {o.canEdit ? (
              <Link className="ds-link" to={`/stod/erbjudanden/${o.id}`}>
                {t('support.offers.edit', { title: o.title })}
              </Link>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
