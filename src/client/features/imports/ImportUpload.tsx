import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportJob } from '../../../shared/contracts/imports.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { RequiredTag, SubmitButton, useFormErrors } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { ImportRowsTable, type ImportTableColumn } from './ImportRowsTable.tsx';

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Every import's first two steps: choose a CSV file and preview it (per-row outcome and errors), then
 * confirm the valid rows. `upload` posts the file to the kind's endpoint; confirming is the same for
 * every kind (POST /imports/{id}/commit).
 */
export function ImportUpload({
  upload,
  columns,
  onStarted,
}: {
  upload: (body: FormData) => Promise<ImportJob>;
  columns: readonly ImportTableColumn[];
  onStarted: (jobId: string) => void;
}) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<ImportJob | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const form = useFormErrors('import');

  const send = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return upload(body);
    },
    onSuccess: (job) => {
      setPreview(job);
      queueMicrotask(() => previewHeading.current?.focus());
    },
    onError: (err) => form.failFromApi(err, ['file']),
  });

  const commit = useMutation({
    mutationFn: (id: string) => api.post(`/imports/${id}/commit`, ImportJob),
    onSuccess: (job) => onStarted(job.id),
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return form.fail({ file: t('import.chooseFile') });
    if (file.size > MAX_BYTES) return form.fail({ file: t('import.tooLarge') });
    form.clear();
    setPreview(null);
    send.mutate(file);
  }

  const valid = preview ? preview.total - preview.failed : 0;
  const fileId = form.fieldId('file');
  const fileError = form.errors.file;

  return (
    <>
      <form onSubmit={submit} noValidate className="form">
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
            busy={send.isPending}
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
          <p className="ds-paragraph">
            {t('import.counts', {
              created: preview.created,
              updated: preview.updated,
              unchanged: preview.unchanged,
              failed: preview.failed,
            })}
          </p>
          <ImportRowsTable job={preview} columns={columns} />
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
  );
}
