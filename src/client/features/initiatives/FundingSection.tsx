import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Funding,
  type FundingSource,
  fundingSources,
  type InitiativeView,
} from '../../../shared/contracts/initiatives.ts';
import { SelectField, TextField, useFormErrors } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { formatSek, parseNumber } from '../../lib/format.ts';
import { useFocusFirstField, useInvalidateInitiative } from './page-data.ts';
import { ChildEditorFooter, type Editing, RowActions, SaveOrCancel, useRemove } from './RowActions.tsx';

const FIELDS = ['source', 'year', 'appliedSek', 'grantedSek', 'usedSek', 'note'];
const amounts = ['appliedSek', 'grantedSek', 'usedSek'] as const;
type AmountField = (typeof amounts)[number];

function FundingForm({
  initiativeId,
  funding,
  onDone,
  onCancel,
}: {
  initiativeId: string;
  funding: Funding | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateInitiative(initiativeId);
  const form = useFormErrors('funding');
  const [source, setSource] = useState<FundingSource>(funding?.source ?? 'stimulus');
  const [year, setYear] = useState(String(funding?.year ?? new Date().getFullYear()));
  const [values, setValues] = useState<Record<AmountField, string>>({
    appliedSek: funding ? String(funding.appliedSek) : '',
    grantedSek: funding ? String(funding.grantedSek) : '',
    usedSek: funding ? String(funding.usedSek) : '',
  });
  const [note, setNote] = useState(funding?.note ?? '');
  useFocusFirstField(form.fieldId('source'));
  const amount = (f: AmountField) => (values[f].trim() ? parseNumber(values[f]) : 0);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        source,
        year: Number(year),
        appliedSek: amount('appliedSek'),
        grantedSek: amount('grantedSek'),
        usedSek: amount('usedSek'),
        note: note.trim() || null,
      };
      return funding
        ? api.patch(`/initiatives/${initiativeId}/funding/${funding.id}`, Funding, body)
        : api.post(`/initiatives/${initiativeId}/funding`, Funding, body);
    },
    onSuccess: async (f) => {
      await invalidate();
      onDone(
        t(funding ? 'initiativePage.funding.saved' : 'initiativePage.funding.added', {
          source: t(`initiatives.fundingSource.${f.source}`),
          year: f.year,
        }),
      );
    },
    onError: (err) => form.failFromApi(err, FIELDS),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    const y = Number(year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) errors.year = t('initiativePage.funding.yearInvalid');
    for (const f of amounts) {
      const v = amount(f);
      if (Number.isNaN(v)) errors[f] = t('initiativePage.sekInvalid');
      else if (v < 0)
        errors[f] = t('initiativePage.funding.negative', { field: t(`initiativePage.funding.${f}`) });
      else if (!Number.isInteger(v)) errors[f] = t('initiativePage.sekInvalid');
    }
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    save.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="funding-form-heading">
      <h3 className="ds-heading" data-size="xs" id="funding-form-heading">
        {funding ? t('initiativePage.funding.editTitle') : t('initiativePage.funding.add')}
      </h3>
      {form.summary}
      <SelectField
        id={form.fieldId('source')}
        label={t('initiativePage.funding.source')}
        value={source}
        onValueChange={setSource}
        error={form.errors.source}
        options={fundingSources.map((s) => ({ value: s, label: t(`initiatives.fundingSource.${s}`) }))}
      />
      <TextField
        id={form.fieldId('year')}
        label={t('initiativePage.funding.year')}
        inputMode="numeric"
        required
        value={year}
        onValueChange={setYear}
        error={form.errors.year}
        maxLength={4}
      />
      {amounts.map((f) => (
        <TextField
          key={f}
          id={form.fieldId(f)}
          label={t(`initiativePage.funding.${f}`)}
          hint={t('initiativePage.sekHint')}
          inputMode="numeric"
          value={values[f]}
          onValueChange={(v) => setValues((old) => ({ ...old, [f]: v }))}
          error={form.errors[f]}
        />
      ))}
      <TextField
        id={form.fieldId('note')}
        label={t('initiativePage.funding.note')}
        value={note}
        onValueChange={setNote}
        error={form.errors.note}
        maxLength={1000}
      />
      <SaveOrCancel
        busy={save.isPending}
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
          <FundingForm initiativeId={i.id} funding={row} onDone={onDone} onCancel={onCancel} />
        )}
      />
    </Section>
  );
}
