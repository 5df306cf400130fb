import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type ContractInput,
  extensionStatuses,
  MAX_CONTRACT_EXTENSIONS,
} from '../../../shared/contracts/supplier-contracts.ts';
import { ProductList, SupplierPage } from '../../../shared/contracts/suppliers.ts';
import { Loading } from '../../components/Feedback.tsx';
import { TextField } from '../../components/Form.tsx';
import {
  ContractCheckboxGroup,
  type ContractForm,
  ContractSelectField,
  ContractTextField,
} from '../../components/form/index.ts';
import { RowsFieldset } from '../../components/form/RowsFieldset.tsx';
import { api, qs } from '../../lib/api.ts';
import { useTechnologies } from '../cases/case-queries.ts';

type Cf = ContractForm<typeof ContractInput>;

/**
 * The supplier, found in the national register by a search (name or organisation number) and chosen in
 * the list of hits; the supplier already chosen stays in the list.
 */
export function SupplierPicker({ cf, current }: { cf: Cf; current: { id: string; name: string } | null }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const hits = useQuery({
    queryKey: ['suppliers', 'list', q, '', 'picker'],
    queryFn: () => api.get(`/suppliers${qs({ q: q || undefined, limit: 50 })}`, SupplierPage),
  });
  const options = [
    ...(current ? [{ value: current.id, label: current.name }] : []),
    ...(hits.data?.items ?? [])
      .filter((s) => s.id !== current?.id)
      .map((s) => ({ value: s.id, label: `${s.name} (${s.orgNumber})` })),
  ];
  return (
    <>
      <div className="contract-supplier-search">
        <TextField
          id="contract-supplier-q"
          type="search"
          label={t('supplierContracts.supplierSearch.label')}
          hint={t('supplierContracts.supplierSearch.hint')}
          value={text}
          onValueChange={setText}
          onKeyDown={(e) => {
            // Enter searches instead of sending the whole form.
            if (e.key === 'Enter') {
              e.preventDefault();
              setQ(text.trim());
            }
          }}
        />
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          onClick={() => setQ(text.trim())}
        >
          {t('supplierContracts.supplierSearch.search')}
        </button>
      </div>
      <ContractSelectField
        cf={cf}
        name="supplierId"
        required
        placeholder={t('supplierContracts.supplierSearch.choose')}
        options={options}
      />
    </>
  );
}

/** The catalogue's technologies and the chosen supplier's products. */
export function ProductsAndTechnologies({ cf }: { cf: Cf }) {
  const { t, i18n } = useTranslation();
  const technologies = useTechnologies(i18n.language);
  const supplierId = cf.form.watch('supplierId');
  const products = useQuery({
    queryKey: ['suppliers', 'one', supplierId, 'products'],
    queryFn: () => api.get(`/suppliers/${encodeURIComponent(supplierId)}/products`, ProductList),
    enabled: /^[0-9a-f-]{36}$/.test(supplierId ?? ''),
  });
  return (
    <>
      {technologies.data ? (
        <ContractCheckboxGroup
          cf={cf}
          name="technologies"
          columns
          options={technologies.data.items.map((x) => ({ value: x.key, label: x.name }))}
        />
      ) : (
        <Loading />
      )}
      {products.data ? (
        products.data.items.length ? (
          <ContractCheckboxGroup
            cf={cf}
            name="productIds"
            options={products.data.items.map((p) => ({ value: p.id, label: p.name }))}
          />
        ) : (
          <p className="ds-paragraph">{t('supplierContracts.supplierSearch.noProducts')}</p>
        )
      ) : null}
    </>
  );
}

/** The extension options in order, each with its months, last decision date and status. */
export function ExtensionRows({ cf }: { cf: Cf }) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control: cf.form.control, name: 'extensions' });
  return (
    <RowsFieldset
      legend={t('supplierContracts.extensions.title')}
      intro={t('supplierContracts.extensions.intro')}
      rows={rows.fields}
      rowClassName="contract-extension-row"
      renderRow={(_, i) => (
        <>
          <ContractTextField
            cf={cf}
            name={`extensions.${i}.months`}
            asNumber
            inputMode="numeric"
            required
            autoComplete="off"
          />
          <ContractTextField cf={cf} name={`extensions.${i}.decideBy`} type="date" required />
          <ContractSelectField
            cf={cf}
            name={`extensions.${i}.status`}
            options={extensionStatuses.map((s) => ({
              value: s,
              label: t(`supplierContracts.extensionStatus.${s}`),
            }))}
          />
        </>
      )}
      removeLabel={(i) => t('supplierContracts.extensions.remove', { n: i + 1 })}
      onRemove={(i) => rows.remove(i)}
      addLabel={t('supplierContracts.extensions.add')}
      onAdd={
        rows.fields.length < MAX_CONTRACT_EXTENSIONS
          ? () => rows.append({ months: 12, decideBy: '', status: 'open' })
          : null
      }
    />
  );
}
