import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../../shared/contracts/auth.ts';
import { NetworkList } from '../../../shared/contracts/networks.ts';
import { CreateSteeringReport, SteeringReport } from '../../../shared/contracts/steering-reports.ts';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractSelectField,
  ContractTextField,
  useContractForm,
  useUnsavedChangesWarning,
} from '../../components/form/index.ts';
import { Section } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { useOrganisationsOfKind } from '../../lib/organisations.ts';
import { isNationalAdmin } from '../../lib/session.ts';
import { API_BASE, lastHalfYear, reportOwnersOf, reportsKey } from './data.ts';

interface Owner {
  id: string;
  name: string;
}

/**
 * "Ny rapport": who reports (their regions and associations; national administrators any region),
 * which steering group, the period (the last half-year by default), title and diary number.
 * `?organisation=…&natverk=…` (from a steering group's page) preselects both.
 */
export function NewReportForm({ me }: { me: Me }) {
  const admin = isNationalAdmin(me);
  const regions = useOrganisationsOfKind('region', admin);
  const owners = useMemo(() => {
    const more = (regions.data?.items ?? []).map((r) => ({ id: r.id, name: r.name }));
    const seen = new Set<string>();
    return [...reportOwnersOf(me), ...more].filter((o) => !seen.has(o.id) && seen.add(o.id));
  }, [me, regions.data]);
  // The form starts from the whole list, so that a preselected region is among its choices.
  if (owners.length === 0 || (admin && regions.isPending)) return null;
  return <ReportFields owners={owners} />;
}

function ReportFields({ owners }: { owners: readonly Owner[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const [created, setCreated] = useState<string | null>(null);
  const c = (key: string) => t(`steeringReports.create.${key}`);
  const wanted = params.get('organisation');
  const cf = useContractForm(CreateSteeringReport, {
    id: 'new-report',
    defaultValues: {
      organisationId: owners.some((o) => o.id === wanted) ? wanted! : owners[0]!.id,
      networkId: params.get('natverk') ?? undefined,
      ...lastHalfYear(),
      title: undefined,
      diaryNumber: undefined,
    },
    labels: {
      organisationId: c('organisation'),
      networkId: c('network'),
      from: c('from'),
      to: c('to'),
      title: c('title'),
      diaryNumber: c('diaryNumber'),
    },
    onSubmit: async (body) => {
      const r = await api.post(API_BASE, SteeringReport, body);
      await qc.invalidateQueries({ queryKey: reportsKey });
      setCreated(r.id);
    },
  });
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty && !created);
  // Once nothing is unsaved any more, on to the new report.
  useEffect(() => {
    if (created) navigate(`/rapporter/styrgrupp/${created}`);
  }, [created, navigate]);

  const ownerId = cf.form.watch('organisationId');
  const groups = useQuery({
    queryKey: ['networks', 'steering', ownerId],
    queryFn: () => api.get(`/networks${qs({ owner: ownerId, kind: 'steering_group' })}`, NetworkList),
  });
  const steering = useMemo(
    () => (groups.data?.items ?? []).filter((g) => g.kind === 'steering_group' && g.owner.id === ownerId),
    [groups.data, ownerId],
  );
  // The owner's steering group (the first, or the one asked for); none when it has none.
  const networkId = cf.form.watch('networkId');
  useEffect(() => {
    if (groups.isPending || steering.some((g) => g.id === networkId)) return;
    cf.form.setValue('networkId', steering[0]?.id);
  }, [groups.isPending, steering, networkId, cf.form]);

  return (
    <Section title={c('heading')} id="new-report">
      <form onSubmit={cf.onSubmit} noValidate className="form report-form">
        {cf.summary}
        <ContractSelectField
          cf={cf}
          name="organisationId"
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        />
        <ContractSelectField
          cf={cf}
          name="networkId"
          options={steering.map((g) => ({ value: g.id, label: g.name }))}
          {...(steering.length ? {} : { placeholder: c('noNetwork') })}
        />
        <div className="report-period">
          <ContractTextField cf={cf} name="from" type="date" required hint={c('periodHint')} />
          <ContractTextField cf={cf} name="to" type="date" required />
        </div>
        <ContractTextField cf={cf} name="title" hint={c('titleHint')} maxLength={200} emptyAsUndefined />
        <ContractTextField cf={cf} name="diaryNumber" maxLength={60} emptyAsUndefined />
        <div className="form-actions">
          <SubmitButton busy={cf.busy} label={c('submit')} busyLabel={c('submitting')} />
        </div>
      </form>
      {leaving}
    </Section>
  );
}
