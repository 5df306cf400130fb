import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { narrativeOnly, type ReportSection } from '../../../shared/contracts/steering-reports.ts';
import { LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { API } from '../../lib/api.ts';
import { formatShortDate } from '../../lib/format.ts';
import { API_BASE, useReport } from './data.ts';
import { NarrativeEditor } from './NarrativeEditor.tsx';
import { ReportActions } from './ReportActions.tsx';
import { SectionFigures } from './SectionFigures.tsx';

function Narrative({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p key={p} className="ds-paragraph report-narrative">
            {p}
          </p>
        ))}
    </>
  );
}

/**
 * One report, section by section: the narrative above the figures, editable per section while a
 * draft; downloads as PDF and Word; issuing with a confirm step. An issued report is read-only.
 */
export function SteeringReportPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const report = useReport(id);
  const [message, setMessage] = useState('');
  if (report.isPending) return <Loading />;
  if (report.isError) return <QueryFailure error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  const date = (iso: string) => formatShortDate(iso, i18n.language);
  const sectionTitle = (s: ReportSection) => t(`steeringReports.sections.${s.key}`);
  const files = `${API}${API_BASE}/${r.id}`;
  return (
    <Page title={r.title}>
      <p>
        <Link className="ds-link" to="/rapporter/styrgrupp">
          {t('steeringReports.report.back')}
        </Link>
      </p>
      <div className="report-facts">
        <p className="ds-paragraph">
          <Tag color={r.status === 'issued' ? 'success' : 'neutral'}>
            {t(`steeringReports.status.${r.status}`)}
          </Tag>{' '}
          {r.issuedAt
            ? t('steeringReports.report.issuedOn', { date: date(r.issuedAt.slice(0, 10)) })
            : t('steeringReports.report.draft')}
        </p>
        <ul className="report-facts-list">
          <li>{t('steeringReports.report.organisation', { name: r.organisation.name })}</li>
          {r.network ? <li>{t('steeringReports.report.network', { name: r.network.name })}</li> : null}
          <li>{t('steeringReports.report.period', { from: date(r.from), to: date(r.to) })}</li>
          {r.diaryNumber ? (
            <li>{t('steeringReports.report.diaryNumber', { number: r.diaryNumber })}</li>
          ) : null}
        </ul>
        <p className="ds-paragraph" data-size="sm">
          {r.status === 'issued'
            ? t('steeringReports.report.figuresFrozen')
            : t('steeringReports.report.figuresLive')}
        </p>
      </div>
      <LiveStatus message={message} />
      <Section title={t('steeringReports.report.downloads')} id="downloads">
        <ul className="report-downloads">
          <li>
            <a className="ds-link" href={`${files}/pdf`} download>
              {t('steeringReports.report.pdf')}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`${files}/docx`} download>
              {t('steeringReports.report.docx')}
            </a>
          </li>
        </ul>
      </Section>
      <nav aria-label={t('steeringReports.report.contents')} className="report-contents">
        <ol>
          {r.sections.map((s) => (
            <li key={s.key}>
              <a className="ds-link" href={`#section-${s.key}-heading`}>
                {sectionTitle(s)}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {r.sections.map((s) => (
        <Section key={s.key} id={`section-${s.key}`} title={sectionTitle(s)}>
          {r.canEdit ? (
            <NarrativeEditor
              reportId={r.id}
              sectionKey={s.key}
              title={sectionTitle(s)}
              saved={s.narrative}
              withFigures={!narrativeOnly.has(s.key)}
            />
          ) : s.narrative ? (
            <Narrative text={s.narrative} />
          ) : narrativeOnly.has(s.key) ? (
            <p className="ds-paragraph">{t('steeringReports.narrative.empty')}</p>
          ) : null}
          {narrativeOnly.has(s.key) ? null : <SectionFigures section={s} />}
        </Section>
      ))}
      {r.canEdit ? <ReportActions report={r} onIssued={setMessage} /> : null}
    </Page>
  );
}
