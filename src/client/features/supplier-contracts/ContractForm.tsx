import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ContractInput,
  ContractOwnerCandidates,
  ContractPage as ContractPageSchema,
  ContractView,
  MAX_CONTRACT_EXTENSIONS,
  procurementForms,
} from '../../../shared/contracts/supplier-contracts.ts';
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
import { ExtensionRows, ProductsAndTechnologies, SupplierPicker } from './ContractFormParts.tsx';
import { contractKey, contractPath, contractsKey, registerPath, useContract } from './data.ts';

/** `/kommuner/:code/avtal/nytt`: the municipality's own coordinator records a contract. */
export function NewContractPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const register = useQuery({
    queryKey: [...contractsKey, 'form', code],
    queryFn: () =>
      api.get(`/municipalities/${encodeURIComponent(code)}/contracts?limit=1`, ContractPageSchema),
  });
  if (register.isPending) return <Loading />;
  if (register.isError)
    return <QueryFailure error={register.error} onRetry={() => void register.refetch()} />;
  const r = register.data;
  if (!r.canCreate) return <NotFoundPage forbidden />;
  const title = t('supplierContracts.create.title', { name: r.municipality.name });
  return (
    <Page
      title={title}
      breadcrumbs={[
        { to: '/avtal', label: t('supplierContracts.nav') },
        { to: registerPath(code), label: r.municipality.name },
        { label: t('supplierContracts.create.crumb') },
      ]}
    >
      <ContractFields existing={null} code={code} />
    </Page>
  );
}

/** `/avtal/:id/andra`: every field of a contract, its options included (using one moves the end). */
export function EditContractPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contract = useContract(id);
  if (contract.isPending) return <Loading />;
  if (contract.isError)
    return <QueryFailure error={contract.error} onRetry={() => void contract.refetch()} />;
  const c = contract.data;
  if (!c.canEdit) return <NotFoundPage forbidden />;
  return (
    <Page
      title={t('supplierContracts.edit.title', { title: c.title })}
      breadcrumbs={[
        { to: '/avtal', label: t('supplierContracts.nav') },
        { to: registerPath(c.municipality.code), label: c.municipality.name },
        { to: contractPath(c.id), label: c.title },
        { label: t('supplierContracts.edit.crumb') },
      ]}
    >
      <ContractFields existing={c} code={c.municipality.code} />
    </Page>
  );
}

/** Labels for every field and every option row the contract allows, so that each message names its row. */
export function labelsOf(t: TFunction) {
  const labels: Record<string, string> = {};
  for (const f of [
    'supplierId',
    'title',
    'externalRef',
    'procurementForm',
    'frameworkName',
    'startsOn',
    'endsOn',
    'noticeMonths',
    'annualValueSek',
    'technologies',
    'productIds',
    'responsibleUserId',
    'notes',
  ])
    labels[f] = t(`supplierContracts.fields.${f}`);
  labels.extensions = t('supplierContracts.extensions.title');
  for (let i = 0; i < MAX_CONTRACT_EXTENSIONS; i++) {
    labels[`extensions.${i}.months`] = t('supplierContracts.extensions.monthsN', { n: i + 1 });
    labels[`extensions.${i}.decideBy`] = t('supplierContracts.extensions.decideByN', { n: i + 1 });
    labels[`extensions.${i}.status`] = t('supplierContracts.extensions.statusN', { n: i + 1 });
  }
  return labels;
}

function ContractFields({ existing, code }: { existing: ContractView | null; code: string }) {
  const { t } = useTranslation();
  const owners = useQuery({
    queryKey: [...contractsKey, 'owners', code],
    queryFn: () =>
      api.get(`/municipalities/${encodeURIComponent(code)}/contract-owners`, ContractOwnerCandidates),
    staleTime: 5 * 60_000,
  });
  const candidates = [
    ...(existing?.responsible ? [existing.responsible] : []),
    ...(owners.data?.items ?? []).filter((p) => p.id !== existing?.responsible?.id),
  ];
  const qc = useQueryClient();
  const navigate = useNavigate();
  const cf = useContractForm(ContractInput, {
    id: 'contract-form',
    defaultValues: {
      supplierId: existing?.supplier.id ?? '',
      title: existing?.title ?? '',
      externalRef: existing?.externalRef ?? null,
      procurementForm: existing?.procurementForm ?? 'own',
      frameworkName: existing?.frameworkName ?? null,
      startsOn: existing?.startsOn ?? '',
      endsOn: existing?.endsOn ?? '',
      noticeMonths: existing?.noticeMonths ?? null,
      annualValueSek: existing ? existing.annualValueSek : null,
      technologies: existing?.technologies.map((x) => x.key) ?? [],
      productIds: existing?.products.map((p) => p.id) ?? [],
      extensions:
        existing?.extensions.map((e) => ({ months: e.months, decideBy: e.decideBy, status: e.status })) ?? [],
      responsibleUserId: existing?.responsible?.id ?? null,
      notes: existing?.notes ?? null,
    },
    labels: labelsOf(t),
    onSubmit: async (values, { form }) => {
      const saved = existing
        ? await api.put(`/contracts/${existing.id}`, ContractView, { ...values, version: existing.version })
        : await api.post(`/municipalities/${encodeURIComponent(code)}/contracts`, ContractView, values);
      form.reset(form.getValues());
      void qc.invalidateQueries({ queryKey: contractsKey });
      qc.setQueryData(contractKey(saved.id), saved);
      navigate(contractPath(saved.id));
    },
  });
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty && !cf.busy);
  const f = (k: string) => t(`supplierContracts.fields.${k}`);

  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate>
      {leaving}
      {cf.summary}
      <SupplierPicker cf={cf} current={existing?.supplier ?? null} />
      <ContractTextField cf={cf} name="title" required maxLength={200} autoComplete="off" />
      <ContractTextField
        cf={cf}
        name="externalRef"
        emptyAsNull
        maxLength={100}
        hint={f('externalRefHint')}
        autoComplete="off"
      />
      <ContractSelectField
        cf={cf}
        name="procurementForm"
        required
        options={procurementForms.map((p) => ({ value: p, label: t(`supplierContracts.forms.${p}`) }))}
      />
      <ContractTextField
        cf={cf}
        name="frameworkName"
        emptyAsNull
        maxLength={200}
        hint={f('frameworkNameHint')}
        autoComplete="off"
      />
      <ContractTextField cf={cf} name="startsOn" type="date" required />
      <ContractTextField cf={cf} name="endsOn" type="date" required hint={f('endsOnHint')} />
      <ExtensionRows cf={cf} />
      <ContractTextField cf={cf} name="noticeMonths" asNumber inputMode="numeric" autoComplete="off" />
      <ContractTextField
        cf={cf}
        name="annualValueSek"
        asNumber
        inputMode="numeric"
        hint={f('annualValueSekHint')}
        autoComplete="off"
      />
      <ProductsAndTechnologies cf={cf} />
      <ContractSelectField
        cf={cf}
        name="responsibleUserId"
        placeholder={f('none')}
        options={candidates.map((p) => ({ value: p.id, label: p.name }))}
      />
      <ContractTextAreaField cf={cf} name="notes" rows={4} maxLength={4000} />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={existing ? t('supplierContracts.edit.submit') : t('supplierContracts.create.submit')}
          busyLabel={t('supplierContracts.saving')}
        />
        <Link className="ds-link" to={existing ? contractPath(existing.id) : registerPath(code)}>
          {t('supplierContracts.edit.cancel')}
        </Link>
      </div>
    </form>
  );
}
