import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FundingCallView, KeyPreview } from '../../../shared/contracts/funding-calls.ts';
import { fieldMessage } from '../../../shared/i18n/errors.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { FileUploadForm } from '../../components/form/FileUploadForm.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { formatSek } from '../../lib/format.ts';
import { callKey, overviewKey } from './data.ts';

const send = (callId: string, file: File, dryRun: boolean) => {
  const body = new FormData();
  body.append('file', file);
  return api.post(
    `/funding-calls/${callId}/allocations/key${dryRun ? '?dryRun=true' : ''}`,
    KeyPreview,
    body,
  );
};

/**
 * The allocation key as a CSV saved by Excel: first a preview (allocations, or every error on its row
 * and column), then the owner saves it. Nothing is written until she does, and not at all with errors.
 */
export function KeyUpload({ call }: { call: FundingCallView }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const preview = useMutation({ mutationFn: (f: File) => send(call.id, f, true) });
  const save = useMutation({
    mutationFn: (f: File) => send(call.id, f, false),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: overviewKey(call.id) });
      void qc.invalidateQueries({ queryKey: callKey(call.id) });
      setMessage(t('fundingCalls.key.saved', { count: p.rows.length }));
      preview.reset();
      setFile(null);
      if (input.current) input.current.value = '';
    },
  });
  const lang = i18n.language as 'sv' | 'en';
  const p = preview.data;
  return (
    <>
      <p className="ds-paragraph">{t('fundingCalls.key.intro')}</p>
      <LiveStatus message={message} />
      {preview.isError ? <ErrorAlert error={preview.error} /> : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <FileUploadForm
        id="funding-key-file"
        className="funding-upload"
        inputRef={input}
        accept=".csv,text/csv"
        texts={{
          label: t('fundingCalls.key.file'),
          hint: t('fundingCalls.key.hint'),
          chooseFile: t('fundingCalls.key.chooseFile'),
          submit: t('fundingCalls.key.preview'),
          busy: t('fundingCalls.key.previewing'),
        }}
        busy={preview.isPending}
        onFile={(f) => {
          setMessage(null);
          setFile(f);
          if (f) preview.mutate(f);
        }}
      />
      {p && p.errors.length > 0 ? (
        <div role="alert">
          <h3 className="ds-heading" data-size="xs">
            {t('fundingCalls.key.errorsTitle', { count: p.errors.length })}
          </h3>
          <TableWrap label={t('fundingCalls.key.errorsCaption')}>
            <table className="ds-table" data-border="true">
              <caption>{t('fundingCalls.key.errorsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fundingCalls.key.line')}</th>
                  <th scope="col">{t('fundingCalls.key.column')}</th>
                  <th scope="col">{t('fundingCalls.key.value')}</th>
                  <th scope="col">{t('fundingCalls.key.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {p.errors.map((e) => (
                  <tr key={`${e.line}-${e.column}`}>
                    <td>{e.line}</td>
                    <td>{e.header ?? t(`fundingCalls.key.columns.${e.column}`)}</td>
                    <td>{e.value ?? '–'}</td>
                    <td>{fieldMessage(e.code, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </div>
      ) : null}
      {p && p.errors.length === 0 ? (
        <>
          <p className="ds-paragraph" aria-live="polite">
            {t('fundingCalls.key.ready', {
              count: p.rows.length,
              total: formatSek(p.totalSek, lang),
              key: p.keyTotal.toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE'),
            })}
          </p>
          <button
            type="button"
            className="ds-button"
            data-variant="primary"
            aria-busy={save.isPending || undefined}
            onClick={() => file && save.mutate(file)}
          >
            {save.isPending ? t('fundingCalls.saving') : t('fundingCalls.key.save')}
          </button>
        </>
      ) : null}
    </>
  );
}
