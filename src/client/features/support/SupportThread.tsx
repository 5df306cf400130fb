import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PostSupportMessage, SupportRequestView } from '../../../shared/contracts/support.ts';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractTextAreaField, useContractForm } from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/i18n.ts';
import { requestKey, supportKey } from './support-queries.ts';

/** The request's history, oldest first: messages from both sides, assignments and status changes. */
export function SupportThread({ r }: { r: SupportRequestView }) {
  const { t } = useTranslation();
  return (
    <ol className="support-thread">
      {r.events.map((e) => (
        <li key={e.id} className={`support-event support-event-${e.side}`}>
          <p className="support-event-meta">
            {[
              e.author ?? t('support.thread.someone'),
              t(`support.side.${e.side}`),
              formatDateTime(e.at),
            ].join(' · ')}
          </p>
          {e.kind === 'message' ? (
            <p className="ds-paragraph support-message">{e.body}</p>
          ) : e.kind === 'assigned' ? (
            <p className="ds-paragraph">
              {e.assignee
                ? t('support.thread.assigned', { name: e.assignee.name })
                : t('support.thread.unassigned')}
            </p>
          ) : (
            <p className="ds-paragraph">
              {t('support.thread.status', { status: t(`support.status.${e.status ?? 'new'}`) })}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** A message in the thread: the provider's answers the request, the municipality's goes back to the queue. */
export function SupportMessageForm({ r }: { r: SupportRequestView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const cf = useContractForm(PostSupportMessage, {
    id: 'support-message',
    defaultValues: { body: '' },
    labels: { body: t(r.side === 'provider' ? 'support.thread.answer' : 'support.thread.message') },
    onSubmit: async (values, { form }) => {
      const view = await api.post(`/support-requests/${r.id}/messages`, SupportRequestView, values);
      qc.setQueryData(requestKey(r.id), view);
      void qc.invalidateQueries({ queryKey: supportKey });
      form.reset({ body: '' });
      return t('support.thread.sent');
    },
  });
  return (
    <form className="support-form" onSubmit={cf.onSubmit} noValidate>
      {cf.summary}
      <ContractTextAreaField cf={cf} name="body" required maxLength={8000} rows={6} />
      <SubmitButton
        busy={cf.busy}
        label={t(r.side === 'provider' ? 'support.thread.sendAnswer' : 'support.thread.send')}
        busyLabel={t('support.thread.sending')}
      />
      {cf.saved}
    </form>
  );
}
