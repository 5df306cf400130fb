import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { QueryTable } from '../../components/QueryTable.tsx';
import { formatSek, formatShortDate } from '../../lib/format.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { callPath, useFundingCalls, useUsesFundingCalls } from './data.ts';

/** `/stimulansmedel`: the calls that cover the person's municipality, region or association, newest first. */
export function FundingCallsPage() {
  const { t, i18n } = useTranslation();
  const uses = useUsesFundingCalls();
  const calls = useFundingCalls();
  if (!uses) return <NotFoundPage forbidden />;
  const items = calls.data?.items ?? [];
  const lang = i18n.language;
  return (
    <Page title={t('fundingCalls.list.title')} lead={t('fundingCalls.list.lead')}>
      {calls.data?.canCreateAt.length ? (
        <p>
          <Link className="ds-button" data-variant="primary" to="/stimulansmedel/ny">
            {t('fundingCalls.list.create')}
          </Link>
        </p>
      ) : null}
      <QueryTable
        query={calls}
        count={items.length}
        empty={t('fundingCalls.list.none')}
        caption={t('fundingCalls.list.caption')}
      >
        <thead>
          <tr>
            <th scope="col">{t('fundingCalls.fields.title')}</th>
            <th scope="col">{t('fundingCalls.fields.owner')}</th>
            <th scope="col" className="num">
              {t('fundingCalls.fields.totalSek')}
            </th>
            <th scope="col">{t('fundingCalls.fields.requisitionDeadline')}</th>
            <th scope="col">{t('fundingCalls.fields.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link className="ds-link" to={callPath(c.id)}>
                  {c.title}
                </Link>
              </th>
              <td>{c.owner.name}</td>
              <td className="num nowrap">{formatSek(c.totalSek, lang)}</td>
              <td className="nowrap">{formatShortDate(c.requisitionDeadline, lang)}</td>
              <td>{t(`fundingCalls.status.${c.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </QueryTable>
    </Page>
  );
}
