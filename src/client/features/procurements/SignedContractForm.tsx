import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProcurementView, procurementPhases } from '../../../shared/contracts/procurements.ts';
import { ContractInput } from '../../../shared/contracts/supplier-contracts.ts';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractTextAreaField, ContractTextField, useContractForm } from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';
import { labelsOf } from '../supplier-contracts/ContractForm.tsx';
import {
  ExtensionRows,
  ProductsAndTechnologies,
  SupplierPicker,
} from '../supplier-contracts/ContractFormParts.tsx';
import { contractsKey } from '../supplier-contracts/data.ts';
import { procurementKey, procurementsKey } from './procurement-queries.ts';

const SIGNED_AT = procurementPhases.indexOf('contract_signed');

/**
 * The lead records the contract the procurement resulted in; the server writes it into the register of
 * every confirmed participant that does not have it yet (so sending it again only fills the gaps). The
 * form is always a joint procurement, and the responsible person is each municipality's to name, so
 * neither is asked for here.
 */
export function SignedContractForm({ p }: { p: ProcurementView }) {
  const { t } = useTranslation();
  const heading = (
    <h3 className="ds-heading" data-size="2xs" id="signed-contract-heading">
      {t('procurements.signed.heading')}
    </h3>
  );
  if (procurementPhases.indexOf(p.phase) < SIGNED_AT)
    return (
      <>
        {heading}
        <p className="ds-paragraph">
          {t('procurements.signed.notYet', { phase: t('procurements.phases.contract_signed') })}
        </p>
      </>
    );
  if (!p.confirmedCount)
    return (
      <>
        {heading}
        <p className="ds-paragraph">{t('procurements.signed.noParticipants')}</p>
      </>
    );
  return <SignedContractFields p={p} heading={heading} />;
}

function SignedContractFields({ p, heading }: { p: ProcurementView; heading: ReactNode }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const cf = useContractForm(ContractInput, {
    id: 'procurement-contract',
    defaultValues: {
      supplierId: p.awardedSupplier?.id ?? '',
      title: p.title,
      externalRef: null,
      procurementForm: 'joint',
      frameworkName: null,
      startsOn: '',
      endsOn: '',
      noticeMonths: null,
      annualValueSek: null,
      technologies: [p.technology.key],
      productIds: [],
      extensions: [],
      responsibleUserId: null,
      notes: null,
    },
    labels: {
      ...labelsOf(t),
      annualValueSek: t('procurements.signed.annualValue'),
    },
    onSubmit: async (values) => {
      const next = await api.post(`/procurements/${p.id}/contracts`, ProcurementView, {
        ...values,
        procurementForm: 'joint',
        responsibleUserId: null,
      });
      qc.setQueryData(procurementKey(p.id), next);
      void qc.invalidateQueries({ queryKey: procurementsKey });
      void qc.invalidateQueries({ queryKey: contractsKey });
      return t('procurements.signed.saved', { count: next.contracts.length });
    },
  });
  return (
    <form
      className="procurement-form"
      onSubmit={cf.onSubmit}
      noValidate
      aria-labelledby="signed-contract-heading"
    >
      {heading}
      <p className="ds-paragraph">{t('procurements.signed.intro', { count: p.confirmedCount })}</p>
      {cf.summary}
      <SupplierPicker cf={cf} current={p.awardedSupplier} />
      <ContractTextField cf={cf} name="title" required maxLength={200} autoComplete="off" />
      <ContractTextField cf={cf} name="startsOn" type="date" required />
      <ContractTextField
        cf={cf}
        name="endsOn"
        type="date"
        required
        hint={t('supplierContracts.fields.endsOnHint')}
      />
      <ExtensionRows cf={cf} />
      <ContractTextField cf={cf} name="noticeMonths" asNumber inputMode="numeric" autoComplete="off" />
      <ContractTextField
        cf={cf}
        name="annualValueSek"
        asNumber
        inputMode="numeric"
        hint={t('procurements.signed.annualValueHint')}
        autoComplete="off"
      />
      <ProductsAndTechnologies cf={cf} />
      <ContractTextAreaField cf={cf} name="notes" rows={3} maxLength={4000} />
      <SubmitButton
        busy={cf.busy}
        label={t('procurements.signed.submit')}
        busyLabel={t('procurements.saving')}
      />
      {cf.saved}
    </form>
  );
}
