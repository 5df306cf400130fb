import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ImportJob, staffImportColumns } from '../../../shared/contracts/imports.ts';
import { ErrorAlert, LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { RequiredTag, SubmitButton, useFormErrors } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, qs } from '../../lib/api.ts';
import { abilitiesAt, organisationKey, orgPath } from '../../lib/organisations.ts';
import { useMe } from '../../lib/session.ts';
import { orgTrail, useRouteOrganisation } from '../organisations/OrganisationPage.tsx';
import { NotFoundPage } from '../static/NotFoundPage.tsx';

const MAX_ROWS_SHOWN = 1000;

const columnText = {
  email: 'import.colEmail',
  name: 'import.colName',
  unit: 'import.colUnit',
  role: 'import.colRole',
  language: 'import.colLanguage',
  gender: 'import.colGender',
} as const;

const EXAMPLE = `E-post;Namn;Enhet;Roll;Språk;Kön
anna.lind@falun.se;Anna Lind;Hemtjänst Norr;medarbetare;sv;kvinna
omar.haddad@falun.se;Omar Haddad;Hemtjänst Norr;medarbetare;en;man
karin.berg@falun.se;Karin Berg;Hemtjänst Norr;enhetschef;sv;`;

const outcomeColor = { create: 'success', update: 'info', unchanged: 'neutral', error: 'danger' } as const;

