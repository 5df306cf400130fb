import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionPlanView } from '../../../shared/contracts/action-plans.ts';
import { NetworkList } from '../../../shared/contracts/networks.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SelectField, SubmitButton, useFormErrors } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { useOrganisationsOfKind } from '../../lib/organisations.ts';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { planOwnersOf, plansKey } from './data.ts';
import { type PlanDetails, PlanDetailsFields, planDetailsErrors } from './PlanDetailsFields.tsx';

const FIELDS = [
  'title',
  'description',
  'ownerOrganisationId',
  'steeringGroupId',
  'periodStart',
  'periodEnd',
  'focusAreas',
] as const;

/** A coordinator starts a rolling action plan for their municipality, region or association. */
export function NewActionPlanPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const admin = me.data ? isNationalAdmin(me.data) : false;
  const regions = useOrganisationsOfKind('region', admin);
  const owners = useMemo(() => {
    const mine = me.data ? planOwnersOf(me.data) : [];
    const more = (regions.data?.items ?? []).map((r) => ({ id: r.id, name: r.name, kind: r.kind }));
    const seen = new Set<string>();
    return [...mine, ...more].filter((o) => !seen.has(o.id) && seen.add(o.id));
  }, [me.data, regions.data]);

  const [ownerId, setOwnerId] = useState('');
  const owner = owners.find((o) => o.id === (ownerId || owners[0]?.id));
  const groups = useQuery({
    queryKey: ['networks', 'steering', owner?.id],
    queryFn: () => api.get(`/networks${qs({ owner: owner?.id, kind: 'steering_group' })}`, NetworkList),
    enabled: !!owner,
  });
  const [details, setDetails] = useState<PlanDetails>({
    title: '',
    description: '',
    periodStart: '',
    periodEnd: '',
    focusAreas: [],
  });
  const [steeringGroupId, setSteeringGroupId] = useState('');
  const form = useFormErrors('new-plan');

  const create = useMutation({
    mutationFn: () =>
      api.post('/action-plans', ActionPlanView, {
        title: details.title.trim(),
        ...(details.description.trim() ? { description: details.description.trim() } : {}),
        ownerOrganisationId: owner?.id ?? '',
        ...(steeringGroupId ? { steeringGroupId } : {}),
        periodStart: details.periodStart,
        periodEnd: details.periodEnd,
        focusAreas: details.focusAreas,
      }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = planDetailsErrors(details, t);
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.clear();
    create.mutate(undefined, {
      onSuccess: async (p) => {
        await qc.invalidateQueries({ queryKey: plansKey });
        navigate(`/handlingsplaner/${p.id}`);
      },
      onError: (err) => form.failFromApi(err, FIELDS),
    });
  };

  if (me.isPending || (admin && regions.isPending)) return <Loading />;
  if (owners.length === 0) {
    return (
      <Page title={t('actionPlans.create.title')}>
        <p className="ds-paragraph">{t('actionPlans.create.noOwner')}</p>
      </Page>
    );
  }
  const steering = groups.data?.items.filter((g) => g.kind === 'steering_group') ?? [];

  return (
    <Page title={t('actionPlans.create.title')} lead={t('actionPlans.create.lead')}>
      <form onSubmit={submit} noValidate className="form narrow-form">
        {form.summary}
        <SelectField
          id={form.fieldId('ownerOrganisationId')}
          label={t('actionPlans.plan.owner')}
          value={owner?.id ?? ''}
          onValueChange={(v) => {
            setOwnerId(v);
            setSteeringGroupId('');
          }}
          error={form.errors.ownerOrganisationId}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        />
        <PlanDetailsFields form={form} value={details} onChange={setDetails} />
        {steering.length > 0 ? (
          <SelectField
            id={form.fieldId('steeringGroupId')}
            label={t('actionPlans.plan.steeringGroup')}
            hint={t('actionPlans.create.steeringHint')}
            value={steeringGroupId}
            onValueChange={setSteeringGroupId}
            error={form.errors.steeringGroupId}
            options={[
              { value: '', label: t('actionPlans.create.noSteeringGroup') },
              ...steering.map((g) => ({ value: g.id, label: g.name })),
            ]}
          />
        ) : null}
        <div className="form-actions">
          <SubmitButton
            busy={create.isPending}
            label={t('actionPlans.create.submit')}
            busyLabel={t('actionPlans.create.submitting')}
          />
        </div>
      </form>
    </Page>
  );
}
