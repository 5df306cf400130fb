import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionPlanView } from '../../../shared/contracts/action-plans.ts';
import { LiveStatus } from '../../components/Feedback.tsx';
import { SubmitButton, useFormErrors } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { type PlanDetails, PlanDetailsFields, planDetailsErrors } from './PlanDetailsFields.tsx';
import { usePlanUpdated } from './usePlanUpdated.ts';

const FIELDS = ['title', 'description', 'periodStart', 'periodEnd', 'focusAreas'] as const;

/** The owner's people revise a rolling plan's name, description, period and focus areas. */
export function EditPlanForm({ plan }: { plan: ActionPlanView }) {
  const { t } = useTranslation();
  const updated = usePlanUpdated(plan.id);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [details, setDetails] = useState<PlanDetails>({
    title: plan.title,
    description: plan.description ?? '',
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    focusAreas: plan.focusAreas,
  });
  const form = useFormErrors('edit-plan');
  const save = useMutation({
    mutationFn: () =>
      api.patch(`/action-plans/${plan.id}`, ActionPlanView, {
        ...details,
        title: details.title.trim(),
        description: details.description.trim() || null,
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
    const errors = planDetailsErrors(details, t);
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
      <PlanDetailsFields form={form} value={details} onChange={setDetails} />
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
