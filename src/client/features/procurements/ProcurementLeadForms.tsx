import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  AddChecklistItem,
  InviteParticipants,
  ProcurementView,
  procurementPhases,
  UpdateProcurement,
} from '../../../shared/contracts/procurements.ts';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractCheckboxGroup,
  ContractSelectField,
  ContractTextField,
  useContractForm,
} from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';
import { procurementKey, procurementsKey } from './procurement-queries.ts';

/** After a change: the procurement as the server answered, and the lists again. */
function useStore(id: string) {
  const qc = useQueryClient();
  return (p: ProcurementView) => {
    qc.setQueryData(procurementKey(id), p);
    void qc.invalidateQueries({ queryKey: procurementsKey });
  };
}

/** The lead moves the procurement to another phase; back only with a reason (the log keeps it). */
export function PhaseForm({ p }: { p: ProcurementView }) {
  const { t } = useTranslation();
  const store = useStore(p.id);
  const cf = useContractForm(UpdateProcurement, {
    id: 'procurement-phase',
    defaultValues: { version: p.version, phase: p.phase, reason: undefined },
    labels: {
      phase: t('procurements.fields.phase'),
      reason: t('procurements.lead.reason'),
      version: t('procurements.lead.version'),
    },
    onSubmit: async (values, { form }) => {
      // The version of the procurement as shown now (a ticked item raises it), not as the form opened.
      const next = await api.patch(`/procurements/${p.id}`, ProcurementView, {
        version: p.version,
        phase: values.phase,
        ...(values.reason ? { reason: values.reason } : {}),
      });
      store(next);
      form.reset({ version: next.version, phase: next.phase, reason: undefined });
      return t('procurements.lead.phaseSaved', { phase: t(`procurements.phases.${next.phase}`) });
    },
  });
  return (
    <form className="procurement-form" onSubmit={cf.onSubmit} noValidate>
      <h3 className="ds-heading" data-size="2xs">
        {t('procurements.lead.phaseHeading')}
      </h3>
      {cf.summary}
      <ContractSelectField
        cf={cf}
        name="phase"
        required
        options={procurementPhases.map((x) => ({ value: x, label: t(`procurements.phases.${x}`) }))}
      />
      <ContractTextField
        cf={cf}
        name="reason"
        emptyAsUndefined
        maxLength={1000}
        hint={t('procurements.lead.reasonHint')}
      />
      <SubmitButton
        busy={cf.busy}
        variant="secondary"
        label={t('procurements.lead.phaseSubmit')}
        busyLabel={t('procurements.saving')}
      />
      {cf.saved}
    </form>
  );
}

/** The lead invites more municipalities of its region or association. */
export function InviteForm({ p }: { p: ProcurementView }) {
  const { t } = useTranslation();
  const store = useStore(p.id);
  const cf = useContractForm(InviteParticipants, {
    id: 'procurement-invite',
    defaultValues: { municipalityCodes: [] },
    labels: { municipalityCodes: t('procurements.lead.invite') },
    onSubmit: async (values, { form }) => {
      store(await api.post(`/procurements/${p.id}/participants`, ProcurementView, values));
      form.reset({ municipalityCodes: [] });
      return t('procurements.lead.invited', { count: values.municipalityCodes.length });
    },
  });
  if (!p.invitable.length) return null;
  return (
    <form className="procurement-form" onSubmit={cf.onSubmit} noValidate>
      {cf.summary}
      <ContractCheckboxGroup
        cf={cf}
        name="municipalityCodes"
        columns
        options={p.invitable.map((m) => ({ value: m.code, label: m.name }))}
      />
      <SubmitButton
        busy={cf.busy}
        variant="secondary"
        label={t('procurements.lead.inviteSubmit')}
        busyLabel={t('procurements.saving')}
      />
      {cf.saved}
    </form>
  );
}

/** The lead adds a step of its own to a phase's checklist. */
export function ChecklistForm({ p }: { p: ProcurementView }) {
  const { t } = useTranslation();
  const store = useStore(p.id);
  const cf = useContractForm(AddChecklistItem, {
    id: 'procurement-checklist',
    defaultValues: { phase: p.phase, label: '' },
    labels: { phase: t('procurements.fields.phase'), label: t('procurements.lead.checklistLabel') },
    onSubmit: async (values, { form }) => {
      store(await api.post(`/procurements/${p.id}/checklist`, ProcurementView, values));
      form.reset({ phase: values.phase, label: '' });
      return t('procurements.lead.checklistAdded');
    },
  });
  return (
    <form className="procurement-form" onSubmit={cf.onSubmit} noValidate>
      <h3 className="ds-heading" data-size="2xs">
        {t('procurements.lead.checklistHeading')}
      </h3>
      {cf.summary}
      <ContractSelectField
        cf={cf}
        name="phase"
        required
        options={procurementPhases.map((x) => ({ value: x, label: t(`procurements.phases.${x}`) }))}
      />
      <ContractTextField cf={cf} name="label" required maxLength={300} />
      <SubmitButton
        busy={cf.busy}
        variant="secondary"
        label={t('procurements.lead.checklistSubmit')}
        busyLabel={t('procurements.saving')}
      />
      {cf.saved}
    </form>
  );
}
