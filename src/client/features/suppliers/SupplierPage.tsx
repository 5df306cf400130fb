import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SupplierView } from '../../../shared/contracts/suppliers.ts';
import { Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { supplierPath, useSupplier } from './data.ts';
import { MergeSection } from './MergeSection.tsx';
import { ProductsSection } from './ProductsSection.tsx';

/** `/leverantorer/:id`: a supplier's details, contacts and products; maintainers edit and merge here. */
export function SupplierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const supplier = useSupplier(id);
  if (supplier.isPending) return <Loading />;
  if (supplier.isError)
    return <QueryFailure error={supplier.error} onRetry={() => void supplier.refetch()} />;
  const s = supplier.data;
  return (
    <Page
      title={s.name}
      breadcrumbs={[{ to: '/leverantorer', label: t('suppliers.list.title') }, { label: s.name }]}
    >
      {s.mergedInto ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">
            {t('suppliers.page.merged')}{' '}
            <Link className="ds-link" to={supplierPath(s.mergedInto.id)}>
              {s.mergedInto.name}
            </Link>
          </p>
        </div>
      ) : null}
      <Details supplier={s} />
      {s.canManage ? (
        <p>
          <Link className="ds-button" data-variant="secondary" to={`${supplierPath(s.id)}/andra`}>
            {t('suppliers.page.edit')}
          </Link>
        </p>
      ) : null}
      <Contacts supplier={s} />
      {s.mergedInto ? null : <ProductsSection supplier={s} />}
      {s.canManage ? <MergeSection supplier={s} /> : null}
    </Page>
  );
}

function Details({ supplier: s }: { supplier: SupplierView }) {
  const { t } = useTranslation();
  return (
    <dl className="supplier-facts">
      <dt>{t('suppliers.fields.orgNumber')}</dt>
      <dd>{s.orgNumber}</dd>
      <dt>{t('suppliers.fields.website')}</dt>
      <dd>
        {s.website ? (
          <a className="ds-link break" href={s.website} rel="noopener noreferrer">
            {s.website}
          </a>
        ) : (
          t('suppliers.page.none')
        )}
      </dd>
      <dt>{t('suppliers.fields.technologies')}</dt>
      <dd>{s.technologies.map((x) => x.name).join(', ') || t('suppliers.page.none')}</dd>
    </dl>
  );
}

function Contacts({ supplier: s }: { supplier: SupplierView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="supplier-contacts">
      <h2 className="ds-heading" data-size="sm" id="supplier-contacts">
        {t('suppliers.contacts.title')}
      </h2>
      {s.contacts.length === 0 ? (
        <p className="ds-paragraph">{t('suppliers.contacts.none')}</p>
      ) : (
        <ul className="supplier-contacts">
          {s.contacts.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>
              {c.role ? `, ${c.role}` : ''}
              {c.email ? (
                <>
                  <br />
                  <a className="ds-link break" href={`mailto:${c.email}`}>
                    {c.email}
                  </a>
                </>
              ) : null}
              {c.phone ? (
                <>
                  <br />
                  <a className="ds-link" href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>
                    {c.phone}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
