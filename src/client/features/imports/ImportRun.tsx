import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportJob } from '../../../shared/contracts/imports.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { api } from '../../lib/api.ts';
import { ImportRowsTable, type ImportTableColumn } from './ImportRowsTable.tsx';

/**
 * A confirmed import of any kind: polls GET /imports/{id} until it is done or failed, with a progress
 * bar, then says what happened, lists the rows that were not imported, and offers the next steps.
 */
export function ImportRun({
  jobId,
  columns,
  summary,
  onFinished,
  actions,
}: {
  jobId: string;
  columns: readonly ImportTableColumn[];
  /** The finished job in words ("3 new contracts, …"). */
  summary: (job: ImportJob) => string;
  /** Refresh what the import changed (lists, counts). */
  onFinished: () => void;
  /** Buttons and links shown once finished. */
  actions: ReactNode;
}) {
  const { t } = useTranslation();
  const job = useQuery({
    queryKey: ['import', jobId],
    queryFn: () => api.get(`/imports/${jobId}`, ImportJob),
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1000,
  });
  const data = job.data;
  const finished = data && (data.status === 'done' || data.status === 'failed');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;
  useEffect(() => {
    if (!finished) return;
    finishedRef.current();
    headingRef.current?.focus();
  }, [finished]);
  const total = data?.total ?? 0;
  const processed = data?.processed ?? 0;

  return (
    <section className="section" aria-labelledby="import-run-heading">
      <h2 className="ds-heading" data-size="sm" id="import-run-heading" tabIndex={-1} ref={headingRef}>
        {finished
          ? data.status === 'done'
            ? t('import.doneTitle')
            : t('import.failedTitle')
          : t('import.progressLabel')}
      </h2>
      {job.isError ? <ErrorAlert error={job.error} onRetry={() => void job.refetch()} /> : null}
      {!data && job.isPending ? <Loading /> : null}
      {data ? (
        <>
          <div className="progress">
            <label htmlFor="import-progress">{t('import.progressLabel')}</label>
            <progress
              id="import-progress"
              max={Math.max(total, 1)}
              value={processed}
              aria-describedby="import-progress-text"
            />
            <p className="ds-paragraph" id="import-progress-text">
              {t('import.progress', { processed, total })}
            </p>
          </div>
          <LiveStatus
            message={finished ? summary(data) : null}
            tone={data.status === 'failed' ? 'info' : 'success'}
          />
          {finished ? (
            <>
              <ImportRowsTable job={data} columns={columns} />
              <ul className="action-buttons">{actions}</ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
