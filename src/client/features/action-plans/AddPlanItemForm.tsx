import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionPlanView, AddPlanItem } from '../../../shared/contracts/action-plans.ts';
import { InitiativeList } from '../../../shared/contracts/initiatives.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { SubmitButton, TextField } from '../../components/Form.tsx';
import { ContractSelectField, ContractTextAreaField, useContractForm } from '../../components/form/index.ts';
import { api, qs } from '../../lib/api.ts';
import { usePlanUpdated } from './usePlanUpdated.ts';

/** Adds one of the initiatives the person can see to the end of the plan, with an optional reason. */
export function AddPlanItemForm({ planId, inPlan }: { planId: string; inPlan: Set<string> }) {
  const { t } = useTranslation();
  const updated = usePlanUpdated(planId);
  const initiatives = useQuery({
    queryKey: ['initiatives', 'list', 'for-plan'],
    queryFn: () => api.get(`/initiatives${qs({ limit: 500 })}`, InitiativeList),
  });
  const [search, setSearch] = useState('');
  const candidates = useMemo(() => {
    const q = search.trim().toLocaleLowerCase('sv');
    return (initiatives.data?.items ?? [])
      .filter((i) => !inPlan.has(i.id))
      .filter((i) => !q || `${i.title} ${i.owner.name}`.toLocaleLowerCase('sv').includes(q))
      .sort((a, b) => a.title.localeCompare(b.title, 'sv'));
  }, [initiatives.data, inPlan, search]);
  const cf = useContractForm(AddPlanItem, {
    id: 'add-item',
    defaultValues: { reason: '' },
    labels: { initiativeId: t('actionPlans.add.initiative'), reason: t('actionPlans.add.reason') },
    onSubmit: async ({ reason, ...body }, { form }) => {
      const plan = await api.post(`/action-plans/${planId}/items`, ActionPlanView, {
        ...body,
        ...(reason ? { reason } : {}),
      });
      updated(plan);
      const title = candidates.find((c) => c.id === body.initiativeId)?.title ?? '';
      form.reset({ reason: '' });
      setSearch('');
      return t('actionPlans.add.added', { title });
    },
  });
  // A choice the search has hidden is no choice: the list shows "Choose …", so the form holds nothing.
  const chosenId = cf.form.watch('initiativeId');
  const { resetField } = cf.form;
  useEffect(() => {
    if (chosenId && !candidates.some((c) => c.id === chosenId)) resetField('initiativeId');
  }, [candidates, chosenId, resetField]);
  if (initiatives.isPending) return <Loading />;
  if (initiatives.isError)
    return <ErrorAlert error={initiatives.error} onRetry={() => void initiatives.refetch()} />;
  return (
    <form onSubmit={cf.onSubmit} noValidate className="form">
      {cf.summary}
      <TextField
        id={cf.fieldId('search')}
        label={t('actionPlans.add.search')}
        hint={t('actionPlans.add.searchHint', { count: candidates.length })}
        type="search"
        value={search}
        onValueChange={setSearch}
      />
      <ContractSelectField
        cf={cf}
        name="initiativeId"
        required
        placeholder={t('actionPlans.add.choose')}
        options={candidates.map((c) => ({ value: c.id, label: `${c.title} (${c.owner.name})` }))}
      />
      <ContractTextAreaField cf={cf} name="reason" maxLength={1000} rows={2} />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={t('actionPlans.add.submit')}
          busyLabel={t('actionPlans.add.adding')}
        />
      </div>
      {cf.saved}
    </form>
  );
}
