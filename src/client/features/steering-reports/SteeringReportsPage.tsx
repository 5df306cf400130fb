import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, Tag } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatShortDate } from '../../lib/format.ts';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { reportOwnersOf, useReports } from './data.ts';
import { NewReportForm } from './NewReportForm.tsx';

/** The reports of the caller's regions and associations, and the form for a new one. */
export function SteeringReportsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const may = me.data ? isNationalAdmin(me.data) || reportOwnersOf(me.data).length > 0 : false;
  const reports = useReports(may);
  if (me.isPending || (may && reports.isPending)) return <Loading />;
  const title = t('steeringReports.list.title');
  if (!me.data || !may)
    return (
      <Page title={title}>
        <p className="ds-paragraph">{t('steeringReports.list.noAccess')}</p>
      </Page>
    );
  if (reports.isError) return <QueryFailure error={reports.error} onRetry={() => void reports.refetch()} />;
  const items = reports.data?.items ?? [];
  const caption = t('steeringReports.list.caption');
  const date = (iso: string) => formatShortDate(iso, i18n.language);
  return (
    <Page title={title} lead={t('steeringReports.list.lead')}>
      {items.length === 0 ? (
        <p className="ds-paragraph">{t('steeringReports.list.empty')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="ds-table" data-border="true">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('steeringReports.list.report')}</th>
                <th scope="col">{t('steeringReports.list.organisation')}</th>
                <th scope="col">{t('steeringReports.list.period')}</th>
                <th scope="col">{t('steeringReports.list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link className="ds-link" to={`/rapporter/styrgrupp/${r.id}`}>
                      {r.title}
                    </Link>
                    {r.diaryNumber ? <span className="report-diary"> {r.diaryNumber}</span> : null}
                  </th>
                  <td>{r.organisation.name}</td>
                  <td>
                    {date(r.from)} – {date(r.to)}
                  </td>
                  <td>
                    <Tag color={r.status === 'issued' ? 'success' : 'neutral'}>
                      {t(`steeringReports.status.${r.status}`)}
                    </Tag>
                    {r.issuedAt ? ` ${date(r.issuedAt.slice(0, 10))}` : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <NewReportForm me={me.data} />
    </Page>
  );
}
