import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  SupportRequestView,
  supportRequestStatuses,
  UpdateSupportRequest,
} from '../../../shared/contracts/support.ts';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractSelectField, useContractForm } from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';
import { requestKey, supportKey } from './support-queries.ts';

/** The provider's handling of a request: whom it is assigned to and its status (closing it too). */
export function SupportManageForm({ r }: { r: SupportRequestView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const cf = useContractForm(UpdateSupportRequest, {
    id: 'support-manage',
    defaultValues: { assigneeId: r.assignee?.id ?? undefined, status: r.status },
    labels: { assigneeId: t('support.manage.assignee'), status: t('support.manage.status') },
    onSubmit: async (values, { form }) => {
      const view = await api.patch(`/support-requests/${r.id}`, SupportRequestView, values);
      qc.setQueryData(requestKey(r.id), view);
      void qc.invalidateQueries({ queryKey: supportKey });
      form.reset({ assigneeId: view.assignee?.id ?? undefined, status: view.status });
      return t('support.manage.saved');
    },
  });
  return (
    <form className="support-form" onSubmit={cf.onSubmit} noValidate>
      {cf.summary}
      <ContractSelectField
        cf={cf}
        name="assigneeId"
        placeholder={t('support.manage.nobody')}
        options={r.assignees.map((a) => ({ value: a.id, label: a.name }))}
      />
      <ContractSelectField
        cf={cf}
        name="status"
        required
        hint={t('support.manage.statusHint')}
        options={supportRequestStatuses.map((s) => ({ value: s, label: t(`support.status.${s}`) }))}
      />
      <SubmitButton busy={cf.busy} label={t('support.manage.save')} busyLabel={t('support.manage.saving')} />
      {cf.saved}
    </form>
  );
}
