import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Ok } from '../../../shared/contracts/common.ts';
import { SteeringReport } from '../../../shared/contracts/steering-reports.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { API_BASE, reportKey, reportsKey } from './data.ts';

/** A confirm step: the question gets focus, so keyboard and screen-reader users land on it. */
function Confirm({
  id,
  question,
  confirm,
  busy,
  cancel,
  onConfirm,
  onCancel,
}: {
  id: string;
  question: string;
  confirm: string;
  busy: boolean;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="confirm-panel">
      <p className="ds-paragraph" id={id} tabIndex={-1} ref={ref}>
        {question}
      </p>
      <div className="row-actions">
        <button
          type="button"
          className="ds-button"
          data-variant="primary"
          onClick={onConfirm}
          aria-busy={busy}
        >
          {confirm}
        </button>
        <button type="button" className="ds-button" data-variant="secondary" onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </div>
  );
}

/** Issuing (with a confirm step) and deleting a draft. */
export function ReportActions({
  report,
  onIssued,
}: {
  report: SteeringReport;
  onIssued: (message: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [asking, setAsking] = useState<'issue' | 'remove' | null>(null);
  const issue = useMutation({ mutationFn: () => api.post(`${API_BASE}/${report.id}/issue`, SteeringReport) });
  const remove = useMutation({ mutationFn: () => api.delete(`${API_BASE}/${report.id}`, Ok) });
  const doIssue = () =>
    issue.mutate(undefined, {
      onSuccess: (r) => {
        qc.setQueryData(reportKey(report.id), r);
        void qc.invalidateQueries({ queryKey: reportsKey, exact: true });
        setAsking(null);
        onIssued(t('steeringReports.issue.done'));
      },
    });
  const doRemove = () =>
    remove.mutate(undefined, {
      onSuccess: async () => {
        await qc.invalidateQueries({ queryKey: reportsKey, exact: true });
        navigate('/rapporter/styrgrupp');
      },
    });
  return (
    <Section title={t('steeringReports.issue.heading')} id="issue">
      <p className="ds-paragraph">{t('steeringReports.issue.lead')}</p>
      {asking === 'issue' ? (
        <Confirm
          id="issue-question"
          question={t('steeringReports.issue.question')}
          confirm={issue.isPending ? t('steeringReports.issue.issuing') : t('steeringReports.issue.confirm')}
          busy={issue.isPending}
          cancel={t('steeringReports.issue.cancel')}
          onConfirm={doIssue}
          onCancel={() => setAsking(null)}
        />
      ) : asking === 'remove' ? (
        <Confirm
          id="remove-question"
          question={t('steeringReports.remove.question')}
          confirm={t('steeringReports.remove.confirm')}
          busy={remove.isPending}
          cancel={t('steeringReports.remove.cancel')}
          onConfirm={doRemove}
          onCancel={() => setAsking(null)}
        />
      ) : (
        <div className="row-actions">
          <button
            type="button"
            className="ds-button"
            data-variant="primary"
            onClick={() => setAsking('issue')}
          >
            {t('steeringReports.issue.open')}
          </button>
          <button
            type="button"
            className="ds-button"
            data-variant="tertiary"
            onClick={() => setAsking('remove')}
          >
            {t('steeringReports.remove.open')}
          </button>
        </div>
      )}
      {issue.isError ? <ErrorAlert error={issue.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
    </Section>
  );
}
