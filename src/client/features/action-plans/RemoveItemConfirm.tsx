import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionPlanView, type PlanItem } from '../../../shared/contracts/action-plans.ts';
import { SubmitButton, TextAreaField, useFormErrors } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { usePlanUpdated } from './usePlanUpdated.ts';

/** The confirm step of removing an initiative from the plan, with the reason kept in the change log. */
export function RemoveItemConfirm({
  planId,
  item,
  onDone,
  onCancel,
}: {
  planId: string;
  item: PlanItem;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const updated = usePlanUpdated(planId);
  const heading = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState('');
  const form = useFormErrors('remove-item');
  useEffect(() => heading.current?.focus(), []);
  const remove = useMutation({
    mutationFn: () =>
      api.delete(
        `/action-plans/${planId}/items/${item.initiativeId}${reason.trim() ? `?reason=${encodeURIComponent(reason.trim())}` : ''}`,
        ActionPlanView,
      ),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    remove.mutate(undefined, {
      onSuccess: (plan) => {
        updated(plan);
        onDone(t('actionPlans.items.removed', { title: item.title }));
      },
      onError: (err) => form.failFromApi(err, ['reason']),
    });
  };
  return (
    <section className="confirm-panel" aria-labelledby="remove-item-heading">
      <h3 className="ds-heading" data-size="xs" id="remove-item-heading" tabIndex={-1} ref={heading}>
        {t('actionPlans.items.confirmTitle', { title: item.title })}
      </h3>
      <p className="ds-paragraph">{t('actionPlans.items.confirmText')}</p>
      <form onSubmit={submit} noValidate className="form">
        {form.summary}
        <TextAreaField
          id={form.fieldId('reason')}
          label={t('actionPlans.items.reason')}
          hint={t('actionPlans.items.reasonHint')}
          value={reason}
          onValueChange={setReason}
          error={form.errors.reason}
          maxLength={1000}
          rows={3}
        />
        <div className="form-actions">
          <SubmitButton
            busy={remove.isPending}
            label={t('actionPlans.items.confirmRemove')}
            busyLabel={t('actionPlans.items.removing')}
          />
          <button type="button" className="ds-button" data-variant="tertiary" onClick={onCancel}>
            {t('actionPlans.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
