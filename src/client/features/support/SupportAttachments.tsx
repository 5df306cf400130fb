import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SupportRequestView } from '../../../shared/contracts/support.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { FileUploadForm } from '../../components/form/FileUploadForm.tsx';
import { API, api } from '../../lib/api.ts';
import { formatSize } from '../documents/document-queries.ts';
import { requestKey } from './support-queries.ts';

/** A request's files: both sides download them, and add one at a time while the request is open. */
export function SupportAttachments({ r }: { r: SupportRequestView }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
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
        <FileUploadForm
          id="support-attachment-file"
          className="support-upload"
          inputRef={input}
          texts={{
            label: t('support.attachments.file'),
            hint: t('support.attachments.hint'),
            chooseFile: t('support.attachments.chooseFile'),
            submit: t('support.attachments.upload'),
            busy: t('support.attachments.uploading'),
          }}
          busy={upload.isPending}
          onFile={(file) => {
            setMessage(null);
            if (file) upload.mutate(file);
          }}
        />
      ) : null}
    </>
  );
}
