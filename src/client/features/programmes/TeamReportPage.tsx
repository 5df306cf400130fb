import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { TeamReport } from '../../../shared/contracts/programmes.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { formatDate, formatNumber } from './shared.ts';

export function TeamReportPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { unitId = '' } = useParams();
  const report = useQuery({
    queryKey: ['team-report', unitId, lang],
    queryFn: () => api.get(`/organisations/${encodeURIComponent(unitId)}/learning-report`, TeamReport),
  });
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  return (
    <Page title={t('programmes.team.title', { name: r.organisation.name })} lead={t('programmes.team.lead')}>
      <Section title={t('programmes.rapport.keyFigures')} id="key-figures">
        <dl className="key-figures">
          <div>
            <dt>{t('programmes.team.members')}</dt>
            <dd>{formatNumber(r.totals.members, lang)}</dd>
          </div>
          <div>
            <dt>{t('programmes.team.enrolled')}</dt>
            <dd>{formatNumber(r.totals.enrolled, lang)}</dd>
          </div>
          <div>
            <dt>{t('programmes.rapport.active30')}</dt>
            <dd>{formatNumber(r.totals.activeLast30Days, lang)}</dd>
          </div>
          <div>
            <dt>{t('programmes.rapport.completed')}</dt>
            <dd>{formatNumber(r.totals.completed, lang)}</dd>
          </div>
        </dl>
      </Section>
      <Section title={t('programmes.team.caption')} id="people">
        <TableWrap label={t('programmes.team.caption')}>
          <table className="ds-table" data-border="true">
            <caption>{t('programmes.team.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programmes.team.person')}</th>
                <th scope="col">{t('programmes.team.role')}</th>
                <th scope="col">{t('programmes.team.course')}</th>
                <th scope="col">{t('programmes.team.progress')}</th>
                <th scope="col">{t('programmes.team.lastActivity')}</th>
                <th scope="col">{t('programmes.team.completedAt')}</th>
                <th scope="col">{t('programmes.team.meetings')}</th>
              </tr>
            </thead>
            <tbody>
              {r.members.flatMap((m) => {
                const role = t(`roles.${m.role}`);
                if (m.enrolments.length === 0)
                  return [
                    <tr key={m.userId}>
                      <th scope="row">{m.name}</th>
                      <td>{role}</td>
                      <td>{t('programmes.team.noCourses')}</td>
                      <td>–</td>
                      <td>–</td>
                      <td>–</td>
                      <td>–</td>
                    </tr>,
                  ];
                return m.enrolments.map((en) => (
                  <tr key={en.enrolmentId}>
                    <th scope="row">{m.name}</th>
                    <td>{role}</td>
                    <td>
                      {en.courseTitle}
                      {en.programmeId && en.programmeName ? (
                        <>
                          {' '}
                          (
                          <Link className="ds-link" to={`/program/${en.programmeId}`}>
                            {en.programmeName}
                          </Link>
                          )
                        </>
                      ) : null}
                    </td>
                    <td>
                      <progress max={100} value={en.percent} aria-hidden="true" /> {en.percent} %
                    </td>
                    <td>{formatDate(en.lastActivityAt, lang)}</td>
                    <td>{formatDate(en.completedAt, lang)}</td>
                    <td>{en.meetingsAttended}</td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
        </TableWrap>
      </Section>
    </Page>
  );
}
