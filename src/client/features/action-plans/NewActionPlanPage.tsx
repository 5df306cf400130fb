import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionPlanView, CreateActionPlan } from '../../../shared/contracts/action-plans.ts';
import { NetworkList } from '../../../shared/contracts/networks.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractSelectField, useContractForm } from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { useOrganisationsOfKind } from '../../lib/organisations.ts';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { planOwnersOf, plansKey } from './data.ts';
import { PlanDetailsFields, planDetailsLabels } from './PlanDetailsFields.tsx';

interface Owner {
  id: string;
  name: string;
}

/** A coordinator starts a rolling action plan for their municipality, region or association. */
export function NewActionPlanPage() {
  const { t } = useTranslation();
  const me = useMe();
  const admin = me.data ? isNationalAdmin(me.data) : false;
  const regions = useOrganisationsOfKind('region', admin);
  const owners = useMemo(() => {
    const mine = me.data ? planOwnersOf(me.data) : [];
    const more = (regions.data?.items ?? []).map((r) => ({ id: r.id, name: r.name, kind: r.kind }));
    const seen = new Set<string>();
    return [...mine, ...more].filter((o) => !seen.has(o.id) && seen.add(o.id));
  }, [me.data, regions.data]);

  if (me.isPending || (admin && regions.isPending)) return <Loading />;
  if (owners.length === 0) {
    return (
      <Page title={t('actionPlans.create.title')}>
        <p className="ds-paragraph">{t('actionPlans.create.noOwner')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('actionPlans.create.title')} lead={t('actionPlans.create.lead')}>
      <NewPlanForm owners={owners} />
    </Page>
  );
}

function NewPlanForm({ owners }: { owners: readonly Owner[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const cf = useContractForm(CreateActionPlan, {
    id: 'new-plan',
    defaultValues: {
      title: '',
      description: '',
      ownerOrganisationId: owners[0]!.id,
      periodStart: '',
      periodEnd: '',
      focusAreas: [],
    },
    labels: {
      ownerOrganisationId: t('actionPlans.plan.owner'),
      ...planDetailsLabels(t),
      steeringGroupId: t('actionPlans.plan.steeringGroup'),
    },
    onSubmit: async (values, { form }) => {
      const p = await api.post('/action-plans', ActionPlanView, {
        ...values,
        description: values.description || undefined,
      });
      form.reset(form.getValues());
      await qc.invalidateQueries({ queryKey: plansKey });
      navigate(`/handlingsplaner/${p.id}`);
    },
  });
  const ownerId = cf.form.watch('ownerOrganisationId');
  // Another owner has other steering groups.
  useEffect(() => {
    const sub = cf.form.watch((_, { name }) => {
      if (name === 'ownerOrganisationId') cf.form.setValue('steeringGroupId', undefined);
    });
    return () => sub.unsubscribe();
  }, [cf.form]);
  const groups = useQuery({
    queryKey: ['networks', 'steering', ownerId],
    queryFn: () => api.get(`/networks${qs({ owner: ownerId, kind: 'steering_group' })}`, NetworkList),
  });
  const steering = groups.data?.items.filter((g) => g.kind === 'steering_group') ?? [];

  return (
    <form onSubmit={cf.onSubmit} noValidate className="form narrow-form">
      {cf.summary}
      <ContractSelectField
        cf={cf}
        name="ownerOrganisationId"
        options={owners.map((o) => ({ value: o.id, label: o.name }))}
      />
      <PlanDetailsFields cf={cf} />
      {steering.length > 0 ? (
        <ContractSelectField
          cf={cf}
          name="steeringGroupId"
          hint={t('actionPlans.create.steeringHint')}
          placeholder={t('actionPlans.create.noSteeringGroup')}
          options={steering.map((g) => ({ value: g.id, label: g.name }))}
        />
      ) : null}
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={t('actionPlans.create.submit')}
          busyLabel={t('actionPlans.create.submitting')}
        />
      </div>
    </form>
  );
}
