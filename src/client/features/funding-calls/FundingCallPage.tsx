import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type FundingCallStatus, FundingCallView } from '../../../shared/contracts/funding-calls.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { formatSek, formatShortDate } from '../../lib/format.ts';
import { AllocationsTable } from './AllocationsTable.tsx';
import { callKey, fundingKey, useAllocations, useFundingCall } from './data.ts';
import { KeyUpload } from './KeyUpload.tsx';
import { OwnAllocation } from './OwnAllocation.tsx';

/**
 * `/stimulansmedel/:id`: the call's facts; for its owners the status and the allocation key; the
 * overview of allocated, requisitioned, used, reported and at risk (with totals); and for a
 * municipality's coordinator her own allocation with the requisition and report forms.
 */
export function FundingCallPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const call = useFundingCall(id);
  const overview = useAllocations(id);
  if (call.isPending) return <Loading />;
  if (call.isError) return <QueryFailure error={call.error} onRetry={() => void call.refetch()} />;
  const c = call.data;
  const lang = i18n.language;
  const own =
    overview.data?.rows.filter((r) => r.canRequisition || r.canReport || overview.data.view === 'own') ?? [];
  return (
    <Page
      title={c.title}
      lead={c.description}
      breadcrumbs={[{ to: '/stimulansmedel', label: t('fundingCalls.list.title') }, { label: c.title }]}
    >
      <dl className="funding-facts">
        <dt>{t('fundingCalls.fields.owner')}</dt>
        <dd>{c.owner.name}</dd>
        <dt>{t('fundingCalls.fields.totalSek')}</dt>
        <dd>{formatSek(c.totalSek, lang)}</dd>
        <dt>{t('fundingCalls.fields.allocationKey')}</dt>
        <dd>{t(`fundingCalls.allocationKey.${c.allocationKey}`)}</dd>
        <dt>{t('fundingCalls.fields.requisitionDeadline')}</dt>
        <dd>{formatShortDate(c.requisitionDeadline, lang)}</dd>
        <dt>{t('fundingCalls.fields.reportingDeadline')}</dt>
        <dd>{formatShortDate(c.reportingDeadline, lang)}</dd>
        <dt>{t('fundingCalls.fields.status')}</dt>
        <dd>{t(`fundingCalls.status.${c.status}`)}</dd>
      </dl>
      {c.canManage ? <StatusButtons call={c} /> : null}
      {own.map((r) => (
        <OwnAllocation
          key={r.municipality.code}
          callId={c.id}
          code={r.municipality.code}
          name={r.municipality.name}
        />
      ))}
      <Section title={t('fundingCalls.overview.title')} id="funding-overview">
        <AllocationsTable query={overview} />
      </Section>
      {c.canManage ? (
        <Section title={t('fundingCalls.key.title')} id="funding-key">
          <KeyUpload call={c} />
        </Section>
      ) : null}
    </Page>
  );
}

/** Opening lets the municipalities requisition; closing stops it. */
function StatusButtons({ call }: { call: FundingCallView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (status: FundingCallStatus) =>
      api.patch(`/funding-calls/${call.id}`, FundingCallView, { status }),
    onSuccess: (view) => {
      qc.setQueryData(callKey(call.id), view);
      void qc.invalidateQueries({ queryKey: fundingKey });
      setMessage(t(`fundingCalls.statusChanged.${view.status}`));
    },
  });
  const next: FundingCallStatus[] = call.status === 'open' ? ['closed'] : ['open'];
  return (
    <>
      <LiveStatus message={message} />
      {change.isError ? <ErrorAlert error={change.error} /> : null}
      <div className="funding-actions">
        {next.map((s) => (
          <button
            key={s}
            type="button"
            className="ds-button"
            data-variant="secondary"
            aria-busy={change.isPending || undefined}
            onClick={() => {
              setMessage(null);
              change.mutate(s);
            }}
          >
            {t(`fundingCalls.setStatus.${s}`)}
          </button>
        ))}
      </div>
    </>
  );
}
