import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { MAX_SUPPLIER_CONTACTS, SupplierInput, SupplierView } from '../../../shared/contracts/suppliers.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractCheckboxGroup,
  type ContractForm,
  ContractTextField,
  useContractForm,
  useUnsavedChangesWarning,
} from '../../components/form/index.ts';
import { RowsFieldset } from '../../components/form/RowsFieldset.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { useTechnologies } from '../cases/case-queries.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { supplierKey, supplierPath, suppliersKey, useMaintainsSuppliers, useSupplier } from './data.ts';

type Cf = ContractForm<typeof SupplierInput>;

/** `/leverantorer/ny`: a maintainer adds a supplier to the national register. */
export function NewSupplierPage() {
  const { t } = useTranslation();
  const maintains = useMaintainsSuppliers();
  if (!maintains) return <NotFoundPage forbidden />;
  return (
    <Page
      title={t('suppliers.create.title')}
      lead={t('suppliers.create.lead')}
      breadcrumbs={[
        { to: '/leverantorer', label: t('suppliers.list.title') },
        { label: t('suppliers.create.title') },
      ]}
    >
      <SupplierFields existing={null} />
    </Page>
  );
}

/** `/leverantorer/:id/andra`: details, contacts and technologies of a supplier. */
export function EditSupplierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const supplier = useSupplier(id);
  if (supplier.isPending) return <Loading />;
  if (supplier.isError)
    return <QueryFailure error={supplier.error} onRetry={() => void supplier.refetch()} />;
  const s = supplier.data;
  if (!s.canManage) return <NotFoundPage forbidden />;
  return (
    <Page
      title={t('suppliers.edit.title', { name: s.name })}
      breadcrumbs={[
        { to: '/leverantorer', label: t('suppliers.list.title') },
        { to: supplierPath(s.id), label: s.name },
        { label: t('suppliers.edit.crumb') },
      ]}
    >
      <SupplierFields existing={s} />
    </Page>
  );
}

/** Labels for every contact row the contract allows, so that each message names its row. */
function contactLabels(t: TFunction) {
  const labels: Record<string, string> = {};
  for (let i = 0; i < MAX_SUPPLIER_CONTACTS; i++) {
    for (const f of ['name', 'role', 'email', 'phone'])
      labels[`contacts.${i}.${f}`] = t(`suppliers.contacts.${f}N`, { n: i + 1 });
  }
  return labels;
}

function SupplierFields({ existing }: { existing: SupplierView | null }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const technologies = useTechnologies(i18n.language);
  const cf = useContractForm(SupplierInput, {
    id: 'supplier-form',
    defaultValues: {
      name: existing?.name ?? '',
      orgNumber: existing?.orgNumber ?? '',
      website: existing?.website ?? null,
      technologyKeys: existing?.technologies.map((x) => x.key) ?? [],
      contacts:
        existing?.contacts.map((c) => ({ name: c.name, role: c.role, email: c.email, phone: c.phone })) ?? [],
    },
    labels: {
      name: t('suppliers.fields.name'),
      orgNumber: t('suppliers.fields.orgNumber'),
      website: t('suppliers.fields.website'),
      technologyKeys: t('suppliers.fields.technologies'),
      ...contactLabels(t),
    },
    onSubmit: async (values, { form }) => {
      const s = existing
        ? await api.put(`/suppliers/${existing.id}`, SupplierView, values)
        : await api.post('/suppliers', SupplierView, values);
      form.reset(form.getValues());
      void qc.invalidateQueries({ queryKey: suppliersKey });
      qc.setQueryData(supplierKey(s.id), s);
      navigate(supplierPath(s.id));
    },
  });
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty && !cf.busy);

  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate>
      {leaving}
      {cf.summary}
      <ContractTextField cf={cf} name="name" required maxLength={200} autoComplete="organization" />
      <ContractTextField
        cf={cf}
        name="orgNumber"
        required
        inputMode="numeric"
        hint={t('suppliers.fields.orgNumberHint')}
        maxLength={13}
      />
      <ContractTextField
        cf={cf}
        name="website"
        type="url"
        emptyAsNull
        hint={t('suppliers.fields.websiteHint')}
      />
      {technologies.data ? (
        <ContractCheckboxGroup
          cf={cf}
          name="technologyKeys"
          options={technologies.data.items.map((x) => ({ value: x.key, label: x.name }))}
        />
      ) : (
        <Loading />
      )}
      <ContactRows cf={cf} />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={existing ? t('suppliers.edit.submit') : t('suppliers.create.submit')}
          busyLabel={t('suppliers.saving')}
        />
        {existing ? (
          <Link className="ds-link" to={supplierPath(existing.id)}>
            {t('suppliers.edit.cancel')}
          </Link>
        ) : null}
      </div>
    </form>
  );
}

/** The people to talk to at the supplier: added and removed as rows. */
function ContactRows({ cf }: { cf: Cf }) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control: cf.form.control, name: 'contacts' });
  return (
    <RowsFieldset
      legend={t('suppliers.contacts.title')}
      intro={t('suppliers.contacts.intro')}
      rows={rows.fields}
      rowClassName="supplier-contact-row"
      renderRow={(_, i) => (
        <>
          <ContractTextField cf={cf} name={`contacts.${i}.name`} required autoComplete="off" />
          <ContractTextField cf={cf} name={`contacts.${i}.role`} emptyAsNull autoComplete="off" />
          <ContractTextField
            cf={cf}
            name={`contacts.${i}.email`}
            type="email"
            emptyAsNull
            autoComplete="off"
          />
          <ContractTextField cf={cf} name={`contacts.${i}.phone`} type="tel" emptyAsNull autoComplete="off" />
        </>
      )}
      removeLabel={(i) => t('suppliers.contacts.remove', { n: i + 1 })}
      onRemove={(i) => rows.remove(i)}
      addLabel={t('suppliers.contacts.add')}
      onAdd={
        rows.fields.length < MAX_SUPPLIER_CONTACTS
          ? () => rows.append({ name: '', role: null, email: null, phone: null })
          : null
      }
    />
  );
}
