import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SupportRequestView } from '../../../shared/contracts/support.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { controlProps, FieldFrame } from '../../components/form/FieldFrame.tsx';
import { API, api } from '../../lib/api.ts';
import { formatSize } from '../documents/document-queries.ts';
import { requestKey } from './support-queries.ts';

/** A request's files: both sides download them, and add one at a time while the request is open. */
export function SupportAttachments({ r }: { r: SupportRequestView }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api.post(`/support-requests/${r.id}/attachments`, SupportRequestView, body);
    },
    onSuccess: (view, file) => {
      qc.setQueryData(requestKey(r.id), view);
      setMessage(t('support.attachments.uploaded', { name: file.name }));
      if (input.current) input.current.value = '';
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (file) upload.mutate(file);
    else input.current?.focus();
  };
  return (
    <>
      <LiveStatus message={message} />
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
      {r.attachments.length === 0 ? <p className="ds-paragraph">{t('support.attachments.none')}</p> : null}
      <ul className="link-list">
        {r.attachments.map((a) => (
          <li key={a.id}>
            <a className="ds-link" href={`${API}/support-requests/${r.id}/attachments/${a.id}`} download>
              {a.fileName}
            </a>{' '}
            ({formatSize(a.sizeBytes, i18n.language)})
          </li>
        ))}
      </ul>
      {r.canWrite ? (
        <form className="support-upload" onSubmit={submit} noValidate>
          <FieldFrame
            id="support-attachment-file"
            label={t('support.attachments.file')}
            hint={t('support.attachments.hint')}
            error={missing ? t('support.attachments.chooseFile') : undefined}
          >
            <input
              ref={input}
              type="file"
              accept=".pdf,.docx,.odt,.png,.jpg,.jpeg"
              {...controlProps('support-attachment-file', true, missing)}
            />
          </FieldFrame>
          <button
            type="submit"
            className="ds-button"
            data-variant="secondary"
            aria-busy={upload.isPending || undefined}
          >
            {upload.isPending ? t('support.attachments.uploading') : t('support.attachments.upload')}
          </button>
        </form>
      ) : null}
    </>
  );
}
