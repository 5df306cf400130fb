import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Ok } from '../../../shared/contracts/common.ts';
import type { ContractView } from '../../../shared/contracts/supplier-contracts.ts';
import { ConfirmStep } from '../../components/ConfirmStep.tsx';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { supplierPath } from '../suppliers/data.ts';
import { ContractDocuments } from './ContractDocuments.tsx';
import { ContractHistorySection } from './ContractHistorySection.tsx';
import { contractPath, contractsKey, formatSek, registerPath, useContract } from './data.ts';

/** `/avtal/:id`: every field of a contract, its options, documents and history; its owners edit here. */
export function ContractPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contract = useContract(id);
  if (contract.isPending) return <Loading />;
  if (contract.isError)
    return <QueryFailure error={contract.error} onRetry={() => void contract.refetch()} />;
  const c = contract.data;
  return (
    <Page
      title={c.title}
      breadcrumbs={[
        { to: '/avtal', label: t('supplierContracts.nav') },
        { to: registerPath(c.municipality.code), label: c.municipality.name },
        { label: c.title },
      ]}
    >
      <Facts c={c} />
      {c.canEdit ? <Actions c={c} /> : null}
      <Extensions c={c} />
      <ContractDocuments c={c} />
      <ContractHistorySection id={c.id} />
    </Page>
  );
}

function Facts({ c }: { c: ContractView }) {
  const { t, i18n } = useTranslation();
  const none = t('supplierContracts.fields.none');
  const f = (k: string) => t(`supplierContracts.fields.${k}`);
  return (
    <dl className="contract-facts">
      <dt>{f('supplierId')}</dt>
      <dd>
        <Link className="ds-link" to={supplierPath(c.supplier.id)}>
          {c.supplier.name}
        </Link>
      </dd>
      <dt>{f('externalRef')}</dt>
      <dd>{c.externalRef ?? none}</dd>
      <dt>{f('procurementForm')}</dt>
      <dd>{t(`supplierContracts.forms.${c.procurementForm}`)}</dd>
      {c.frameworkName ? (
        <>
          <dt>{f('frameworkName')}</dt>
          <dd>{c.frameworkName}</dd>
        </>
      ) : null}
      <dt>{f('technologies')}</dt>
      <dd>{c.technologies.map((x) => x.name).join(', ') || none}</dd>
      <dt>{f('productIds')}</dt>
      <dd>{c.products.map((x) => x.name).join(', ') || none}</dd>
      <dt>{f('startsOn')}</dt>
      <dd>{c.startsOn}</dd>
      <dt>{f('endsOn')}</dt>
      <dd>{c.endsOn}</dd>
      <dt>{f('nextDecisionOn')}</dt>
      <dd>{c.nextDecisionOn ?? none}</dd>
      <dt>{f('finalEndOn')}</dt>
      <dd>{c.finalEndOn}</dd>
      <dt>{f('noticeMonths')}</dt>
      <dd>{c.noticeMonths ?? none}</dd>
      <dt>{f('annualValueSek')}</dt>
      <dd>
        {!c.canSeeValue
          ? f('hidden')
          : c.annualValueSek === null
            ? none
            : formatSek(c.annualValueSek, i18n.language)}
      </dd>
      <dt>{f('responsibleUserId')}</dt>
      <dd>{c.responsible?.name ?? none}</dd>
      <dt>{f('notes')}</dt>
      <dd className="contract-notes">{c.notes ?? none}</dd>
    </dl>
  );
}

function Extensions({ c }: { c: ContractView }) {
  const { t } = useTranslation();
  const caption = t('supplierContracts.extensions.caption');
  return (
    <section aria-labelledby="contract-extensions">
      <h2 className="ds-heading" data-size="sm" id="contract-extensions">
        {t('supplierContracts.extensions.title')}
      </h2>
      {c.extensions.length === 0 ? (
        <p className="ds-paragraph">{t('supplierContracts.extensions.none')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="ds-table" data-border="true">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('supplierContracts.extensions.number')}</th>
                <th scope="col" className="num">
                  {t('supplierContracts.extensions.months')}
                </th>
                <th scope="col">{t('supplierContracts.extensions.decideBy')}</th>
                <th scope="col">{t('supplierContracts.extensions.status')}</th>
              </tr>
            </thead>
            <tbody>
              {c.extensions.map((e) => (
                <tr key={e.position}>
                  <th scope="row">{e.position}</th>
                  <td className="num">{e.months}</td>
                  <td className="nowrap">{e.decideBy}</td>
                  <td>{t(`supplierContracts.extensionStatus.${e.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function Actions({ c }: { c: ContractView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.delete(`/contracts/${c.id}`, Ok),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: contractsKey });
      navigate(registerPath(c.municipality.code));
    },
  });
  return (
    <div className="contract-actions">
      <Link className="ds-button" data-variant="secondary" to={`${contractPath(c.id)}/andra`}>
        {t('supplierContracts.page.edit')}
      </Link>
      {confirming ? (
        <ConfirmStep
          title={t('supplierContracts.page.removeTitle', { title: c.title })}
          confirmLabel={t('supplierContracts.page.removeConfirm')}
          busyLabel={t('supplierContracts.page.removing')}
          busy={remove.isPending}
          cancelLabel={t('supplierContracts.page.cancel')}
          onConfirm={() => remove.mutate()}
          onCancel={() => setConfirming(false)}
          returnFocusTo="contract-remove"
          color="warning"
        >
          <p className="ds-paragraph">{t('supplierContracts.page.removeText')}</p>
          {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        </ConfirmStep>
      ) : (
        <button
          type="button"
          id="contract-remove"
          className="ds-button"
          data-variant="tertiary"
          onClick={() => setConfirming(true)}
        >
          {t('supplierContracts.page.remove')}
        </button>
      )}
    </div>
  );
}
