import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SupportReport } from '../../../shared/contracts/support.ts';
import { Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { API, api, qs } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { providerOrganisations } from './support-queries.ts';

/**
 * `/stod/rapport?region=20` (or `?association=<id>`): a provider's requests per municipality, need and
 * month, and how quickly each offer got its first answer against its target, with CSV and XLSX.
 */
export function SupportReportPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const me = useMe();
  // Without a region or association in the address: the report of the caller's own (her first).
  const own = me.data ? providerOrganisations(me.data)[0]?.report : undefined;
  const asked = Boolean(params.get('region') || params.get('association'));
  const scope = asked
    ? { region: params.get('region') ?? undefined, association: params.get('association') ?? undefined }
    : { region: undefined, association: undefined, ...own };
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const q = useQuery({
    queryKey: ['support', 'report', scope],
    queryFn: () => api.get(`/support-requests/report${qs(scope)}`, SupportReport),
    enabled: asked || Boolean(own),
  });
  if (me.isPending) return <Loading />;
  if (!asked && !own)
    return (
      <Page title={t('support.report.titleNone')}>
        <p className="ds-paragraph">{t('support.offerForm.noProvider')}</p>
      </Page>
    );
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryFailure error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  const fmt = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 });
  return (
    <Page title={t('support.report.title', { name: r.provider.name })} lead={t('support.report.lead')}>
      <ul className="support-actions">
        <li>
          <Link className="ds-link" to="/stod">
            {t('support.back')}
          </Link>
        </li>
        {(['csv', 'xlsx'] as const).map((format) => (
          <li key={format}>
            <a
              className="ds-link"
              href={`${API}/support-requests/report${qs({ ...scope, format, lang })}`}
              download
            >
              {t(`support.report.download.${format}`)}
            </a>
          </li>
        ))}
      </ul>
      <Section title={t('support.report.timingTitle')} id="timing">
        <TableWrap label={t('support.report.timingTitle')}>
          <table className="ds-table" data-border="true">
            <caption>{t('support.report.timingCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('support.report.offer')}</th>
                <th scope="col" className="num">
                  {t('support.report.target')}
                </th>
                <th scope="col" className="num">
                  {t('support.report.requests')}
                </th>
                <th scope="col" className="num">
                  {t('support.report.answered')}
                </th>
                <th scope="col" className="num">
                  {t('support.report.median')}
                </th>
                <th scope="col" className="num">
                  {t('support.report.within')}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.offers.map((o) => (
                <tr key={o.offer?.id ?? 'none'}>
                  <th scope="row">{o.offer?.title ?? t('support.report.noOffer')}</th>
                  <td className="num">{o.offer?.responseDays ?? '–'}</td>
                  <td className="num">{o.requests}</td>
                  <td className="num">{o.answered}</td>
                  <td className="num">{o.medianDays === null ? '–' : fmt.format(o.medianDays)}</td>
                  <td className="num">{o.offer ? o.withinTarget : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </Section>
      <Section title={t('support.report.perMonthTitle')} id="per-month">
        {r.rows.length === 0 ? (
          <p className="ds-paragraph">{t('support.report.empty')}</p>
        ) : (
          <TableWrap label={t('support.report.perMonthTitle')}>
            <table className="ds-table" data-border="true">
              <caption>{t('support.report.perMonthCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('support.report.month')}</th>
                  <th scope="col">{t('support.report.municipality')}</th>
                  <th scope="col">{t('support.report.need')}</th>
                  <th scope="col" className="num">
                    {t('support.report.requests')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.rows.map((row) => (
                  <tr key={`${row.month}|${row.municipality.code}|${row.need}`}>
                    <td>{row.month}</td>
                    <th scope="row">{row.municipality.name}</th>
                    <td>{t(`initiatives.supportNeed.${row.need}`)}</td>
                    <td className="num">{row.requests}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Section>
    </Page>
  );
}
