import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AllocationDetail, FundingReport, Requisition } from '../../../shared/contracts/funding-calls.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractTextAreaField, ContractTextField, useContractForm } from '../../components/form/index.ts';
import { Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { formatSek } from '../../lib/format.ts';
import { detailKey, overviewKey, useAllocationDetail } from './data.ts';

/** A municipality's own allocation: what it may requisition, the requisition form, its report. */
export function OwnAllocation({ callId, code, name }: { callId: string; code: string; name: string }) {
  const { t, i18n } = useTranslation();
  const detail = useAllocationDetail(callId, code);
  const sek = (n: number) => formatSek(n, i18n.language);
  return (
    <Section title={t('fundingCalls.own.title', { name })} id={`funding-own-${code}`}>
      {detail.isPending ? (
        <Loading />
      ) : detail.isError ? (
        <QueryFailure error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <div className="funding-own">
          <p className="ds-paragraph">
            {t('fundingCalls.own.summary', {
              allocated: sek(detail.data.allocatedSek),
              requisitioned: sek(detail.data.requisitionedSek),
              used: sek(detail.data.usedSek),
            })}
          </p>
          {detail.data.canRequisition ? <RequisitionForm callId={callId} d={detail.data} /> : null}
          <LinkedFunding d={detail.data} />
          {detail.data.canReport ? <ReportForm callId={callId} d={detail.data} /> : null}
        </div>
      )}
    </Section>
  );
}

function useSaved(callId: string, code: string) {
  const qc = useQueryClient();
  return (d: AllocationDetail) => {
    qc.setQueryData(detailKey(callId, code), d);
    void qc.invalidateQueries({ queryKey: overviewKey(callId), exact: true });
  };
}

function RequisitionForm({ callId, d }: { callId: string; d: AllocationDetail }) {
  const { t, i18n } = useTranslation();
  const saved = useSaved(callId, d.municipality.code);
  const cf = useContractForm(Requisition, {
    id: `requisition-${d.municipality.code}`,
    defaultValues: { amountSek: (d.requisitionedSek || d.allocatedSek) as number },
    labels: { amountSek: t('fundingCalls.own.amount') },
    onSubmit: async (values) => {
      const view = await api.post(
        `/funding-calls/${callId}/allocations/${d.municipality.code}/requisition`,
        AllocationDetail,
        values,
      );
      saved(view);
      return t('fundingCalls.own.requisitioned', { amount: formatSek(view.requisitionedSek, i18n.language) });
    },
  });
  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate>
      <h3 className="ds-heading" data-size="xs">
        {t('fundingCalls.own.requisitionTitle')}
      </h3>
      {cf.summary}
      <ContractTextField
        cf={cf}
        name="amountSek"
        required
        asNumber
        inputMode="numeric"
        autoComplete="off"
        hint={t('fundingCalls.own.amountHint', { allocated: formatSek(d.allocatedSek, i18n.language) })}
      />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={t('fundingCalls.own.requisition')}
          busyLabel={t('fundingCalls.saving')}
        />
      </div>
      {cf.saved}
    </form>
  );
}

function LinkedFunding({ d }: { d: AllocationDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <div>
      <h3 className="ds-heading" data-size="xs">
        {t('fundingCalls.own.linkedTitle')}
      </h3>
      {d.linkedFunding.length === 0 ? (
        <p className="ds-paragraph">{t('fundingCalls.own.noLinked')}</p>
      ) : (
        <ul>
          {d.linkedFunding.map((f) => (
            <li key={f.id}>
              <Link className="ds-link" to={`/insatser/${f.initiative.id}`}>
                {f.initiative.name}
              </Link>{' '}
              {t('fundingCalls.own.linkedRow', { year: f.year, used: formatSek(f.usedSek, i18n.language) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ReportForm({ callId, d }: { callId: string; d: AllocationDetail }) {
  const { t } = useTranslation();
  const saved = useSaved(callId, d.municipality.code);
  const cf = useContractForm(FundingReport, {
    id: `report-${d.municipality.code}`,
    defaultValues: { text: d.reportText ?? '' },
    labels: { text: t('fundingCalls.own.reportText') },
    onSubmit: async (values) => {
      saved(
        await api.post(
          `/funding-calls/${callId}/allocations/${d.municipality.code}/report`,
          AllocationDetail,
          values,
        ),
      );
      return t('fundingCalls.own.reported');
    },
  });
  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate>
      <h3 className="ds-heading" data-size="xs">
        {d.reportedAt ? t('fundingCalls.own.reportAgainTitle') : t('fundingCalls.own.reportTitle')}
      </h3>
      {cf.summary}
      <ContractTextAreaField cf={cf} name="text" required rows={5} hint={t('fundingCalls.own.reportHint')} />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={t('fundingCalls.own.report')}
          busyLabel={t('fundingCalls.saving')}
        />
      </div>
      {cf.saved}
    </form>
  );
}
