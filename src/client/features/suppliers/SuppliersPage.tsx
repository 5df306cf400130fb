import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SupplierPage as SupplierPageSchema } from '../../../shared/contracts/suppliers.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Form.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { SearchForm } from '../../components/SearchForm.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, qs } from '../../lib/api.ts';
import { useTechnologies } from '../cases/case-queries.ts';
import { supplierPath, suppliersKey, useMaintainsSuppliers } from './data.ts';

const PAGE_SIZE = 50;

/** `/leverantorer`: the national register, searched by name or organisation number, filtered by technology. */
export function SuppliersPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const technology = params.get('teknik') ?? '';
  const technologies = useTechnologies(i18n.language);
  const maintains = useMaintainsSuppliers();
  const list = useInfiniteQuery({
    queryKey: [...suppliersKey, 'list', q, technology, i18n.language],
    queryFn: ({ pageParam }) =>
      api.get(`/suppliers${qs({ q, technology, limit: PAGE_SIZE, cursor: pageParam })}`, SupplierPageSchema),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const caption = t('suppliers.list.caption');

  return (
    <Page title={t('suppliers.list.title')} lead={t('suppliers.list.lead')}>
      {maintains ? (
        <p>
          <Link className="ds-button" data-variant="primary" to="/leverantorer/ny">
            {t('suppliers.list.create')}
          </Link>
        </p>
      ) : null}
      <SearchForm
        id="supplier-q"
        q={q}
        texts={{
          heading: t('suppliers.list.searchHeading'),
          label: t('suppliers.list.searchLabel'),
          hint: t('suppliers.list.searchHint'),
          submit: t('suppliers.list.search'),
          clear: t('suppliers.list.clear'),
          tooShort: t('suppliers.list.tooShort'),
        }}
        onSearch={(value) => setParam('q', value)}
      />
      <div className="filters">
        <SelectField
          id="supplier-technology"
          label={t('suppliers.list.technology')}
          value={technology}
          onValueChange={(v) => setParam('teknik', v)}
          options={[
            { value: '', label: t('suppliers.list.allTechnologies') },
            ...(technologies.data?.items ?? []).map((x) => ({ value: x.key, label: x.name })),
          ]}
        />
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryFailure error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <section aria-labelledby="supplier-results">
          <p className="ds-paragraph result-count" id="supplier-results" aria-live="polite">
            {items.length === 0
              ? t('suppliers.list.none')
              : list.hasNextPage
                ? t('suppliers.list.shownMore', { count: items.length })
                : t('suppliers.list.shown', { count: items.length })}
          </p>
          {items.length > 0 ? (
            <TableWrap label={caption}>
              <table className="ds-table" data-border="true">
                <caption className="sr-only">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('suppliers.fields.name')}</th>
                    <th scope="col">{t('suppliers.fields.orgNumber')}</th>
                    <th scope="col">{t('suppliers.fields.technologies')}</th>
                    <th scope="col" className="num">
                      {t('suppliers.list.products')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <Link className="ds-link" to={supplierPath(s.id)}>
                          {s.name}
                        </Link>
                      </th>
                      <td className="nowrap">{s.orgNumber}</td>
                      <td>{s.technologies.map((x) => x.name).join(', ') || '–'}</td>
                      <td className="num">{s.productCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          <LoadMoreButton pages={list} />
        </section>
      )}
    </Page>
  );
}
