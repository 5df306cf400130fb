import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  CreateExternalContact,
  type ExternalContactChoices,
  ExternalContactView,
  externalActorKinds,
  externalContactKinds,
} from '../../../shared/contracts/external-contacts.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractCheckboxGroup,
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
  useUnsavedChangesWarning,
} from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/i18n.ts';
import { useTechnologies } from '../cases/case-queries.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { contactKey, contactPath, contactsKey, useChoices, useContact } from './data.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** `/kontakter/ny`: a region's or association's coordinator logs a contact with an external actor. */
export function NewExternalContactPage() {
  const { t } = useTranslation();
  const choices = useChoices();
  const crumbs = [
    { to: '/kontakter', label: t('externalContacts.list.title') },
    { label: t('externalContacts.create.title') },
  ];
  if (choices.isPending) return <Loading />;
  if (choices.isError) return <QueryFailure error={choices.error} onRetry={() => void choices.refetch()} />;
  const writable = choices.data.owners.filter((o) => o.canWrite);
  if (!writable.length) return <NotFoundPage forbidden />;
  return (
    <Page
      title={t('externalContacts.create.title')}
      lead={t('externalContacts.create.lead')}
      breadcrumbs={crumbs}
    >
      <ContactFields existing={null} owners={writable} />
    </Page>
  );
}

/** `/kontakter/:id/andra`: the owner's coordinators change a logged contact. */
export function EditExternalContactPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contact = useContact(id);
  if (contact.isPending) return <Loading />;
  if (contact.isError) return <QueryFailure error={contact.error} onRetry={() => void contact.refetch()} />;
  const c = contact.data;
  if (!c.canEdit) return <NotFoundPage forbidden />;
  return (
    <Page
      title={t('externalContacts.edit.title')}
      breadcrumbs={[
        { to: '/kontakter', label: t('externalContacts.list.title') },
        { to: contactPath(c.id), label: c.topic },
        { label: t('externalContacts.edit.crumb') },
      ]}
    >
      <ContactFields existing={c} owners={[{ ...c.owner, canWrite: true }]} />
    </Page>
  );
}

type Owner = ExternalContactChoices['owners'][number];