function ColumnsHelp() {
  const { t } = useTranslation();
  return (
    <Section title={t('import.columnsTitle')} id="columns">
      <p className="ds-paragraph">{t('import.columnsText')}</p>
      <TableWrap label={t('import.columnsCaption')}>
        <table className="ds-table" data-border="true">
          <caption>{t('import.columnsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.requiredCol')}</th>
              <th scope="col">{t('import.accepted')}</th>
              <th scope="col">{t('import.description')}</th>
            </tr>
          </thead>
          <tbody>
            {staffImportColumns.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.headers[0]}</th>
                <td>{c.required ? t('app.yes') : t('app.no')}</td>
                <td>
                  <code>{c.headers.join(', ')}</code>
                </td>
                <td>{t(columnText[c.key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h3 className="ds-heading" data-size="2xs">
        {t('import.example')}
      </h3>
      <pre className="example" lang="sv">
        <code>{EXAMPLE}</code>
      </pre>
    </Section>
  );
}

function Counts({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  return (
    <p className="ds-paragraph">
      {t('import.counts', {
        created: job.created,
        updated: job.updated,
        unchanged: job.unchanged,
        failed: job.failed,
      })}
    </p>
  );
}

function RowsTable({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const rows = job.rows.slice(0, MAX_ROWS_SHOWN);
  if (rows.length === 0) return null;
  return (
    <>
      <TableWrap label={t('import.rowsCaption')}>
        <table className="ds-table" data-border="true" data-zebra="true">
          <caption>{t('import.rowsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.line')}</th>
              <th scope="col">{t('import.outcome')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('orgs.units')}</th>
              <th scope="col">{t('members.role')}</th>
              <th scope="col">{t('import.errors')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line} data-outcome={r.outcome}>
                <th scope="row">{r.line}</th>
                <td>
                  <Tag color={outcomeColor[r.outcome]}>{t(`import.outcomes.${r.outcome}`)}</Tag>
                </td>
                <td className="break">{r.email ?? ''}</td>
                <td>{r.name ?? ''}</td>
                <td>{r.unit ?? ''}</td>
                <td>{r.role ?? ''}</td>
                <td>
                  {r.errors.length > 0 ? (
                    <ul className="row-errors">
                      {r.errors.map((e) => (
                        // The message names the column by the file's own header (and the accepted values).
                        <li key={`${e.column}-${e.code}`}>{e.message}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {job.rows.length > MAX_ROWS_SHOWN ? (
        <p className="ds-paragraph">
          {t('import.rowsTruncated', { shown: MAX_ROWS_SHOWN, total: job.rows.length })}
        </p>
      ) : null}
    </>
  );
}

/** Polls GET /imports/{id} until the job is done or failed, showing a progress bar. */
function RunningImport({ jobId, orgId, onReset }: { jobId: string; orgId: string; onReset: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const job = useQuery({
    queryKey: ['import', jobId],
    queryFn: () => api.get(`/imports/${jobId}`, ImportJob),
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1000,
  });
  const data = job.data;
  const finished = data && (data.status === 'done' || data.status === 'failed');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!finished) return;
    void qc.invalidateQueries({ queryKey: ['members', orgId] });
    void qc.invalidateQueries({ queryKey: organisationKey(orgId) });
    headingRef.current?.focus();
  }, [finished, qc, orgId]);
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
            message={
              finished
                ? t('import.summary', {
                    created: data.created,
                    updated: data.updated,
                    unchanged: data.unchanged,
                    failed: data.failed,
                  })
                : null
            }
            tone={data.status === 'failed' ? 'info' : 'success'}
          />
          {finished ? (
            <>
              <RowsTable job={data} />
              <ul className="action-buttons">
                <li>
                  <button type="button" className="ds-button" data-variant="secondary" onClick={onReset}>
                    {t('import.again')}
                  </button>
                </li>
                <li>
                  <Link className="ds-button" data-variant="secondary" to={`${orgPath(orgId)}/personer`}>
                    {t('import.toMembers')}
                  </Link>
                </li>
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

export function ImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { org, fallback } = useRouteOrganisation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<ImportJob | null>(null);
  const [runningId, setRunningId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const form = useFormErrors('import');

  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api.post(`/imports/staff${qs({ organisationId: org?.id, mode: 'preview' })}`, ImportJob, body);
    },
    onSuccess: (job) => {
      setPreview(job);
      queueMicrotask(() => previewHeading.current?.focus());
    },
    onError: (err) => form.failFromApi(err, ['file']),
  });

  const commit = useMutation({
    mutationFn: (id: string) => api.post(`/imports/${id}/commit`, ImportJob),
    onSuccess: (job) => {
      setRunningId(job.id);
      setPreview(null);
    },
  });

  if (!org || !me.data) return fallback ?? <Loading />;
  if (!abilitiesAt(me.data, org).importStaff) return <NotFoundPage forbidden />;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return form.fail({ file: t('import.chooseFile') });
    if (file.size > 10 * 1024 * 1024) return form.fail({ file: t('import.tooLarge') });
    form.clear();
    setPreview(null);
    upload.mutate(file);
  }

  function reset() {
    setRunningId(null);
    setPreview(null);
    setFormKey((k) => k + 1);
    commit.reset();
    upload.reset();
  }

  const valid = preview ? preview.total - preview.failed : 0;
  const fileId = form.fieldId('file');
  const fileError = form.errors.file;

  return (
    <>
      <Page
        breadcrumbs={orgTrail(org, t, t('orgs.importStaff'))}
        title={t('import.title', { name: org.name })}
        lead={t('import.intro')}
      >
        <ColumnsHelp />
        {runningId ? (
          <RunningImport jobId={runningId} orgId={org.id} onReset={reset} />
        ) : (
          <>
            <form onSubmit={submit} noValidate className="form" key={formKey}>
              {form.summary}
              <div className="ds-field field">
                <div className="label-row">
                  <label className="ds-label" data-weight="medium" htmlFor={fileId}>
                    {t('import.file')}
                  </label>
                  <RequiredTag />
                </div>
                <div className="field-hint" id={`${fileId}-hint`}>
                  {t('import.fileHint')}
                </div>
                {fileError ? (
                  <div className="ds-validation-message" data-color="danger" id={`${fileId}-error`}>
                    {fileError}
                  </div>
                ) : null}
                <input
                  ref={fileRef}
                  id={fileId}
                  name="file"
                  type="file"
                  className="file-input"
                  accept=".csv,text/csv,text/plain"
                  required
                  aria-invalid={fileError ? true : undefined}
                  aria-describedby={fileError ? `${fileId}-hint ${fileId}-error` : `${fileId}-hint`}
                  onChange={() => setPreview(null)}
                />
              </div>
              <div className="form-actions">
                <SubmitButton
                  busy={upload.isPending}
                  label={t('import.preview')}
                  busyLabel={t('import.previewing')}
                />
              </div>
            </form>
            {preview ? (
              <section className="section" aria-labelledby="import-preview-heading">
                <h2
                  className="ds-heading"
                  data-size="sm"
                  id="import-preview-heading"
                  tabIndex={-1}
                  ref={previewHeading}
                >
                  {t('import.previewTitle')}
                </h2>
                <p className="ds-paragraph">
                  {t('import.fileInfo', {
                    encoding: preview.encoding,
                    delimiter: preview.delimiter,
                    total: preview.total,
                  })}
                </p>
                <Counts job={preview} />
                <RowsTable job={preview} />
                {commit.isError ? <ErrorAlert error={commit.error} /> : null}
                {valid === 0 ? (
                  <div className="ds-alert" data-color="warning">
                    <p className="ds-paragraph">{t('import.noValid')}</p>
                  </div>
                ) : preview.failed > 0 ? (
                  <p className="ds-paragraph">{t('import.badRowsNote')}</p>
                ) : null}
                <button
                  type="button"
                  className="ds-button"
                  data-variant="primary"
                  disabled={valid === 0}
                  aria-busy={commit.isPending || undefined}
                  onClick={() => {
                    if (!commit.isPending && valid > 0) commit.mutate(preview.id);
                  }}
                >
                  {commit.isPending ? t('import.committing') : t('import.commit', { count: valid })}
                </button>
              </section>
            ) : null}
          </>
        )}
      </Page>
    </>
  );
}
