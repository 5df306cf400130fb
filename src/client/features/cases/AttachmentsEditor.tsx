import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseView } from '../../../shared/contracts/cases.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { controlProps, FieldFrame } from '../../components/form/FieldFrame.tsx';
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
  const [missing, setMissing] = useState(false);
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (file) upload.mutate(file);
    else input.current?.focus();
  };
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
      <form className="case-upload" onSubmit={submit} noValidate>
        <FieldFrame
          id="case-attachment-file"
          label={t('cases.attachments.file')}
          hint={t('cases.attachments.hint')}
          error={missing ? t('cases.attachments.chooseFile') : undefined}
        >
          <input
            ref={input}
            type="file"
            accept=".pdf,.docx,.odt,.png,.jpg,.jpeg"
            {...controlProps('case-attachment-file', true, missing)}
          />
        </FieldFrame>
        <button
          type="submit"
          className="ds-button"
          data-variant="secondary"
          aria-busy={upload.isPending || undefined}
        >
          {upload.isPending ? t('cases.attachments.uploading') : t('cases.attachments.upload')}
        </button>
      </form>
    </Section>
  );
}
