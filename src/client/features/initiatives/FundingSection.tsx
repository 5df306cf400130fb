import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LinkableCall } from '../../../shared/contracts/funding-calls.ts';
import {
  CreateFunding,
  Funding,
  fundingSources,
  type InitiativeView,
} from '../../../shared/contracts/initiatives.ts';
import { ContractSelectField, ContractTextField, useContractForm } from '../../components/form/index.ts';
import { Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { formatSek } from '../../lib/format.ts';
import { callPath, useLinkableCalls } from '../funding-calls/data.ts';
import { useFocusFirstField, useInvalidateInitiative } from './page-data.ts';
import { ChildEditorFooter, type Editing, RowActions, SaveOrCancel, useRemove } from './RowActions.tsx';
import { useReportUnsaved } from './unsaved-forms.tsx';

const amounts = ['appliedSek', 'grantedSek', 'usedSek'] as const;
type AmountField = (typeof amounts)[number];

function FundingForm({
  initiativeId,
  funding,
  calls,
  onDone,
  onCancel,
}: {
  initiativeId: string;
  funding: Funding | null;
  /** The stimulus-fund calls the row can come from (issue 17). */
  calls: LinkableCall[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateInitiative(initiativeId);
  const label = (f: string) => t(`initiativePage.funding.${f}`);
  const cf = useContractForm(CreateFunding, {
    id: 'funding',
    defaultValues: {
      source: funding?.source ?? 'stimulus',
      year: funding?.year ?? new Date().getFullYear(),
      appliedSek: funding?.appliedSek,
      grantedSek: funding?.grantedSek,
      usedSek: funding?.usedSek,
      note: funding?.note ?? '',
      fundingCallId: funding?.fundingCallId ?? undefined,
      recipientMunicipalityId: funding?.recipientMunicipalityId ?? undefined,
    },
    labels: {
      source: label('source'),
      year: label('year'),
      appliedSek: label('appliedSek'),
      grantedSek: label('grantedSek'),
      usedSek: label('usedSek'),
      note: label('note'),
      fundingCallId: label('fundingCall'),
      recipientMunicipalityId: label('recipient'),
    },
    onSubmit: async (values) => {
      // An empty choice (or another source) unlinks: null, not undefined, so an edit clears the link.
      const linked = values.source === 'stimulus' && values.fundingCallId;
      const body = {
        ...values,
        note: values.note || null,
        fundingCallId: linked ? values.fundingCallId : null,
        recipientMunicipalityId: linked ? (values.recipientMunicipalityId ?? null) : null,
      };
      const f = funding
        ? await api.patch(`/initiatives/${initiativeId}/funding/${funding.id}`, Funding, body)
        : await api.post(`/initiatives/${initiativeId}/funding`, Funding, body);
      await invalidate();
      onDone(
        t(funding ? 'initiativePage.funding.saved' : 'initiativePage.funding.added', {
          source: t(`initiatives.fundingSource.${f.source}`),
          year: f.year,
        }),
      );
    },
  });
  useReportUnsaved(cf.form.formState.isDirty);
  useFocusFirstField(cf.fieldId('source'));
  const chosenCall = calls.find((c) => c.id === cf.form.watch('fundingCallId'));
  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate aria-labelledby="funding-form-heading">
      <h3 className="ds-heading" data-size="xs" id="funding-form-heading">
        {funding ? t('initiativePage.funding.editTitle') : t('initiativePage.funding.add')}
      </h3>
      {cf.summary}
      <ContractSelectField
        cf={cf}
        name="source"
        options={fundingSources.map((s) => ({ value: s, label: t(`initiatives.fundingSource.${s}`) }))}
      />
      <ContractTextField cf={cf} name="year" inputMode="numeric" required maxLength={4} asNumber />
      {amounts.map((f) => (
        <ContractTextField
          key={f}
          cf={cf}
          name={f}
          hint={t('initiativePage.sekHint')}
          inputMode="numeric"
          autoComplete="off"
          asNumber
          emptyAsUndefined
        />
      ))}
      <ContractTextField cf={cf} name="note" maxLength={1000} />
      {cf.form.watch('source') === 'stimulus' ? (
        <>
          <ContractSelectField
            cf={cf}
            name="fundingCallId"
            placeholder={label('noCall')}
            hint={calls.length === 0 ? label('noCalls') : label('callHint')}
            options={calls.map((c) => ({
              value: c.id,
              label:
                c.status === 'closed' ? t('initiativePage.funding.callClosed', { title: c.title }) : c.title,
            }))}
          />
          {chosenCall ? (
            <ContractSelectField
              cf={cf}
              name="recipientMunicipalityId"
              required
              placeholder={label('chooseRecipient')}
              options={chosenCall.municipalities.map((m) => ({ value: m.id, label: m.name }))}
            />
          ) : null}
        </>
      ) : null}
      <SaveOrCancel
        busy={cf.busy}
        label={t(funding ? 'initiativePage.save' : 'initiativePage.funding.submitAdd')}
        onCancel={onCancel}
      />
    </form>
  );
}

/** Funding by source and year (applied for, granted, used) with totals. */
export function FundingSection({ initiative: i }: { initiative: InitiativeView }) {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<Editing<Funding>>(null);
  const remove = useRemove(i.id, setMessage);
  const linkable = useLinkableCalls(i.id);
  const calls = linkable.data?.items ?? [];
  const sek = (n: number) => formatSek(n, i18n.language);
  const caption = t('initiativePage.funding.caption');
  const rows = [...i.funding].sort(
    (a, b) => a.year - b.year || fundingSources.indexOf(a.source) - fundingSources.indexOf(b.source),
  );
  const total = (f: AmountField) => rows.reduce((s, r) => s + r[f], 0);
  const rowName = (f: Funding) => `${t(`initiatives.fundingSource.${f.source}`)} ${f.year}`;
  return (
    <Section title={t('initiativePage.funding.heading')} id="funding">
      {rows.length === 0 ? (
        <p className="ds-paragraph">{t('initiativePage.funding.empty')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="ds-table funding-table" data-border="true">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('initiativePage.funding.source')}</th>
                <th scope="col">{t('initiativePage.funding.year')}</th>
                <th scope="col" className="num">
                  {t('initiativePage.funding.appliedSek')}
                </th>
                <th scope="col" className="num">
                  {t('initiativePage.funding.grantedSek')}
                </th>
                <th scope="col" className="num">
                  {t('initiativePage.funding.usedSek')}
                </th>
                <th scope="col">{t('initiativePage.funding.note')}</th>
                <th scope="col">{t('initiativePage.funding.fundingCall')}</th>
                {i.canEdit ? <th scope="col">{t('initiativePage.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{t(`initiatives.fundingSource.${f.source}`)}</th>
                  <td>{f.year}</td>
                  <td className="num nowrap">{sek(f.appliedSek)}</td>
                  <td className="num nowrap">{sek(f.grantedSek)}</td>
                  <td className="num nowrap">{sek(f.usedSek)}</td>
                  <td>{f.note ?? ''}</td>
                  <td>
                    {f.fundingCallId ? (
                      <Link className="ds-link" to={callPath(f.fundingCallId)}>
                        {calls.find((c) => c.id === f.fundingCallId)?.title ??
                          t('initiativePage.funding.fundingCall')}
                      </Link>
                    ) : null}
                  </td>
                  {i.canEdit ? (
                    <td>
                      <RowActions
                        name={rowName(f)}
                        onEdit={() => setEditing(f)}
                        removing={remove.isPending}
                        onRemove={() =>
                          remove.mutate({
                            path: `/initiatives/${i.id}/funding/${f.id}`,
                            message: t('initiativePage.funding.removed', {
                              source: t(`initiatives.fundingSource.${f.source}`),
                              year: f.year,
                            }),
                          })
                        }
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('initiativePage.funding.total')}
                </th>
                <td className="num nowrap">{sek(total('appliedSek'))}</td>
                <td className="num nowrap">{sek(total('grantedSek'))}</td>
                <td className="num nowrap">{sek(total('usedSek'))}</td>
                <td />
                <td />
                {i.canEdit ? <td /> : null}
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      )}
      {i.budgetSek !== null ? (
        <p className="ds-paragraph muted">
          {t('initiativePage.funding.budgetNote', { budget: sek(i.budgetSek) })}
        </p>
      ) : null}
      <ChildEditorFooter
        canEdit={i.canEdit}
        editing={editing}
        setEditing={setEditing}
        message={message}
        setMessage={setMessage}
        removeError={remove.error}
        addLabel={t('initiativePage.funding.add')}
        form={(row, onDone, onCancel) => (
          <FundingForm initiativeId={i.id} funding={row} calls={calls} onDone={onDone} onCancel={onCancel} />
        )}
      />
    </Section>
  );
}
