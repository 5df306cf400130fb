import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Ok } from '../../../shared/contracts/common.ts';
import { ExternalContactView } from '../../../shared/contracts/external-contacts.ts';
import { ConfirmStep } from '../../components/ConfirmStep.tsx';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/i18n.ts';
import { supplierPath } from '../suppliers/data.ts';
import { contactKey, contactPath, contactsKey, meetingPath, useContact } from './data.ts';

/** `/kontakter/:id`: what was said with an external actor, what came of it and what follows. */
export function ExternalContactPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contact = useContact(id);
  if (contact.isPending) return <Loading />;
  if (contact.isError) return <QueryFailure error={contact.error} onRetry={() => void contact.refetch()} />;
  const c = contact.data;
  return (
    <Page
      title={c.topic}
      breadcrumbs={[{ to: '/kontakter', label: t('externalContacts.list.title') }, { label: c.topic }]}
    >
      <Facts contact={c} />
      {c.outcome ? (
        <section aria-labelledby="contact-outcome">
          <h2 className="ds-heading" data-size="xs" id="contact-outcome">
            {t('externalContacts.fields.outcome')}
          </h2>
          <p className="ds-paragraph contact-text">{c.outcome}</p>
        </section>
      ) : null}
      <FollowUp contact={c} />
      {c.canEdit ? <Actions contact={c} /> : null}
      <p className="ds-paragraph contact-meta" data-size="sm">
        {t('externalContacts.page.logged', {
          name: c.createdBy ?? t('externalContacts.page.unknownPerson'),
          at: formatDateTime(c.createdAt),
        })}
      </p>
    </Page>
  );
}

function Facts({ contact: c }: { contact: ExternalContactView }) {
  const { t } = useTranslation();
  const none = t('externalContacts.page.none');
  return (
    <dl className="contact-facts">
      <dt>{t('externalContacts.fields.occurredOn')}</dt>
      <dd>{formatDate(c.occurredOn)}</dd>
      <dt>{t('externalContacts.fields.kind')}</dt>
      <dd>{t(`externalContacts.kind.${c.kind}`)}</dd>
      <dt>{t('externalContacts.fields.actorName')}</dt>
      <dd>
        {c.actorName} ({t(`externalContacts.actorKind.${c.actorKind}`)})
      </dd>
      <dt>{t('externalContacts.fields.supplier')}</dt>
      <dd>
        {c.supplier ? (
          <Link className="ds-link" to={supplierPath(c.supplier.id)}>
            {c.supplier.name}
          </Link>
        ) : (
          none
        )}
      </dd>
      <dt>{t('externalContacts.fields.meeting')}</dt>
      <dd>
        {c.meeting ? (
          <Link className="ds-link" to={meetingPath(c.meeting)}>
            {c.meeting.title} ({formatDateTime(c.meeting.startsAt)}, {c.meeting.networkName})
          </Link>
        ) : (
          none
        )}
      </dd>
      <dt>{t('externalContacts.fields.procurement')}</dt>
      <dd>{c.procurement ? c.procurement.title : none}</dd>
      <dt>{t('externalContacts.fields.technologies')}</dt>
      <dd>{c.technologies.map((x) => x.name).join(', ') || none}</dd>
      <dt>{t('externalContacts.fields.municipalities')}</dt>
      <dd>{c.municipalities.map((m) => m.name).join(', ') || none}</dd>
      <dt>{t('externalContacts.fields.owner')}</dt>
      <dd>{c.owner.name}</dd>
    </dl>
  );
}

function FollowUp({ contact: c }: { contact: ExternalContactView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const done = useMutation({
    mutationFn: () => api.post(`/external-contacts/${c.id}/follow-up-done`, ExternalContactView),
    onSuccess: (view) => {
      qc.setQueryData(contactKey(c.id), view);
      void qc.invalidateQueries({ queryKey: contactsKey });
      void qc.invalidateQueries({ queryKey: ['me', 'start'] });
    },
  });
  if (!c.followUp && !c.followUpOn) return null;
  return (
    <section aria-labelledby="contact-follow-up">
      <h2 className="ds-heading" data-size="xs" id="contact-follow-up">
        {t('externalContacts.fields.followUp')}
      </h2>
      {c.followUp ? <p className="ds-paragraph contact-text">{c.followUp}</p> : null}
      {c.followUpOn ? (
        <p className="ds-paragraph" role={done.isSuccess ? 'status' : undefined}>
          {c.followUpDoneAt
            ? t('externalContacts.followUp.doneOn', { date: formatDate(c.followUpDoneAt) })
            : t('externalContacts.followUp.dueOn', { date: formatDate(c.followUpOn) })}
        </p>
      ) : null}
      {done.isError ? <ErrorAlert error={done.error} /> : null}
      {c.canEdit && c.followUpOn && !c.followUpDoneAt ? (
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          aria-busy={done.isPending || undefined}
          onClick={() => {
            if (!done.isPending) done.mutate();
          }}
        >
          {t('externalContacts.followUp.markDone')}
        </button>
      ) : null}
    </section>
  );
}

function Actions({ contact: c }: { contact: ExternalContactView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.delete(`/external-contacts/${c.id}`, Ok),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: contactsKey });
      navigate('/kontakter');
    },
  });
  return (
    <section aria-label={t('externalContacts.page.actions')} className="form-actions">
      <Link className="ds-button" data-variant="secondary" to={`${contactPath(c.id)}/andra`}>
        {t('externalContacts.page.edit')}
      </Link>
      {confirming ? (
        <ConfirmStep
          title={t('externalContacts.page.deleteQuestion')}
          titleAs="p"
          confirmLabel={t('externalContacts.page.delete')}
          busyLabel={t('externalContacts.page.deleting')}
          busy={remove.isPending}
          cancelLabel={t('externalContacts.page.cancel')}
          onConfirm={() => remove.mutate()}
          onCancel={() => setConfirming(false)}
          returnFocusTo="contact-delete"
          color="warning"
        >
          {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        </ConfirmStep>
      ) : (
        <button
          type="button"
          id="contact-delete"
          className="ds-button"
          data-variant="tertiary"
          onClick={() => setConfirming(true)}
        >
          {t('externalContacts.page.delete')}
        </button>
      )}
    </section>
  );
}
