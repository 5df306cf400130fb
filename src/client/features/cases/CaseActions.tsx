import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseView } from '../../../shared/contracts/cases.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { SubmitButton, TextAreaField, useFormErrors } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { casesKey } from './case-queries.ts';

export type Step = 'submit' | 'publish' | 'withdraw';

/**
 * The workflow buttons the server says the caller may use: authors send for review, reviewers publish
 * or return with a note, and a published case may be withdrawn by either.
 */
export function CaseActions({ d, onDone }: { d: CaseView; onDone?: (step: Step) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const step = useMutation({
    mutationFn: (s: Step) => api.post(`/cases/${d.id}/${s}`, CaseView),
    onSuccess: async (_view, s) => {
      setDone(
        t(`cases.actions.${s === 'submit' ? 'submitted' : s === 'publish' ? 'published' : 'withdrawn'}`),
      );
      await qc.invalidateQueries({ queryKey: casesKey });
      onDone?.(s);
    },
  });
  if (!d.canSubmit && !d.canReview && !d.canWithdraw) return <LiveStatus message={done} />;
  const button = (s: Step, label: string, variant: 'primary' | 'secondary') => (
    <button
      type="button"
      className="ds-button"
      data-variant={variant}
      aria-busy={(step.isPending && step.variables === s) || undefined}
      onClick={() => {
        setDone(null);
        step.mutate(s);
      }}
    >
      {label}
    </button>
  );
  return (
    <Section id="case-workflow" title={t('cases.actions.heading')}>
      <LiveStatus message={done} />
      {step.isError ? <ErrorAlert error={step.error} /> : null}
      <p className="case-actions">
        {d.canSubmit ? button('submit', t('cases.actions.submit'), 'primary') : null}
        {d.canReview ? button('publish', t('cases.actions.publish'), 'primary') : null}
        {d.canWithdraw ? button('withdraw', t('cases.actions.withdraw'), 'secondary') : null}
      </p>
      {d.canReview ? <ReturnForm id={d.id} onDone={setDone} /> : null}
    </Section>
  );
}

function ReturnForm({ id, onDone }: { id: string; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useFormErrors('case-return');
  const [note, setNote] = useState('');
  const send = useMutation({
    mutationFn: () => api.post(`/cases/${id}/return`, CaseView, { note: note.trim() }),
    onSuccess: async () => {
      onDone(t('cases.actions.returned'));
      await qc.invalidateQueries({ queryKey: casesKey });
    },
    onError: (err) => form.failFromApi(err, ['note']),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (note.trim().length < 3) return form.fail({ note: t('cases.actions.noteRequired') });
    send.mutate();
  };
  return (
    <form className="case-form" onSubmit={submit} noValidate>
      {form.summary}
      <TextAreaField
        id={form.fieldId('note')}
        label={t('cases.actions.returnNote')}
        value={note}
        onValueChange={setNote}
        error={form.errors.note}
        maxLength={2000}
        rows={3}
      />
      <SubmitButton
        busy={send.isPending}
        label={t('cases.actions.return')}
        busyLabel={t('cases.form.saving')}
        variant="secondary"
      />
    </form>
  );
}
