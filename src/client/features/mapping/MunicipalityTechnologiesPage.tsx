import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type AdoptionStatus,
  AdoptionUpdate,
  type AdoptionView,
  adoptionStatuses,
  MunicipalityTechnologies,
} from '../../../shared/contracts/mapping.ts';
import { Loading, Tag } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractSelectField, ContractTextField, useContractForm } from '../../components/form/index.ts';
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

/** A municipality's welfare technologies: where each stands and how much it is used; its coordinators edit. */
export function MunicipalityTechnologiesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { code = '' } = useParams();
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ text: string; n: number } | null>(null);
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
      <div role="status" aria-live="polite" className="live-status">
        {saved ? (
          // The edit form closes on saving: focus moves to the saved message, not to the page body.
          <div
            className="ds-alert"
            data-color="success"
            key={saved.n}
            tabIndex={-1}
            ref={(el) => el?.focus()}
          >
            <p className="ds-paragraph">{saved.text}</p>
          </div>
        ) : null}
      </div>
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
            setSaved((s) => ({ text: t('mapping.technologies.saved', { name }), n: (s?.n ?? 0) + 1 }));
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
  const label = (f: string) => t(`mapping.technologies.${f}`);
  const cf = useContractForm(AdoptionUpdate, {
    id: 'technology-edit',
    // The API takes a list; this form sends one item, so the server's `items.0.status` is `status` here.
    serverPrefix: 'items.0',
    defaultValues: {
      technologyKey: item.technology.key,
      status: item.status ?? undefined,
      since: item.since,
      scope: item.scope ?? '',
      usersServed: item.usersServed,
      eligibleUsers: item.eligibleUsers,
      contactName: item.contactName ?? '',
      contactEmail: item.contactEmail,
      comment: item.comment ?? '',
      evidenceUrl: item.evidenceUrl,
    },
    labels: {
      status: label('status'),
      since: label('since'),
      scope: label('scope'),
      usersServed: label('usersServed'),
      eligibleUsers: label('eligibleUsers'),
      contactName: label('contactName'),
      contactEmail: label('contactEmail'),
      comment: label('comment'),
      evidenceUrl: label('evidenceUrl'),
    },
    onSubmit: async (update) => {
      const next = await api.put(
        `/municipalities/${encodeURIComponent(code)}/technologies${qs({ lang: i18n.language })}`,
        MunicipalityTechnologies,
        {
          items: [
            {
              ...update,
              scope: update.scope || null,
              contactName: update.contactName || null,
              comment: update.comment || null,
            },
          ],
        },
      );
      qc.setQueryData(['municipality-technologies', code, i18n.language], next);
      onDone(item.technology.name);
    },
  });

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
      <form onSubmit={cf.onSubmit} noValidate className="stack">
        {cf.summary}
        <ContractSelectField
          cf={cf}
          name="status"
          required
          placeholder={t('mapping.technologies.chooseStatus')}
          options={adoptionStatuses.map((s) => ({ value: s, label: t(`mapping.status.${s}`) }))}
        />
        <ContractTextField cf={cf} name="since" type="date" emptyAsNull />
        <ContractTextField cf={cf} name="scope" hint={t('mapping.technologies.scopeHint')} maxLength={500} />
        <ContractTextField cf={cf} name="usersServed" inputMode="numeric" asNumber />
        <ContractTextField
          cf={cf}
          name="eligibleUsers"
          hint={t('mapping.technologies.eligibleHint')}
          inputMode="numeric"
          asNumber
        />
        <ContractTextField cf={cf} name="contactName" maxLength={200} />
        <ContractTextField cf={cf} name="contactEmail" type="email" emptyAsNull />
        <ContractTextField cf={cf} name="comment" maxLength={2000} />
        <ContractTextField
          cf={cf}
          name="evidenceUrl"
          type="url"
          emptyAsNull
          hint={t('mapping.technologies.evidenceHint')}
        />
        <p className="card-actions">
          <SubmitButton
            busy={cf.busy}
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
