import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseView } from '../../../shared/contracts/cases.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { FileUploadForm } from '../../components/form/FileUploadForm.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatSize } from '../documents/document-queries.ts';
import { caseKey } from './case-queries.ts';

/** Attachments of a case being written: upload one file at a time, remove any. */
export function AttachmentsEditor({ c }: { c: CaseView }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (view: CaseView, text: string) => {
    qc.setQueryData(caseKey(c.id), view);
    setMessage(text);
  };
  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api.post(`/cases/${c.id}/attachments`, CaseView, body);
    },
    onSuccess: (view, file) => {
      done(view, t('cases.attachments.uploaded', { name: file.name }));
      if (input.current) input.current.value = '';
    },
  });
  const remove = useMutation({
    mutationFn: (a: { id: string; fileName: string }) =>
      api.delete(`/cases/${c.id}/attachments/${a.id}`, CaseView),
    onSuccess: (view, a) => done(view, t('cases.attachments.removed', { name: a.fileName })),
  });
  return (
    <Section id="case-attachments-editor" title={t('cases.attachments.heading')}>
      <LiveStatus message={message} />
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {c.attachments.length === 0 ? <p className="ds-paragraph">{t('cases.attachments.none')}</p> : null}
      <ul className="link-list">
        {c.attachments.map((a) => (
          <li key={a.id}>
            {a.fileName} ({formatSize(a.sizeBytes, i18n.language)}){' '}
            <button
              type="button"
              className="ds-button"
              data-variant="tertiary"
              data-size="sm"
              onClick={() => remove.mutate(a)}
            >
              {t('cases.attachments.remove', { name: a.fileName })}
            </button>
          </li>
        ))}
      </ul>
      <FileUploadForm
        id="case-attachment-file"
        className="case-upload"
        inputRef={input}
        texts={{
          label: t('cases.attachments.file'),
          hint: t('cases.attachments.hint'),
          chooseFile: t('cases.attachments.chooseFile'),
          submit: t('cases.attachments.upload'),
          busy: t('cases.attachments.uploading'),
        }}
        busy={upload.isPending}
        onFile={(file) => {
          setMessage(null);
          if (file) upload.mutate(file);
        }}
      />
    </Section>
  );
}
