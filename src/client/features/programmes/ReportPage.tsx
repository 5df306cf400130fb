import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ProgrammeReport, type ReportGroup } from '../../../shared/contracts/programmes.ts';
import { DownloadLinks, type ExportFormat } from '../../components/DownloadLinks.tsx';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { API, api } from '../../lib/api.ts';
import { ColumnChart, chartColours, GroupedBarChart } from './Charts.tsx';
import { ModuleResultsTable, packageFormatName } from './ImportedResults.tsx';
import { formatDate, formatNumber, formatPercent } from './shared.ts';

function GroupTable({
  caption,
  rows,
  extra,
}: {
  caption: string;
  rows: readonly (ReportGroup & { municipality?: string })[];
  extra?: 'municipality';
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (rows.length === 0) return <p className="ds-paragraph">{t('programmes.rapport.empty')}</p>;
  return (
    <TableWrap label={caption}>
      <table className="ds-table" data-border="true" data-zebra="true">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programmes.rapport.group')}</th>
            {extra ? <th scope="col">{t('programmes.rapport.municipality')}</th> : null}
            <th scope="col">{t('programmes.enrolled')}</th>
            <th scope="col">{t('programmes.rapport.started')}</th>
            <th scope="col">{t('programmes.rapport.active30')}</th>
            <th scope="col">{t('programmes.rapport.completed')}</th>
            <th scope="col">{t('programmes.rapport.completionRate')}</th>
            <th scope="col">{t('programmes.rapport.hours')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.key}-${r.municipality ?? ''}`}>
              <th scope="row">{r.label}</th>
              {extra ? <td>{r.municipality}</td> : null}
              <td>{formatNumber(r.enrolled, lang)}</td>
              <td>{formatNumber(r.started, lang)}</td>
              <td>{formatNumber(r.activeLast30Days, lang)}</td>
              <td>{formatNumber(r.completed, lang)}</td>
              <td>{formatPercent(r.completionRate, lang)}</td>
              <td>{formatNumber(Math.round(r.secondsSpent / 360) / 10, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function ReportPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const { id = '' } = useParams();
  const report = useQuery({
    queryKey: ['programme-report', id, lang],
    queryFn: () => api.get(`/programmes/${encodeURIComponent(id)}/report?lang=${lang}`, ProgrammeReport),
  });
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  const tot = r.totals;
  const download = (format: ExportFormat) =>
    `${API}/programmes/${r.programme.id}/report?format=${format}&lang=${lang}`;
  return (
    <Page
      title={t('programmes.rapport.title', { name: r.programme.name })}
      breadcrumbs={[
        { to: '/program', label: t('programmes.title') },
        { to: `/program/${r.programme.id}`, label: r.programme.name },
        { label: t('programmes.report') },
      ]}
    >
      <p className="ds-paragraph muted">
        {t('programmes.rapport.generated', {
          at: new Date(r.generatedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE'),
        })}
        {r.programme.funding.esfProjectNumber
          ? ` · ${t('programmes.esf')}: ${r.programme.funding.esfProjectNumber}`
          : ''}
        {` · ${formatDate(r.programme.startsOn, lang)} – ${formatDate(r.programme.endsOn, lang)}`}
      </p>
      {r.scope.complete ? null : (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{t('programmes.rapport.scopePartial')}</p>
        </div>
      )}
      <Section title={t('programmes.rapport.keyFigures')} id="key-figures">
        <dl className="key-figures">
          <div>
            <dt>{t('programmes.rapport.enrolledOfTarget')}</dt>
            <dd>
              {formatNumber(tot.enrolled, lang)} / {formatNumber(tot.target, lang)}
            </dd>
          </div>
          <div>
            <dt>{t('programmes.rapport.active30')}</dt>
            <dd>{formatNumber(tot.activeLast30Days, lang)}</dd>
          </div>
          <div>
            <dt>{t('programmes.rapport.completed')}</dt>
            <dd>{formatNumber(tot.completed, lang)}</dd>
          </div>
          <div>
            <dt>{t('programmes.rapport.completionRate')}</dt>
            <dd>{formatPercent(tot.completionRate, lang)}</dd>
          </div>
        </dl>
      </Section>
      <Section title={t('programmes.rapport.download')} id="download">
        <DownloadLinks
          href={download}
          labels={{ csv: t('programmes.rapport.csv'), xlsx: t('programmes.rapport.xlsx') }}
        />
      </Section>
      <Section title={t('programmes.rapport.byMunicipality')} id="by-municipality">
        {r.byMunicipality.length > 0 ? (
          <figure className="chart-figure">
            <figcaption className="ds-paragraph">{t('programmes.rapport.chartMunicipality')}</figcaption>
            <ul className="chart-legend" aria-hidden="true">
              <li>
                <span className="swatch" style={{ background: chartColours.enrolled }} />
                {t('programmes.rapport.legendEnrolled')}
              </li>
              <li>
                <span className="swatch" style={{ background: chartColours.completed }} />
                {t('programmes.rapport.legendCompleted')}
              </li>
            </ul>
            <GroupedBarChart
              rows={r.byMunicipality.map((g) => ({
                label: g.label,
                enrolled: g.enrolled,
                completed: g.completed,
              }))}
            />
          </figure>
        ) : null}
        <GroupTable caption={t('programmes.rapport.byMunicipality')} rows={r.byMunicipality} />
      </Section>
      <Section title={t('programmes.rapport.overTime')} id="over-time">
        {r.overTime.length > 0 ? (
          <figure className="chart-figure">
            <figcaption className="ds-paragraph">{t('programmes.rapport.chartMonth')}</figcaption>
            <ColumnChart rows={r.overTime.map((m) => ({ label: m.month, value: m.active }))} />
          </figure>
        ) : null}
        {r.overTime.length === 0 ? (
          <p className="ds-paragraph">{t('programmes.rapport.empty')}</p>
        ) : (
          <TableWrap label={t('programmes.rapport.overTime')}>
            <table className="ds-table" data-border="true" data-zebra="true">
              <caption>{t('programmes.rapport.overTime')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('programmes.rapport.month')}</th>
                  <th scope="col">{t('programmes.rapport.enrolledThisMonth')}</th>
                  <th scope="col">{t('programmes.rapport.activeThisMonth')}</th>
                  <th scope="col">{t('programmes.rapport.completedThisMonth')}</th>
                  <th scope="col">{t('programmes.rapport.cumulativeCompleted')}</th>
                </tr>
              </thead>
              <tbody>
                {r.overTime.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{m.month}</th>
                    <td>{formatNumber(m.enrolled, lang)}</td>
                    <td>{formatNumber(m.active, lang)}</td>
                    <td>{formatNumber(m.completed, lang)}</td>
                    <td>{formatNumber(m.cumulativeCompleted, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Section>
      <Section title={t('programmes.rapport.byTrack')} id="by-track">
        <GroupTable caption={t('programmes.rapport.byTrack')} rows={r.byTrack} />
      </Section>
      <Section title={t('programmes.rapport.byRole')} id="by-role">
        <GroupTable caption={t('programmes.rapport.byRole')} rows={r.byRole} />
      </Section>
      <Section title={t('programmes.rapport.byGender')} id="by-gender">
        <GroupTable caption={t('programmes.rapport.byGender')} rows={r.byGender} />
      </Section>
      <Section title={t('programmes.rapport.byUnit')} id="by-unit">
        <GroupTable caption={t('programmes.rapport.byUnit')} rows={r.byUnit} extra="municipality" />
      </Section>
      {r.importedCourses.length > 0 ? (
        <Section title={t('programmes.imported.title')} id="imported-results">
          <p className="ds-paragraph">{t('programmes.imported.reportLead')}</p>
          {r.importedCourses.map((c) => (
            <ModuleResultsTable
              key={c.courseId}
              caption={t('programmes.imported.caption', {
                course: c.title,
                format: packageFormatName[c.format],
              })}
              format={c.format}
              modules={c.modules}
            />
          ))}
        </Section>
      ) : null}
    </Page>
  );
}
