import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  CreateFundingCall,
  FundingCallView,
  fundingAllocationKeys,
} from '../../../shared/contracts/funding-calls.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
  useUnsavedChangesWarning,
} from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { callKey, callPath, fundingKey, useFundingCalls } from './data.ts';

/** `/stimulansmedel/ny`: a national administrator or a regional coordinator creates a call (as a draft). */
export function NewFundingCallPage() {
  const { t } = useTranslation();
  const calls = useFundingCalls();
  if (calls.isPending) return <Loading />;
  if (calls.isError) return <QueryFailure error={calls.error} onRetry={() => void calls.refetch()} />;
  const owners = calls.data.canCreateAt;
  if (!owners.length) return <NotFoundPage forbidden />;
  return (
    <Page
      title={t('fundingCalls.create.title')}
      lead={t('fundingCalls.create.lead')}
      breadcrumbs={[
        { to: '/stimulansmedel', label: t('fundingCalls.list.title') },
        { label: t('fundingCalls.create.title') },
      ]}
    >
      <CallForm owners={owners} />
    </Page>
  );
}

function CallForm({ owners }: { owners: { id: string; name: string; kind: string }[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const cf = useContractForm(CreateFundingCall, {
    id: 'funding-call',
    defaultValues: {
      scopeOrganisationId: owners[0]!.id,
      title: '',
      description: null,
      year: new Date().getFullYear(),
      totalSek: undefined as unknown as number,
      allocationKey: 'population_80_plus',
      requisitionDeadline: '',
      reportingDeadline: '',
    },
    labels: {
      scopeOrganisationId: t('fundingCalls.fields.owner'),
      title: t('fundingCalls.fields.title'),
      description: t('fundingCalls.fields.description'),
      year: t('fundingCalls.fields.year'),
      totalSek: t('fundingCalls.fields.totalSek'),
      allocationKey: t('fundingCalls.fields.allocationKey'),
      requisitionDeadline: t('fundingCalls.fields.requisitionDeadline'),
      reportingDeadline: t('fundingCalls.fields.reportingDeadline'),
    },
    onSubmit: async (values, { form }) => {
      const created = await api.post('/funding-calls', FundingCallView, values);
      form.reset(form.getValues());
      void qc.invalidateQueries({ queryKey: fundingKey });
      qc.setQueryData(callKey(created.id), created);
      navigate(callPath(created.id));
    },
  });
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty && !cf.busy);
  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate>
      {leaving}
      {cf.summary}
      <ContractSelectField
        cf={cf}
        name="scopeOrganisationId"
        required
        hint={t('fundingCalls.fields.ownerHint')}
        options={owners.map((o) => ({ value: o.id, label: o.name }))}
      />
      <ContractTextField cf={cf} name="title" required maxLength={200} autoComplete="off" />
      <ContractTextAreaField cf={cf} name="description" rows={3} />
      <ContractTextField cf={cf} name="year" required asNumber inputMode="numeric" autoComplete="off" />
      <ContractTextField
        cf={cf}
        name="totalSek"
        required
        asNumber
        inputMode="numeric"
        hint={t('fundingCalls.fields.totalSekHint')}
        autoComplete="off"
      />
      <ContractSelectField
        cf={cf}
        name="allocationKey"
        required
        options={fundingAllocationKeys.map((k) => ({
          value: k,
          label: t(`fundingCalls.allocationKey.${k}`),
        }))}
      />
      <ContractTextField cf={cf} name="requisitionDeadline" type="date" required />
      <ContractTextField cf={cf} name="reportingDeadline" type="date" required />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={t('fundingCalls.create.submit')}
          busyLabel={t('fundingCalls.saving')}
        />
      </div>
    </form>
  );
}
