import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../../shared/contracts/auth.ts';
import { NetworkList } from '../../../shared/contracts/networks.ts';
import { SteeringReport } from '../../../shared/contracts/steering-reports.ts';
import { SelectField, SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { useOrganisationsOfKind } from '../../lib/organisations.ts';
import { isNationalAdmin } from '../../lib/session.ts';
import { API_BASE, lastHalfYear, reportOwnersOf, reportsKey } from './data.ts';

const FIELDS = ['organisationId', 'networkId', 'title', 'diaryNumber', 'from', 'to'] as const;

/**
 * "Ny rapport": who reports (their regions and associations; national administrators any region),
 * which steering group, the period (the last half-year by default), title and diary number.
 * `?organisation=…&natverk=…` (from a steering group's page) preselects both.
 */
export function NewReportForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const admin = isNationalAdmin(me);
  const regions = useOrganisationsOfKind('region', admin);
  const owners = useMemo(() => {
    const more = (regions.data?.items ?? []).map((r) => ({ id: r.id, name: r.name }));
    const seen = new Set<string>();
    return [...reportOwnersOf(me), ...more].filter((o) => !seen.has(o.id) && seen.add(o.id));
  }, [me, regions.data]);
  const [ownerId, setOwnerId] = useState(params.get('organisation') ?? '');
  const owner = owners.find((o) => o.id === ownerId) ?? owners[0];
  const groups = useQuery({
    queryKey: ['networks', 'steering', owner?.id],
    queryFn: () => api.get(`/networks${qs({ owner: owner?.id, kind: 'steering_group' })}`, NetworkList),
    enabled: !!owner,
  });
  const steering = (groups.data?.items ?? []).filter(
    (g) => g.kind === 'steering_group' && g.owner.id === owner?.id,
  );
  const [networkId, setNetworkId] = useState(params.get('natverk') ?? '');
  const chosenNetwork = steering.find((g) => g.id === networkId) ?? steering[0];
  const [period, setPeriod] = useState(lastHalfYear);
  const [title, setTitle] = useState('');
  const [diaryNumber, setDiaryNumber] = useState('');
  const form = useFormErrors('new-report');

  const create = useMutation({
    mutationFn: () =>
      api.post(API_BASE, SteeringReport, {
        organisationId: owner?.id ?? '',
        ...(chosenNetwork ? { networkId: chosenNetwork.id } : {}),
        from: period.from,
        to: period.to,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(diaryNumber.trim() ? { diaryNumber: diaryNumber.trim() } : {}),
      }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (title.trim() && title.trim().length < 3) errors.title = t('steeringReports.create.titleTooShort');
    if (!period.from) errors.from = t('steeringReports.create.dateRequired');
    if (!period.to) errors.to = t('steeringReports.create.dateRequired');
    else if (period.from && period.to < period.from) errors.to = t('steeringReports.create.endsBeforeStart');
    if (Object.keys(errors).length) {
      form.fail(errors);
      return;
    }
    form.clear();
    create.mutate(undefined, {
      onSuccess: async (r) => {
        await qc.invalidateQueries({ queryKey: reportsKey });
        navigate(`/rapporter/styrgrupp/${r.id}`);
      },
      onError: (err) => form.failFromApi(err, FIELDS),
    });
  };

  if (owners.length === 0) return null;
  return (
    <Section title={t('steeringReports.create.heading')} id="new-report">
      <form onSubmit={submit} noValidate className="form report-form">
        {form.summary}
        <SelectField
          id={form.fieldId('organisationId')}
          label={t('steeringReports.create.organisation')}
          value={owner?.id ?? ''}
          onValueChange={(v) => {
            setOwnerId(v);
            setNetworkId('');
          }}
          error={form.errors.organisationId}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        />
        <SelectField
          id={form.fieldId('networkId')}
          label={t('steeringReports.create.network')}
          value={chosenNetwork?.id ?? ''}
          onValueChange={setNetworkId}
          error={form.errors.networkId}
          options={
            steering.length
              ? steering.map((g) => ({ value: g.id, label: g.name }))
              : [{ value: '', label: t('steeringReports.create.noNetwork') }]
          }
        />
        <div className="report-period">
          <TextField
            id={form.fieldId('from')}
            label={t('steeringReports.create.from')}
            type="date"
            required
            hint={t('steeringReports.create.periodHint')}
            value={period.from}
            onValueChange={(from) => setPeriod((p) => ({ ...p, from }))}
            error={form.errors.from}
          />
          <TextField
            id={form.fieldId('to')}
            label={t('steeringReports.create.to')}
            type="date"
            required
            value={period.to}
            onValueChange={(to) => setPeriod((p) => ({ ...p, to }))}
            error={form.errors.to}
          />
        </div>
        <TextField
          id={form.fieldId('title')}
          label={t('steeringReports.create.title')}
          hint={t('steeringReports.create.titleHint')}
          value={title}
          onValueChange={setTitle}
          error={form.errors.title}
          maxLength={200}
        />
        <TextField
          id={form.fieldId('diaryNumber')}
          label={t('steeringReports.create.diaryNumber')}
          value={diaryNumber}
          onValueChange={setDiaryNumber}
          error={form.errors.diaryNumber}
          maxLength={60}
        />
        <div className="form-actions">
          <SubmitButton
            busy={create.isPending}
            label={t('steeringReports.create.submit')}
            busyLabel={t('steeringReports.create.submitting')}
          />
        </div>
      </form>
    </Section>
  );
}
