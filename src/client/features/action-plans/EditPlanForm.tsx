import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionPlanRevision, ActionPlanView } from '../../../shared/contracts/action-plans.ts';
import { SubmitButton } from '../../components/Form.tsx';
import { useContractForm } from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';
import { PlanDetailsFields, planDetailsLabels } from './PlanDetailsFields.tsx';
import { usePlanUpdated } from './usePlanUpdated.ts';

/** The owner's people revise a rolling plan's name, description, period and focus areas. */
export function EditPlanForm({ plan }: { plan: ActionPlanView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  if (!open)
    return (
      <>
        <div role="status" aria-live="polite" className="live-status">
          {message ? (
            // The form closes on saving: focus moves to the saved message, not to the page body.
            <div className="ds-alert" data-color="success" tabIndex={-1} ref={(el) => el?.focus()}>
              <p className="ds-paragraph">{message}</p>
            </div>
          ) : null}
        </div>
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
    <EditPlanFields
      plan={plan}
      onSaved={() => {
        setOpen(false);
        setMessage(t('actionPlans.edit.saved'));
      }}
      onCancel={() => setOpen(false)}
    />
  );
}

function EditPlanFields({
  plan,
  onSaved,
  onCancel,
}: {
  plan: ActionPlanView;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const updated = usePlanUpdated(plan.id);
  const cf = useContractForm(ActionPlanRevision, {
    id: 'edit-plan',
    defaultValues: {
      title: plan.title,
      description: plan.description ?? '',
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      focusAreas: plan.focusAreas,
    },
    labels: planDetailsLabels(t),
    onSubmit: async (values, { form }) => {
      const p = await api.patch(`/action-plans/${plan.id}`, ActionPlanView, {
        ...values,
        description: values.description || null,
      });
      form.reset(form.getValues());
      updated(p);
      onSaved();
    },
  });
  return (
    <form onSubmit={cf.onSubmit} noValidate className="form narrow-form" aria-labelledby="edit-plan-heading">
      <h2 className="ds-heading" data-size="sm" id="edit-plan-heading">
        {t('actionPlans.edit.open')}
      </h2>
      {cf.summary}
      <PlanDetailsFields cf={cf} />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={t('actionPlans.edit.save')}
          busyLabel={t('actionPlans.edit.saving')}
        />
        <button type="button" className="ds-button" data-variant="secondary" onClick={onCancel}>
          {t('actionPlans.edit.cancel')}
        </button>
      </div>
    </form>
  );
}
