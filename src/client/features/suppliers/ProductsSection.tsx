import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Ok } from '../../../shared/contracts/common.ts';
import type { ProductView, SupplierView } from '../../../shared/contracts/suppliers.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { useInvalidateSuppliers, useProducts } from './data.ts';
import { ProductForm } from './ProductForm.tsx';

/** A supplier's products; maintainers add, change and remove them in place. */
export function ProductsSection({ supplier }: { supplier: SupplierView }) {
  const { t } = useTranslation();
  const products = useProducts(supplier.id);
  const invalidate = useInvalidateSuppliers();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [status, setStatus] = useState('');
  const remove = useMutation({
    mutationFn: (p: ProductView) => api.delete(`/products/${p.id}`, Ok),
    onSuccess: async (_ok, p) => {
      await invalidate();
      setStatus(t('suppliers.products.removed', { name: p.name }));
    },
  });
  const done = (message: string) => {
    setEditing(null);
    setStatus(message);
  };

  return (
    <section aria-labelledby="supplier-products">
      <h2 className="ds-heading" data-size="sm" id="supplier-products">
        {t('suppliers.products.title')}
      </h2>
      <LiveStatus message={status} />
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {products.isPending ? (
        <Loading />
      ) : products.isError ? (
        <QueryFailure error={products.error} onRetry={() => void products.refetch()} />
      ) : products.data.items.length === 0 ? (
        <p className="ds-paragraph">{t('suppliers.products.none')}</p>
      ) : (
        <ul className="supplier-products">
          {products.data.items.map((p) =>
            editing === p.id ? (
              <li key={p.id}>
                <ProductForm supplierId={supplier.id} existing={p} onDone={done} />
              </li>
            ) : (
              <li key={p.id}>
                <h3 className="ds-heading" data-size="2xs">
                  {p.name}
                </h3>
                <p className="ds-paragraph">
                  {t('suppliers.fields.technologies')}:{' '}
                  {p.technologies.map((x) => x.name).join(', ') || t('suppliers.page.none')}
                </p>
                <p className="ds-paragraph">
                  {t('suppliers.products.standards')}:{' '}
                  {p.standards.map((s) => t(`suppliers.standards.${s}`)).join(', ') ||
                    t('suppliers.page.none')}
                </p>
                {p.interoperability ? (
                  <p className="ds-paragraph">
                    {t('suppliers.products.interoperability')}: {p.interoperability}
                  </p>
                ) : null}
                {supplier.canManage ? (
                  <div className="form-actions">
                    <button
                      type="button"
                      className="ds-button"
                      data-variant="tertiary"
                      data-size="sm"
                      onClick={() => setEditing(p.id)}
                    >
                      {t('suppliers.products.edit')}
                      <span className="sr-only">: {p.name}</span>
                    </button>
                    <button
                      type="button"
                      className="ds-button"
                      data-variant="tertiary"
                      data-size="sm"
                      data-color="danger"
                      aria-disabled={remove.isPending || undefined}
                      onClick={() => {
                        if (!remove.isPending) remove.mutate(p);
                      }}
                    >
                      {t('suppliers.products.remove')}
                      <span className="sr-only">: {p.name}</span>
                    </button>
                  </div>
                ) : null}
              </li>
            ),
          )}
        </ul>
      )}
      {supplier.canManage ? (
        editing === 'new' ? (
          <ProductForm supplierId={supplier.id} existing={null} onDone={done} />
        ) : (
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={() => setEditing('new')}
          >
            {t('suppliers.products.add')}
          </button>
        )
      ) : null}
    </section>
  );
}
