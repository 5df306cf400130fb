import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionPlanView } from '../../../shared/contracts/action-plans.ts';
import { InitiativeList } from '../../../shared/contracts/initiatives.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import {
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../components/Form.tsx';
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
  const [initiativeId, setInitiativeId] = useState('');
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState('');
  const form = useFormErrors('add-item');
  const candidates = useMemo(() => {
    const q = search.trim().toLocaleLowerCase('sv');
    return (initiatives.data?.items ?? [])
      .filter((i) => !inPlan.has(i.id))
      .filter((i) => !q || `${i.title} ${i.owner.name}`.toLocaleLowerCase('sv').includes(q))
      .sort((a, b) => a.title.localeCompare(b.title, 'sv'));
  }, [initiatives.data, inPlan, search]);
  const chosen = candidates.find((c) => c.id === initiativeId);
  const add = useMutation({
    mutationFn: (id: string) =>
      api.post(`/action-plans/${planId}/items`, ActionPlanView, {
        initiativeId: id,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) {
      form.fail({ initiativeId: t('actionPlans.add.chooseRequired') });
      return;
    }
    form.clear();
    add.mutate(chosen.id, {
      onSuccess: (plan) => {
        updated(plan);
        setStatus(t('actionPlans.add.added', { title: chosen.title }));
        setInitiativeId('');
        setReason('');
        setSearch('');
      },
      onError: (err) => form.failFromApi(err, ['initiativeId', 'reason']),
    });
  };
  if (initiatives.isPending) return <Loading />;
  if (initiatives.isError)
    return <ErrorAlert error={initiatives.error} onRetry={() => void initiatives.refetch()} />;
  return (
    <form onSubmit={submit} noValidate className="form">
      {form.summary}
      <TextField
        id={form.fieldId('search')}
        label={t('actionPlans.add.search')}
        hint={t('actionPlans.add.searchHint', { count: candidates.length })}
        type="search"
        value={search}
        onValueChange={setSearch}
      />
      <SelectField
        id={form.fieldId('initiativeId')}
        label={t('actionPlans.add.initiative')}
        required
        value={chosen ? chosen.id : ''}
        onValueChange={setInitiativeId}
        error={form.errors.initiativeId}
        options={[
          { value: '', label: t('actionPlans.add.choose') },
          ...candidates.map((c) => ({ value: c.id, label: `${c.title} (${c.owner.name})` })),
        ]}
      />
      <TextAreaField
        id={form.fieldId('reason')}
        label={t('actionPlans.add.reason')}
        value={reason}
        onValueChange={setReason}
        error={form.errors.reason}
        maxLength={1000}
        rows={2}
      />
      <div className="form-actions">
        <SubmitButton
          busy={add.isPending}
          label={t('actionPlans.add.submit')}
          busyLabel={t('actionPlans.add.adding')}
        />
      </div>
      <LiveStatus message={status} />
    </form>
  );
}