function ContactFields({ existing, owners }: { existing: ExternalContactView | null; owners: Owner[] }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const technologies = useTechnologies(i18n.language);
  const cf = useContractForm(CreateExternalContact, {
    id: 'contact-form',
    defaultValues: {
      ownerId: existing?.owner.id ?? owners[0]!.id,
      occurredOn: existing?.occurredOn ?? today(),
      kind: existing?.kind ?? 'meeting',
      actorKind: existing?.actorKind ?? 'supplier',
      actorName: existing?.actorName ?? '',
      supplierId: existing?.supplier?.id ?? null,
      meetingId: existing?.meeting?.id ?? null,
      procurementId: existing?.procurement?.id ?? null,
      topic: existing?.topic ?? '',
      outcome: existing?.outcome ?? null,
      followUp: existing?.followUp ?? null,
      followUpOn: existing?.followUpOn ?? null,
      technologyKeys: existing?.technologies.map((x) => x.key) ?? [],
      municipalityIds: existing?.municipalities.map((m) => m.id) ?? [],
    },
    labels: {
      ownerId: t('externalContacts.fields.owner'),
      occurredOn: t('externalContacts.fields.occurredOn'),
      kind: t('externalContacts.fields.kind'),
      actorKind: t('externalContacts.fields.actorKind'),
      actorName: t('externalContacts.fields.actorName'),
      supplierId: t('externalContacts.fields.supplier'),
      meetingId: t('externalContacts.fields.meeting'),
      procurementId: t('externalContacts.fields.procurement'),
      topic: t('externalContacts.fields.topic'),
      outcome: t('externalContacts.fields.outcome'),
      followUp: t('externalContacts.fields.followUp'),
      followUpOn: t('externalContacts.fields.followUpOn'),
      technologyKeys: t('externalContacts.fields.technologies'),
      municipalityIds: t('externalContacts.fields.municipalities'),
    },
    onSubmit: async ({ ownerId, ...values }, { form }) => {
      const c = existing
        ? await api.put(`/external-contacts/${existing.id}`, ExternalContactView, values)
        : await api.post('/external-contacts', ExternalContactView, { ownerId, ...values });
      form.reset(form.getValues());
      void qc.invalidateQueries({ queryKey: contactsKey });
      qc.setQueryData(contactKey(c.id), c);
      navigate(contactPath(c.id));
    },
  });
  const ownerId = cf.form.watch('ownerId');
  const choices = useChoices(ownerId);
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty && !cf.busy);
  const none = t('externalContacts.form.none');

  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate>
      {leaving}
      {cf.summary}
      {owners.length > 1 ? (
        <ContractSelectField
          cf={cf}
          name="ownerId"
          required
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        />
      ) : null}
      <ContractTextField cf={cf} name="occurredOn" type="date" required />
      <ContractSelectField
        cf={cf}
        name="kind"
        required
        options={externalContactKinds.map((k) => ({ value: k, label: t(`externalContacts.kind.${k}`) }))}
      />
      <ContractSelectField
        cf={cf}
        name="actorKind"
        required
        options={externalActorKinds.map((k) => ({ value: k, label: t(`externalContacts.actorKind.${k}`) }))}
      />
      <ContractTextField
        cf={cf}
        name="actorName"
        required
        maxLength={200}
        hint={t('externalContacts.form.actorNameHint')}
      />
      <ContractTextField cf={cf} name="topic" required maxLength={300} />
      <ContractTextAreaField
        cf={cf}
        name="outcome"
        rows={6}
        maxLength={8000}
        hint={t('externalContacts.form.outcomeHint')}
      />
      {technologies.data ? (
        <ContractCheckboxGroup
          cf={cf}
          name="technologyKeys"
          columns
          options={technologies.data.items.map((x) => ({ value: x.key, label: x.name }))}
        />
      ) : (
        <Loading />
      )}
      {choices.isPending ? (
        <Loading />
      ) : choices.isError ? (
        <QueryFailure error={choices.error} onRetry={() => void choices.refetch()} />
      ) : (
        <>
          <ContractCheckboxGroup
            cf={cf}
            name="municipalityIds"
            columns
            hint={t('externalContacts.form.municipalitiesHint')}
            options={choices.data.municipalities.map((m) => ({ value: m.id, label: m.name }))}
          />
          <ContractSelectField
            cf={cf}
            name="supplierId"
            placeholder={none}
            hint={t('externalContacts.form.supplierHint')}
            options={choices.data.suppliers.map((s) => ({ value: s.id, label: s.name }))}
          />
          <ContractSelectField
            cf={cf}
            name="meetingId"
            placeholder={none}
            hint={t('externalContacts.form.meetingHint')}
            options={choices.data.meetings.map((m) => ({
              value: m.id,
              label: `${m.title} (${formatDateTime(m.startsAt)})`,
            }))}
          />
          <ContractSelectField
            cf={cf}
            name="procurementId"
            placeholder={none}
            options={choices.data.procurements.map((p) => ({ value: p.id, label: p.title }))}
          />
        </>
      )}
      <ContractTextAreaField cf={cf} name="followUp" rows={3} maxLength={2000} />
      <ContractTextField
        cf={cf}
        name="followUpOn"
        type="date"
        emptyAsNull
        hint={t('externalContacts.form.followUpOnHint')}
      />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={existing ? t('externalContacts.edit.submit') : t('externalContacts.create.submit')}
          busyLabel={t('externalContacts.form.saving')}
        />
        {existing ? (
          <Link className="ds-link" to={contactPath(existing.id)}>
            {t('externalContacts.edit.cancel')}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
