import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseView, ReturnCase } from '../../../shared/contracts/cases.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractTextAreaField, useContractForm } from '../../components/form/index.ts';
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
  const cf = useContractForm(ReturnCase, {
    id: 'case-return',
    defaultValues: { note: '' },
    labels: { note: t('cases.actions.returnNote') },
    onSubmit: async (body) => {
      await api.post(`/cases/${id}/return`, CaseView, body);
      onDone(t('cases.actions.returned'));
      await qc.invalidateQueries({ queryKey: casesKey });
    },
  });
  return (
    <form className="case-form" onSubmit={cf.onSubmit} noValidate>
      {cf.summary}
      <ContractTextAreaField cf={cf} name="note" maxLength={2000} rows={3} />
      <SubmitButton
        busy={cf.busy}
        label={t('cases.actions.return')}
        busyLabel={t('cases.form.saving')}
        variant="secondary"
      />
    </form>
  );
}
