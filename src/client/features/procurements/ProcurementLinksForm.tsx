import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NeedList } from '../../../shared/contracts/action-plans.ts';
import { InitiativeList } from '../../../shared/contracts/initiatives.ts';
import { ProcurementLinks, ProcurementView } from '../../../shared/contracts/procurements.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractCheckboxGroup, useContractForm } from '../../components/form/index.ts';
import { api, qs } from '../../lib/api.ts';
import { procurementKey, procurementsKey } from './procurement-queries.ts';

/**
 * The lead names the initiatives that wait for the procurement (the lead's own or a participant's) and
 * the needs of the region's backlog it answers. The lists offered are what the lead may read; those
 * linked already stay offered so that saving does not drop them unseen.
 */
export function ProcurementLinksForm({ p }: { p: ProcurementView }) {
  const owners = new Set([p.lead.id, ...p.participants.map((x) => x.municipality.id)]);
  const initiatives = useQuery({
    queryKey: ['initiatives', 'list', 'for-procurement'],
    queryFn: () => api.get(`/initiatives${qs({ limit: 500 })}`, InitiativeList),
  });
  // Without ?region the backlog is the caller's own region's (or regions').
  const needs = useQuery({
    queryKey: ['needs', 'for-procurement'],
    queryFn: () => api.get('/needs', NeedList),
  });
  if (initiatives.isPending || needs.isPending) return <Loading />;
  if (initiatives.isError)
    return <ErrorAlert error={initiatives.error} onRetry={() => void initiatives.refetch()} />;
  if (needs.isError) return <ErrorAlert error={needs.error} onRetry={() => void needs.refetch()} />;
  const byTitle = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'sv');
  const initiativeOptions = [
    ...p.initiatives.map((i) => ({ value: i.id, label: i.title })),
    ...initiatives.data.items
      .filter((i) => owners.has(i.owner.id) && !p.initiatives.some((x) => x.id === i.id))
      .map((i) => ({ value: i.id, label: `${i.title} (${i.owner.name})` })),
  ].sort(byTitle);
  const needOptions = [
    ...p.needs.map((n) => ({ value: n.id, label: n.title })),
    ...needs.data.items
      .filter((n) => !p.needs.some((x) => x.id === n.id))
      .map((n) => ({ value: n.id, label: `${n.title} (${n.proposedBy.name})` })),
  ].sort(byTitle);
  return <LinksFields p={p} initiativeOptions={initiativeOptions} needOptions={needOptions} />;
}

type Option = { value: string; label: string };

function LinksFields({
  p,
  initiativeOptions,
  needOptions,
}: {
  p: ProcurementView;
  initiativeOptions: Option[];
  needOptions: Option[];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const cf = useContractForm(ProcurementLinks, {
    id: 'procurement-links',
    defaultValues: { initiativeIds: p.initiatives.map((i) => i.id), needIds: p.needs.map((n) => n.id) },
    labels: {
      initiativeIds: t('procurements.linksForm.initiatives'),
      needIds: t('procurements.linksForm.needs'),
    },
    onSubmit: async (values, { form }) => {
      const next = await api.put(`/procurements/${p.id}/links`, ProcurementView, values);
      qc.setQueryData(procurementKey(p.id), next);
      void qc.invalidateQueries({ queryKey: procurementsKey });
      form.reset({ initiativeIds: next.initiatives.map((i) => i.id), needIds: next.needs.map((n) => n.id) });
      return t('procurements.linksForm.saved');
    },
  });
  return (
    <form className="procurement-form" onSubmit={cf.onSubmit} noValidate>
      <h3 className="ds-heading" data-size="2xs">
        {t('procurements.linksForm.heading')}
      </h3>
      {cf.summary}
      {initiativeOptions.length ? (
        <ContractCheckboxGroup cf={cf} name="initiativeIds" options={initiativeOptions} />
      ) : (
        <p className="ds-paragraph">{t('procurements.linksForm.noInitiatives')}</p>
      )}
      {needOptions.length ? (
        <ContractCheckboxGroup cf={cf} name="needIds" options={needOptions} />
      ) : (
        <p className="ds-paragraph">{t('procurements.linksForm.noNeeds')}</p>
      )}
      <SubmitButton
        busy={cf.busy}
        variant="secondary"
        label={t('procurements.linksForm.submit')}
        busyLabel={t('procurements.saving')}
      />
      {cf.saved}
    </form>
  );
}
