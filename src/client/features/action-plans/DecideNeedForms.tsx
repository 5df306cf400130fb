import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ActionPlanSummary,
  DeclineNeed,
  Need,
  PrioritiseNeed,
} from '../../../shared/contracts/action-plans.ts';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
} from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';

function CancelButton({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="ds-button" data-variant="tertiary" onClick={onCancel}>
      {t('actionPlans.cancel')}
    </button>
  );
}

const focusOnMount = (id: string) => () => document.getElementById(id)?.focus();

/** The regional coordinator prioritises a need into one of the region's plans, creating an initiative. */
export function PrioritiseNeedForm({
  need,
  plans,
  onDone,
  onCancel,
}: {
  need: Need;
  plans: ActionPlanSummary[];
  onDone: (n: Need) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const cf = useContractForm(PrioritiseNeed, {
    id: `prioritise-${need.id}`,
    defaultValues: { planId: plans[0]?.id ?? '', title: need.title, note: '' },
    labels: {
      planId: t('needs.decide.plan'),
      title: t('needs.decide.initiativeTitle'),
      priority: t('needs.decide.priority'),
      note: t('needs.decide.note'),
    },
    // The need's own title and an empty note are left out: the server keeps the need's title then.
    onSubmit: async ({ title, note, ...rest }) =>
      onDone(
        await api.post(`/needs/${need.id}/prioritise`, Need, {
          ...rest,
          ...(title && title !== need.title ? { title } : {}),
          ...(note ? { note } : {}),
        }),
      ),
  });
  useEffect(focusOnMount(cf.fieldId('planId')), []);
  if (plans.length === 0) {
    return (
      <div className="need-form">
        <p className="ds-paragraph">{t('needs.decide.noPlans')}</p>
        <CancelButton onCancel={onCancel} />
      </div>
    );
  }
  return (
    <form onSubmit={cf.onSubmit} noValidate className="form need-form">
      {cf.summary}
      <ContractSelectField
        cf={cf}
        name="planId"
        required
        options={plans.map((p) => ({ value: p.id, label: p.title }))}
      />
      <ContractTextField cf={cf} name="title" maxLength={200} />
      <ContractTextField
        cf={cf}
        name="priority"
        hint={t('needs.decide.priorityHint')}
        inputMode="numeric"
        asNumber
        emptyAsUndefined
        maxLength={6}
      />
      <ContractTextAreaField cf={cf} name="note" maxLength={2000} rows={2} />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={t('needs.decide.prioritiseSubmit')}
          busyLabel={t('needs.saving')}
        />
        <CancelButton onCancel={onCancel} />
      </div>
    </form>
  );
}

/** The regional coordinator declines a need, with the reason the proposer will read. */
export function DeclineNeedForm({
  need,
  onDone,
  onCancel,
}: {
  need: Need;
  onDone: (n: Need) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const cf = useContractForm(DeclineNeed, {
    id: `decline-${need.id}`,
    defaultValues: { note: '' },
    labels: { note: t('needs.decide.reason') },
    onSubmit: async (body) => onDone(await api.post(`/needs/${need.id}/decline`, Need, body)),
  });
  useEffect(focusOnMount(cf.fieldId('note')), []);
  return (
    <form onSubmit={cf.onSubmit} noValidate className="form need-form">
      {cf.summary}
      <ContractTextAreaField cf={cf} name="note" required maxLength={2000} rows={3} />
      <div className="form-actions">
        <SubmitButton busy={cf.busy} label={t('needs.decide.declineSubmit')} busyLabel={t('needs.saving')} />
        <CancelButton onCancel={onCancel} />
      </div>
    </form>
  );
}
