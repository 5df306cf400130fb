import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { WhoMunicipality } from '../../../shared/contracts/cases.ts';
import { Loading, Tag } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { formatNumber, formatShortDate } from '../../lib/format.ts';
import { ContactCard } from './ContactCard.tsx';
import { useWho } from './case-queries.ts';

/**
 * "Who has done this?" for one technology: the municipalities that run it or have told about it,
 * nearest first, with distance, since when, how many use it, their published cases and the contact
 * people who agreed to be asked.
 */
export function WhoHasDoneThisPage() {
  const { t } = useTranslation();
  const { technologyKey = '' } = useParams();
  const who = useWho(technologyKey);
  if (who.isPending) return <Loading />;
  if (who.isError) return <QueryFailure error={who.error} onRetry={() => void who.refetch()} />;
  const { technology, from, items } = who.data;
  return (
    <Page title={t('cases.who.title', { name: technology.name })} lead={t('cases.who.lead')}>
      <p>
        <Link className="ds-link" to="/kunskapsbank">
          {t('cases.who.back')}
        </Link>
      </p>
      <p className="ds-paragraph">
        {from ? t('cases.who.from', { name: from.name }) : t('cases.who.noFrom')}{' '}
        {t('cases.who.count', { count: items.length })}
      </p>
      {items.length === 0 ? <p className="ds-paragraph">{t('cases.who.empty')}</p> : null}
      <ol className="who-list">
        {items.map((item) => (
          <WhoItem key={item.municipality.id} item={item} own={item.municipality.code === from?.code} />
        ))}
      </ol>
    </Page>
  );
}

function WhoItem({ item, own }: { item: WhoMunicipality; own: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = `who-${item.municipality.code}`;
  return (
    <li className="who-item">
      <h2 className="ds-heading" data-size="sm" id={headingId}>
        {item.municipality.name}
      </h2>
      <p className="tags">
        {item.municipality.isModel ? <Tag color="info">{t('cases.modelBadge')}</Tag> : null}
        <Tag color={item.status === 'in_operation' ? 'success' : 'neutral'}>
          {item.status === 'in_operation' ? t('cases.who.inOperation') : t('cases.who.caseOnly')}
        </Tag>
      </p>
      <ul className="who-facts">
        {own ? (
          <li>{t('cases.who.here')}</li>
        ) : item.distanceKm !== null ? (
          <li>{t('cases.who.distance', { km: formatNumber(Math.round(item.distanceKm), lang, 0) })}</li>
        ) : null}
        {item.status === 'in_operation' && item.since ? (
          <li>{t('cases.who.since', { date: formatShortDate(item.since, lang) })}</li>
        ) : null}
        {item.usersServed !== null ? (
          <li>{t('cases.who.usersServed', { formatted: formatNumber(item.usersServed, lang, 0) })}</li>
        ) : null}
      </ul>
      {item.cases.length ? (
        <>
          <h3 className="ds-heading" data-size="xs">
            {t('cases.who.cases')}
          </h3>
          <ul className="link-list">
            {item.cases.map((c) => (
              <li key={c.id}>
                <Link className="ds-link" to={`/kunskapsbank/${c.id}`}>
                  {c.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {item.contacts.length ? (
        <>
          <h3 className="ds-heading" data-size="xs">
            {t('cases.who.contacts')}
          </h3>
          <ul className="contact-list">
            {item.contacts.map((c) => (
              <li key={`${c.caseId}-${c.email}`}>
                <ContactCard contact={c} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}
