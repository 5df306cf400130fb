import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionPlanView } from '../../../shared/contracts/action-plans.ts';
import { LiveStatus } from '../../components/Feedback.tsx';
import { SubmitButton, TextAreaField, TextField, useFormErrors } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { FocusAreasField } from './FocusAreasField.tsx';
import { usePlanUpdated } from './usePlanUpdated.ts';

const FIELDS = ['title', 'description', 'periodStart', 'periodEnd', 'focusAreas'] as const;

/** The owner's people revise a rolling plan's name, description, period and focus areas. */
export function EditPlanForm({ plan }: { plan: ActionPlanView }) {
  const { t } = useTranslation();
  const updated = usePlanUpdated(plan.id);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [title, setTitle] = useState(plan.title);
  const [description, setDescription] = useState(plan.description ?? '');
  const [periodStart, setPeriodStart] = useState(plan.periodStart);
  const [periodEnd, setPeriodEnd] = useState(plan.periodEnd);
  const [focusAreas, setFocusAreas] = useState(plan.focusAreas);
  const form = useFormErrors('edit-plan');
  const save = useMutation({
    mutationFn: () =>
      api.patch(`/action-plans/${plan.id}`, ActionPlanView, {
        title: title.trim(),
        description: description.trim() || null,
        periodStart,
        periodEnd,
        focusAreas,
      }),
    onSuccess: (p) => {
      updated(p);
      setOpen(false);
      setMessage(t('actionPlans.edit.saved'));
    },
    onError: (err) => form.failFromApi(err, FIELDS),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (title.trim().length < 3) errors.title = t('actionPlans.create.titleRequired');
    if (!periodStart) errors.periodStart = t('actionPlans.create.dateRequired');
    if (!periodEnd) errors.periodEnd = t('actionPlans.create.dateRequired');
    else if (periodStart && periodEnd < periodStart)
      errors.periodEnd = t('actionPlans.create.endsBeforeStart');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    save.mutate();
  };
  if (!open)
    return (
      <>
        <LiveStatus message={message} />
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          onClick={() => {
            setMessage('');
            setOpen(true);
          }}
        >
          {t('actionPlans.edit.open')}
        </button>
      </>
    );
  return (
    <form onSubmit={submit} noValidate className="form narrow-form" aria-labelledby="edit-plan-heading">
      <h2 className="ds-heading" data-size="sm" id="edit-plan-heading">
        {t('actionPlans.edit.open')}
      </h2>
      {form.summary}
      <TextField
        id={form.fieldId('title')}
        label={t('actionPlans.plan.title')}
        required
        value={title}
        onValueChange={setTitle}
        error={form.errors.title}
        maxLength={200}
      />
      <TextAreaField
        id={form.fieldId('description')}
        label={t('actionPlans.plan.description')}
        value={description}
        onValueChange={setDescription}
        error={form.errors.description}
        maxLength={4000}
        rows={3}
      />
      <div className="period-fields">
        <TextField
          id={form.fieldId('periodStart')}
          label={t('actionPlans.create.periodStart')}
          type="date"
          required
          value={periodStart}
          onValueChange={setPeriodStart}
          error={form.errors.periodStart}
        />
        <TextField
          id={form.fieldId('periodEnd')}
          label={t('actionPlans.create.periodEnd')}
          type="date"
          required
          value={periodEnd}
          onValueChange={setPeriodEnd}
          error={form.errors.periodEnd}
        />
      </div>
      <FocusAreasField
        id={form.fieldId('focusAreas')}
        value={focusAreas}
        onChange={setFocusAreas}
        error={form.errors.focusAreas}
      />
      <div className="form-actions">
        <SubmitButton
          busy={save.isPending}
          label={t('actionPlans.edit.save')}
          busyLabel={t('actionPlans.edit.saving')}
        />
        <button type="button" className="ds-button" data-variant="secondary" onClick={() => setOpen(false)}>
          {t('actionPlans.edit.cancel')}
        </button>
      </div>
    </form>
  );
}
