import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  narrativeOnly,
  type ReportSection,
  type SteeringReport,
} from '../../../shared/contracts/steering-reports.ts';
import { LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { useUnsavedChangesWarning } from '../../components/form/index.ts';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { API } from '../../lib/api.ts';
import { formatShortDate } from '../../lib/format.ts';
import { API_BASE, useReport } from './data.ts';
import { NarrativeEditor } from './NarrativeEditor.tsx';
import { ReportActions } from './ReportActions.tsx';
import { SectionFigures } from './SectionFigures.tsx';
import { useNarrativeDraft } from './useNarrativeDraft.ts';

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
 * One report, section by section: the narrative above the figures; downloads as PDF and Word; issuing
 * with a confirm step. A draft's narrative is one form that saves itself as the person writes, and
 * asks before the page is left with text not yet saved. An issued report is read-only.
 */
export function SteeringReportPage() {
  const { id = '' } = useParams();
  const report = useReport(id);
  // Kept here: issuing turns the draft into the read-only view, and its message must outlive the switch.
  const [message, setMessage] = useState('');
  if (report.isPending) return <Loading />;
  if (report.isError) return <QueryFailure error={report.error} onRetry={() => void report.refetch()} />;
  return report.data.canEdit ? (
    <DraftReport r={report.data} onIssued={setMessage} />
  ) : (
    <ReportView r={report.data} message={message} />
  );
}

/** The draft: its own component, so the form's state starts from the report as loaded. */
function DraftReport({ r, onIssued }: { r: SteeringReport; onIssued: (message: string) => void }) {
  const { t } = useTranslation();
  const draft = useNarrativeDraft(r);
  const leaving = useUnsavedChangesWarning(
    draft.autosave.pending || draft.conflicts.length > 0,
    draft.autosave,
  );
  return (
    <ReportView
      r={r}
      message=""
      onIssued={onIssued}
      formLead={
        <>
          <p className="ds-paragraph">{t('steeringReports.narrative.autosaveLead')}</p>
          <div className="report-form-status">{draft.autosave.status}</div>
          {leaving}
        </>
      }
      editor={(s, title) => (
        <NarrativeEditor
          draft={draft}
          sectionKey={s.key}
          title={title}
          theirs={s.narrative}
          withFigures={!narrativeOnly.has(s.key)}
        />
      )}
    />
  );
}

function ReportView({
  r,
  message,
  onIssued,
  formLead,
  editor,
}: {
  r: SteeringReport;
  message: string;
  onIssued?: (message: string) => void;
  formLead?: ReactNode;
  editor?: (s: ReportSection, title: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => formatShortDate(iso, i18n.language);
  const sectionTitle = (s: ReportSection) => t(`steeringReports.sections.${s.key}`);
  const files = `${API}${API_BASE}/${r.id}`;
  const sections = r.sections.map((s) => (
    <Section key={s.key} id={`section-${s.key}`} title={sectionTitle(s)}>
      {editor ? (
        editor(s, sectionTitle(s))
      ) : s.narrative ? (
        <Narrative text={s.narrative} />
      ) : narrativeOnly.has(s.key) ? (
        <p className="ds-paragraph">{t('steeringReports.narrative.empty')}</p>
      ) : null}
      {narrativeOnly.has(s.key) ? null : <SectionFigures section={s} />}
    </Section>
  ));
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
      {editor ? (
        // One form for the whole narrative: nothing to submit, it saves itself (Enter stays a new line).
        <form
          className="report-form"
          aria-label={t('steeringReports.narrative.formLabel')}
          noValidate
          onSubmit={(e) => e.preventDefault()}
        >
          {formLead}
          {sections}
        </form>
      ) : (
        sections
      )}
      {onIssued ? <ReportActions report={r} onIssued={onIssued} /> : null}
    </Page>
  );
}
