import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NARRATIVE_MAX,
  type SectionKey,
  SteeringReport,
} from '../../../shared/contracts/steering-reports.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { SubmitButton, TextAreaField } from '../../components/Form.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { API_BASE, reportKey, reportsKey } from './data.ts';

/**
 * One section's narrative: a text field with its own save button and a clear saved / not saved
 * state. The save sends the text last loaded as `base`, so a section someone else saved meanwhile
 * is not overwritten (409) — while two people writing different sections never disturb each other.
 */
export function NarrativeEditor({
  reportId,
  sectionKey,
  title,
  saved,
  withFigures,
}: {
  reportId: string;
  sectionKey: SectionKey;
  title: string;
  saved: string;
  withFigures: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [text, setText] = useState(saved);
  const [message, setMessage] = useState('');
  const lastSaved = useRef(saved);
  // A fresh copy from the server replaces the text only when the person has not changed it.
  useEffect(() => {
    setText((current) => (current === lastSaved.current ? saved : current));
    lastSaved.current = saved;
  }, [saved]);
  const save = useMutation({
    mutationFn: () =>
      api.put(`${API_BASE}/${reportId}/narrative`, SteeringReport, {
        sections: { [sectionKey]: text },
        base: { [sectionKey]: saved },
      }),
  });
  const dirty = text !== saved;
  const id = `narrative-${sectionKey}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage('');
    save.mutate(undefined, {
      onSuccess: (report) => {
        lastSaved.current = text;
        qc.setQueryData(reportKey(reportId), report);
        void qc.invalidateQueries({ queryKey: reportsKey, exact: true });
        setMessage(t('steeringReports.narrative.saved', { section: title }));
      },
    });
  };
  const conflict = save.error instanceof ApiError && save.error.code === 'narrative_conflict';
  return (
    <form onSubmit={submit} noValidate className="form narrative-form" aria-label={title}>
      <TextAreaField
        id={id}
        label={t('steeringReports.narrative.label', { section: title })}
        hint={withFigures ? t('steeringReports.narrative.hintFigures') : undefined}
        value={text}
        onValueChange={(v) => {
          setText(v);
          setMessage('');
        }}
        maxLength={NARRATIVE_MAX}
        rows={6}
      />
      <div className="form-actions narrative-actions">
        <SubmitButton
          busy={save.isPending}
          label={t('steeringReports.narrative.save')}
          busyLabel={t('steeringReports.narrative.saving')}
        />
        <span className="narrative-state" data-dirty={dirty}>
          {dirty ? t('steeringReports.narrative.unsaved') : t('steeringReports.narrative.upToDate')}
        </span>
      </div>
      {save.isError ? (
        conflict ? (
          <div className="ds-alert" data-color="danger" role="alert">
            <p className="ds-paragraph">{t('steeringReports.narrative.conflict')}</p>
          </div>
        ) : (
          <ErrorAlert error={save.error} />
        )
      ) : null}
      <LiveStatus message={message} />
    </form>
  );
}
