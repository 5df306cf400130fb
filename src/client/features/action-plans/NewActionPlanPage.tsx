import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionPlanView } from '../../../shared/contracts/action-plans.ts';
import { NetworkList } from '../../../shared/contracts/networks.ts';
import { OrganisationList } from '../../../shared/contracts/organisations.ts';
import { Loading } from '../../components/Feedback.tsx';
import {
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { planOwnersOf, plansKey } from './data.ts';
import { FocusAreasField } from './FocusAreasField.tsx';

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
  const regions = useQuery({
    queryKey: ['organisations', 'region'],
    queryFn: () => api.get(`/organisations${qs({ kind: 'region' })}`, OrganisationList),
    enabled: admin,
  });
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
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [steeringGroupId, setSteeringGroupId] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [focusAreas, setFocusAreas] = useState<string[]>([]);
  const form = useFormErrors('new-plan');

  const create = useMutation({
    mutationFn: () =>
      api.post('/action-plans', ActionPlanView, {
        title: title.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        ownerOrganisationId: owner?.id ?? '',
        ...(steeringGroupId ? { steeringGroupId } : {}),
        periodStart,
        periodEnd,
        focusAreas,
      }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (title.trim().length < 3) errors.title = t('actionPlans.create.titleRequired');
    if (!periodStart) errors.periodStart = t('actionPlans.create.dateRequired');
    if (!periodEnd) errors.periodEnd = t('actionPlans.create.dateRequired');
    else if (periodStart && periodEnd < periodStart)
      errors.periodEnd = t('actionPlans.create.endsBeforeStart');
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
          rows={4}
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
