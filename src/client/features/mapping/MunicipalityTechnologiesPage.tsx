import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type AdoptionField,
  type AdoptionStatus,
  type AdoptionView,
  adoptionFields,
  adoptionStatuses,
  MunicipalityTechnologies,
} from '../../../shared/contracts/mapping.ts';
import { LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { SelectField, SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, qs } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { AdoptionCsvForm } from './AdoptionCsvForm.tsx';

const statusColor: Record<AdoptionStatus, string> = {
  in_operation: 'success',
  piloting: 'info',
  planned: 'warning',
  not_planned: 'neutral',
  not_relevant: 'neutral',
  discontinued: 'danger',
};

const numberOrNull = (v: string) => (v.trim() === '' ? null : Number(v.replace(/\s/g, '')));
const textOrNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** A municipality's welfare technologies: where each stands and how much it is used; its coordinators edit. */
export function MunicipalityTechnologiesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { code = '' } = useParams();
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const data = useQuery({
    queryKey: ['municipality-technologies', code, lang],
    queryFn: () =>
      api.get(
        `/municipalities/${encodeURIComponent(code)}/technologies${qs({ lang })}`,
        MunicipalityTechnologies,
      ),
  });
  if (data.isPending) return <Loading />;
  if (data.isError) return <QueryFailure error={data.error} onRetry={() => void data.refetch()} />;
  const d = data.data;
  const recorded = d.items.filter((i) => i.status !== null).length;
  return (
    <Page
      title={t('mapping.technologies.title', { name: d.municipality.name })}
      lead={t('mapping.technologies.lead', { recorded, count: d.items.length })}
    >
      <LiveStatus message={saved} />
      <TableWrap label={t('mapping.technologies.caption', { name: d.municipality.name })}>
        <table className="ds-table" data-border="true">
          <caption>{t('mapping.technologies.caption', { name: d.municipality.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mapping.technologies.technology')}</th>
              <th scope="col">{t('mapping.technologies.status')}</th>
              <th scope="col">{t('mapping.technologies.since')}</th>
              <th scope="col">{t('mapping.technologies.use')}</th>
              <th scope="col">{t('mapping.technologies.updated')}</th>
              {d.canEdit ? <th scope="col">{t('mapping.technologies.change')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {d.items.map((i) => (
              <Row
                key={i.technology.key}
                item={i}
                canEdit={d.canEdit}
                open={editing === i.technology.key}
                onToggle={() => setEditing(editing === i.technology.key ? null : i.technology.key)}
              />
            ))}
          </tbody>
        </table>
      </TableWrap>
      {editing && d.canEdit ? (
        <EditForm
          key={editing}
          code={code}
          item={d.items.find((i) => i.technology.key === editing)!}
          onDone={(name) => {
            setEditing(null);
            setSaved(t('mapping.technologies.saved', { name }));
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {d.canEdit ? <AdoptionCsvForm code={code} /> : null}
      <p>
        <Link className="ds-link" to="/valfardsteknik/katalog">
          {t('mapping.catalogue.link')}
        </Link>
      </p>
    </Page>
  );
}

function Row({
  item,
  canEdit,
  open,
  onToggle,
}: {
  item: AdoptionView;
  canEdit: boolean;
  open: boolean;
  onToggle: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const use =
    item.usersServed !== null && item.eligibleUsers !== null
      ? t('mapping.technologies.useOf', {
          served: item.usersServed.toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE'),
          eligible: item.eligibleUsers.toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE'),
          percent: Math.round((item.useRate ?? 0) * 100),
        })
      : item.usersServed !== null
        ? t('mapping.technologies.users', { count: item.usersServed })
        : '–';
  return (
    <tr>
      <th scope="row">{item.technology.name}</th>
      <td>
        {item.status ? (
          <Tag color={statusColor[item.status]}>{t(`mapping.status.${item.status}`)}</Tag>
        ) : (
          t('mapping.technologies.notRecorded')
        )}
      </td>
      <td>{item.since ? formatDate(item.since) : '–'}</td>
      <td>{use}</td>
      <td>{item.updatedAt ? formatDate(item.updatedAt) : '–'}</td>
      {canEdit ? (
        <td>
          <button
            type="button"
            className="ds-button"
            data-variant="tertiary"
            aria-expanded={open}
            aria-controls="technology-edit"
            onClick={onToggle}
            aria-label={t('mapping.technologies.editTitle', { name: item.technology.name })}
          >
            {t('mapping.technologies.edit')}
          </button>
        </td>
      ) : null}
    </tr>
  );
}

function EditForm({
  code,
  item,
  onDone,
  onCancel,
}: {
  code: string;
  item: AdoptionView;
  onDone: (name: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const form = useFormErrors('technology-edit');
  const [status, setStatus] = useState<AdoptionStatus | ''>(item.status ?? '');
  const [since, setSince] = useState(item.since ?? '');
  const [scope, setScope] = useState(item.scope ?? '');
  const [served, setServed] = useState(item.usersServed?.toString() ?? '');
  const [eligible, setEligible] = useState(item.eligibleUsers?.toString() ?? '');
  const [contactName, setContactName] = useState(item.contactName ?? '');
  const [contactEmail, setContactEmail] = useState(item.contactEmail ?? '');
  const [comment, setComment] = useState(item.comment ?? '');
  const [evidenceUrl, setEvidenceUrl] = useState(item.evidenceUrl ?? '');

  const save = useMutation({
    mutationFn: () =>
      api.put(
        `/municipalities/${encodeURIComponent(code)}/technologies${qs({ lang: i18n.language })}`,
        MunicipalityTechnologies,
        {
          items: [
            {
              technologyKey: item.technology.key,
              status,
              since: since || null,
              scope: textOrNull(scope),
              usersServed: numberOrNull(served),
              eligibleUsers: numberOrNull(eligible),
              contactName: textOrNull(contactName),
              contactEmail: textOrNull(contactEmail),
              comment: textOrNull(comment),
              evidenceUrl: textOrNull(evidenceUrl),
            },
          ],
        },
      ),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!status) errors['items.0.status'] = t('mapping.technologies.statusRequired');
    for (const [field, value] of [
      ['usersServed', served],
      ['eligibleUsers', eligible],
    ] as const) {
      const n = numberOrNull(value);
      if (n !== null && (!Number.isInteger(n) || n < 0))
        errors[`items.0.${field}`] = t('mapping.technologies.wholeNumber');
    }
    if (Object.keys(errors).length) {
      form.fail(errors);
      return;
    }
    form.clear();
    save.mutate(undefined, {
      onSuccess: (next) => {
        qc.setQueryData(['municipality-technologies', code, i18n.language], next);
        onDone(item.technology.name);
      },
      onError: (err) =>
        form.failFromApi(
          err,
          adoptionFields.map((f) => `items.0.${f}`),
        ),
    });
  };
  const err = (f: AdoptionField) => form.errors[`items.0.${f}`];
  const id = (f: AdoptionField) => form.fieldId(`items.0.${f}`);

  return (
    <section className="section" id="technology-edit" aria-labelledby="technology-edit-heading">
      <h2
        className="ds-heading"
        data-size="sm"
        id="technology-edit-heading"
        tabIndex={-1}
        ref={(el) => el?.focus()}
      >
        {t('mapping.technologies.editTitle', { name: item.technology.name })}
      </h2>
      <form onSubmit={submit} noValidate className="stack">
        {form.summary}
        <SelectField
          id={id('status')}
          label={t('mapping.technologies.status')}
          required
          value={status}
          onValueChange={setStatus}
          error={err('status')}
          options={[
            { value: '' as const, label: t('mapping.technologies.chooseStatus') },
            ...adoptionStatuses.map((s) => ({ value: s, label: t(`mapping.status.${s}`) })),
          ]}
        />
        <TextField
          id={id('since')}
          label={t('mapping.technologies.since')}
          type="date"
          value={since}
          onValueChange={setSince}
          error={err('since')}
        />
        <TextField
          id={id('scope')}
          label={t('mapping.technologies.scope')}
          hint={t('mapping.technologies.scopeHint')}
          value={scope}
          onValueChange={setScope}
          error={err('scope')}
          maxLength={500}
        />
        <TextField
          id={id('usersServed')}
          label={t('mapping.technologies.usersServed')}
          inputMode="numeric"
          value={served}
          onValueChange={setServed}
          error={err('usersServed')}
        />
        <TextField
          id={id('eligibleUsers')}
          label={t('mapping.technologies.eligibleUsers')}
          hint={t('mapping.technologies.eligibleHint')}
          inputMode="numeric"
          value={eligible}
          onValueChange={setEligible}
          error={err('eligibleUsers')}
        />
        <TextField
          id={id('contactName')}
          label={t('mapping.technologies.contactName')}
          value={contactName}
          onValueChange={setContactName}
          error={err('contactName')}
          maxLength={200}
        />
        <TextField
          id={id('contactEmail')}
          label={t('mapping.technologies.contactEmail')}
          type="email"
          value={contactEmail}
          onValueChange={setContactEmail}
          error={err('contactEmail')}
        />
        <TextField
          id={id('comment')}
          label={t('mapping.technologies.comment')}
          value={comment}
          onValueChange={setComment}
          error={err('comment')}
          maxLength={2000}
        />
        <TextField
          id={id('evidenceUrl')}
          label={t('mapping.technologies.evidenceUrl')}
          hint={t('mapping.technologies.evidenceHint')}
          type="url"
          value={evidenceUrl}
          onValueChange={setEvidenceUrl}
          error={err('evidenceUrl')}
        />
        <p className="card-actions">
          <SubmitButton
            busy={save.isPending}
            label={t('mapping.technologies.save')}
            busyLabel={t('mapping.technologies.saving')}
          />
          <button type="button" className="ds-button" data-variant="tertiary" onClick={onCancel}>
            {t('mapping.technologies.cancel')}
          </button>
        </p>
      </form>
    </section>
  );
}
