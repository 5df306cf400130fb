import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ContractPage as ContractPageSchema } from '../../../shared/contracts/supplier-contracts.ts';
import { SupplierPage } from '../../../shared/contracts/suppliers.ts';
import { SelectField, TextField } from '../../components/Form.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryTable } from '../../components/QueryTable.tsx';
import { api, qs } from '../../lib/api.ts';
import { useTechnologies } from '../cases/case-queries.ts';
import { contractPath, contractsKey, formatSek, registerPath } from './data.ts';

const PAGE_SIZE = 50;

/** `/kommuner/:code/avtal`: a municipality's contracts, the first to end on top, with filters. */
export function ContractsPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const technology = params.get('teknik') ?? '';
  const supplier = params.get('leverantor') ?? '';
  const endingBefore = params.get('fore') ?? '';
  const technologies = useTechnologies(i18n.language);
  const suppliers = useQuery({
    queryKey: ['suppliers', 'list', '', '', 'all'],
    queryFn: () => api.get(`/suppliers${qs({ limit: 200 })}`, SupplierPage),
  });
  const list = useInfiniteQuery({
    queryKey: [...contractsKey, 'list', code, technology, supplier, endingBefore, i18n.language],
    queryFn: ({ pageParam }) =>
      api.get(
        `/municipalities/${encodeURIComponent(code)}/contracts${qs({
          technology,
          supplier,
          endingBefore,
          limit: PAGE_SIZE,
          cursor: pageParam,
        })}`,
        ContractPageSchema,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const first = list.data?.pages[0];
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const name = first?.municipality.name ?? code;
  const title = t('supplierContracts.list.title', { name });
  const seesValues = first?.canSeeValues ?? false;
  const dash = '–';

  return (
    <Page
      title={title}
      lead={t('supplierContracts.list.lead')}
      breadcrumbs={[{ to: '/avtal', label: t('supplierContracts.nav') }, { label: name }]}
    >
      {first?.canCreate ? (
        <p>
          <Link className="ds-button" data-variant="primary" to={`${registerPath(code)}/nytt`}>
            {t('supplierContracts.list.create')}
          </Link>{' '}
          <Link className="ds-button" data-variant="secondary" to={`${registerPath(code)}/importera`}>
            {t('contractImport.crumb')}
          </Link>
        </p>
      ) : null}
      <div className="filters">
        <SelectField
          id="contract-technology"
          label={t('supplierContracts.list.technology')}
          value={technology}
          onValueChange={(v) => setParam('teknik', v)}
          options={[
            { value: '', label: t('supplierContracts.list.allTechnologies') },
            ...(technologies.data?.items ?? []).map((x) => ({ value: x.key, label: x.name })),
          ]}
        />
        <SelectField
          id="contract-supplier"
          label={t('supplierContracts.list.supplier')}
          value={supplier}
          onValueChange={(v) => setParam('leverantor', v)}
          options={[
            { value: '', label: t('supplierContracts.list.allSuppliers') },
            ...(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <TextField
          id="contract-ending-before"
          type="date"
          label={t('supplierContracts.list.endingBefore')}
          hint={t('supplierContracts.list.endingBeforeHint')}
          value={endingBefore}
          onValueChange={(v) => setParam('fore', /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '')}
        />
      </div>
      {first && !seesValues ? (
        <p className="ds-paragraph">{t('supplierContracts.list.valuesHidden')}</p>
      ) : null}
      <QueryTable
        query={list}
        count={items.length}
        empty={t('supplierContracts.list.none')}
        caption={t('supplierContracts.list.caption')}
      >
        <thead>
          <tr>
            <th scope="col">{t('supplierContracts.fields.title')}</th>
            <th scope="col">{t('supplierContracts.fields.supplierId')}</th>
            <th scope="col">{t('supplierContracts.fields.technologies')}</th>
            <th scope="col">{t('supplierContracts.fields.endsOn')}</th>
            <th scope="col">{t('supplierContracts.fields.nextDecisionOn')}</th>
            {seesValues ? (
              <th scope="col" className="num">
                {t('supplierContracts.fields.value')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link className="ds-link" to={contractPath(c.id)}>
                  {c.title}
                </Link>
              </th>
              <td>{c.supplier.name}</td>
              <td>{c.technologies.map((x) => x.name).join(', ') || dash}</td>
              <td className="nowrap">{c.endsOn}</td>
              <td className="nowrap">{c.nextDecisionOn ?? dash}</td>
              {seesValues ? (
                <td className="num nowrap">
                  {c.annualValueSek === null ? dash : formatSek(c.annualValueSek, i18n.language)}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </QueryTable>
      <LoadMoreButton pages={list} />
    </Page>
  );
}
