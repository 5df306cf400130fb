import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActionPlanSummary, Need } from '../../../shared/contracts/action-plans.ts';
import {
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';

function CancelButton({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="ds-button" data-variant="tertiary" onClick={onCancel}>
      {t('actionPlans.cancel')}
    </button>
  );
}

const focusOnMount = (id: string) => () => document.getElementById(id)?.focus();

/** The regional coordinator prioritises a need into one of the region's plans, creating an initiative. */
export function PrioritiseNeedForm({
  need,
  plans,
  onDone,
  onCancel,
}: {
  need: Need;
  plans: ActionPlanSummary[];
  onDone: (n: Need) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(`prioritise-${need.id}`);
  const [planId, setPlanId] = useState(plans[0]?.id ?? '');
  const [title, setTitle] = useState(need.title);
  const [priority, setPriority] = useState('');
  const [note, setNote] = useState('');
  useEffect(focusOnMount(form.fieldId('planId')), []);
  const prioritise = useMutation({
    mutationFn: () =>
      api.post(`/needs/${need.id}/prioritise`, Need, {
        planId,
        ...(title.trim() && title.trim() !== need.title ? { title: title.trim() } : {}),
        ...(priority.trim() ? { priority: Number(priority) } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!planId) errors.planId = t('needs.decide.planRequired');
    if (title.trim().length < 3) errors.title = t('needs.propose.titleRequired');
    if (priority.trim() && !(Number.isInteger(Number(priority)) && Number(priority) >= 1))
      errors.priority = t('needs.decide.priorityInvalid');
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.clear();
    prioritise.mutate(undefined, {
      onSuccess: onDone,
      onError: (err) => form.failFromApi(err, ['planId', 'title', 'priority', 'note']),
    });
  };
  if (plans.length === 0) {
    return (
      <div className="need-form">
        <p className="ds-paragraph">{t('needs.decide.noPlans')}</p>
        <CancelButton onCancel={onCancel} />
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="form need-form">
      {form.summary}
      <SelectField
        id={form.fieldId('planId')}
        label={t('needs.decide.plan')}
        required
        value={planId}
        onValueChange={setPlanId}
        error={form.errors.planId}
        options={plans.map((p) => ({ value: p.id, label: p.title }))}
      />
      <TextField
        id={form.fieldId('title')}
        label={t('needs.decide.initiativeTitle')}
        value={title}
        onValueChange={setTitle}
        error={form.errors.title}
        maxLength={200}
      />
      <TextField
        id={form.fieldId('priority')}
        label={t('needs.decide.priority')}
        hint={t('needs.decide.priorityHint')}
        inputMode="numeric"
        value={priority}
        onValueChange={setPriority}
        error={form.errors.priority}
        maxLength={5}
      />
      <TextAreaField
        id={form.fieldId('note')}
        label={t('needs.decide.note')}
        value={note}
        onValueChange={setNote}
        error={form.errors.note}
        maxLength={2000}
        rows={2}
      />
      <div className="form-actions">
        <SubmitButton
          busy={prioritise.isPending}
          label={t('needs.decide.prioritiseSubmit')}
          busyLabel={t('needs.saving')}
        />
        <CancelButton onCancel={onCancel} />
      </div>
    </form>
  );
}

/** The regional coordinator declines a need, with the reason the proposer will read. */
export function DeclineNeedForm({
  need,
  onDone,
  onCancel,
}: {
  need: Need;
  onDone: (n: Need) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(`decline-${need.id}`);
  const [note, setNote] = useState('');
  useEffect(focusOnMount(form.fieldId('note')), []);
  const decline = useMutation({
    mutationFn: () => api.post(`/needs/${need.id}/decline`, Need, { note: note.trim() }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (note.trim().length < 3) {
      form.fail({ note: t('needs.decide.reasonRequired') });
      return;
    }
    form.clear();
    decline.mutate(undefined, { onSuccess: onDone, onError: (err) => form.failFromApi(err, ['note']) });
  };
  return (
    <form onSubmit={submit} noValidate className="form need-form">
      {form.summary}
      <TextAreaField
        id={form.fieldId('note')}
        label={t('needs.decide.reason')}
        required
        value={note}
        onValueChange={setNote}
        error={form.errors.note}
        maxLength={2000}
        rows={3}
      />
      <div className="form-actions">
        <SubmitButton
          busy={decline.isPending}
          label={t('needs.decide.declineSubmit')}
          busyLabel={t('needs.saving')}
        />
        <CancelButton onCancel={onCancel} />
      </div>
    </form>
  );
}
