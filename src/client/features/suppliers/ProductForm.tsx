import { useTranslation } from 'react-i18next';
import { ProductInput, ProductView, productStandards } from '../../../shared/contracts/suppliers.ts';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractCheckboxGroup,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
} from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';
import { useTechnologies } from '../cases/case-queries.ts';
import { useInvalidateSuppliers } from './data.ts';

/** Adds a product to a supplier or changes one: name, technologies, standards met, interoperability. */
export function ProductForm({
  supplierId,
  existing,
  onDone,
}: {
  supplierId: string;
  existing: ProductView | null;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const technologies = useTechnologies(i18n.language);
  const invalidate = useInvalidateSuppliers();
  const cf = useContractForm(ProductInput, {
    id: existing ? `product-${existing.id}` : 'product-new',
    defaultValues: {
      name: existing?.name ?? '',
      technologyKeys: existing?.technologies.map((x) => x.key) ?? [],
      standards: existing?.standards ?? [],
      interoperability: existing?.interoperability ?? '',
    },
    labels: {
      name: t('suppliers.products.name'),
      technologyKeys: t('suppliers.fields.technologies'),
      standards: t('suppliers.products.standards'),
      interoperability: t('suppliers.products.interoperability'),
    },
    onSubmit: async (values) => {
      const p = existing
        ? await api.put(`/products/${existing.id}`, ProductView, values)
        : await api.post(`/suppliers/${supplierId}/products`, ProductView, values);
      await invalidate();
      onDone(
        existing
          ? t('suppliers.products.saved', { name: p.name })
          : t('suppliers.products.added', { name: p.name }),
      );
    },
  });
  return (
    <form className="form product-form" onSubmit={cf.onSubmit} noValidate>
      <h3 className="ds-heading" data-size="2xs">
        {existing
          ? t('suppliers.products.editTitle', { name: existing.name })
          : t('suppliers.products.newTitle')}
      </h3>
      {cf.summary}
      <ContractTextField cf={cf} name="name" required maxLength={200} />
      <ContractCheckboxGroup
        cf={cf}
        name="technologyKeys"
        options={(technologies.data?.items ?? []).map((x) => ({ value: x.key, label: x.name }))}
      />
      <ContractCheckboxGroup
        cf={cf}
        name="standards"
        options={productStandards.map((s) => ({
          value: s,
          label: t(`suppliers.standards.${s}`),
        }))}
      />
      <ContractTextAreaField
        cf={cf}
        name="interoperability"
        rows={3}
        hint={t('suppliers.products.interoperabilityHint')}
      />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={existing ? t('suppliers.products.save') : t('suppliers.products.addSubmit')}
          busyLabel={t('suppliers.saving')}
        />
        <button type="button" className="ds-button" data-variant="tertiary" onClick={() => onDone('')}>
          {t('suppliers.products.cancel')}
        </button>
      </div>
    </form>
  );
}
