import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Indicator } from '../../../shared/contracts/initiatives.ts';
import { SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { parseNumber, swedishToday } from '../../lib/format.ts';
import { useInvalidateInitiative } from './page-data.ts';

const FIELDS = ['measuredOn', 'value', 'note'];

/**
 * Records one measurement. A date before the baseline is the server's to refuse (its message is shown
 * at the date field), so that the rule lives in one place.
 */
export function MeasurementForm({
  indicator,
  initiativeId,
  onDone,
}: {
  indicator: Indicator;
  initiativeId: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateInitiative(initiativeId);
  const form = useFormErrors(`measurement-${indicator.id}`);
  const [measuredOn, setMeasuredOn] = useState(swedishToday());
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const add = useMutation({
    mutationFn: () =>
      api.post(`/indicators/${indicator.id}/measurements`, Indicator, {
        measuredOn,
        value: parseNumber(value),
        note: note.trim() || null,
      }),
    onSuccess: async () => {
      await invalidate();
      setValue('');
      setNote('');
      onDone(t('initiativePage.measurements.added', { name: indicator.name }));
    },
    onError: (err) => form.failFromApi(err, FIELDS),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!measuredOn) errors.measuredOn = t('initiativePage.measurements.dateMissing');
    if (!Number.isFinite(parseNumber(value))) errors.value = t('initiativePage.numberInvalid');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    add.mutate();
  };
  const headingId = `measurement-${indicator.id}-heading`;
  return (
    <form className="form measurement-form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h4 className="ds-heading" data-size="2xs" id={headingId}>
        {t('initiativePage.measurements.add', { name: indicator.name })}
      </h4>
      {form.summary}
      <TextField
        id={form.fieldId('measuredOn')}
        label={t('initiativePage.measurements.date')}
        hint={t('initiativePage.measurements.dateHint', { date: indicator.baselineOn })}
        type="date"
        required
        value={measuredOn}
        onValueChange={setMeasuredOn}
        error={form.errors.measuredOn}
      />
      <TextField
        id={form.fieldId('value')}
        label={t('initiativePage.measurements.value', { unit: indicator.unit })}
        inputMode="decimal"
        required
        value={value}
        onValueChange={setValue}
        error={form.errors.value}
      />
      <TextField
        id={form.fieldId('note')}
        label={t('initiativePage.measurements.note')}
        value={note}
        onValueChange={setNote}
        error={form.errors.note}
        maxLength={1000}
      />
      <div className="form-actions">
        <SubmitButton
          busy={add.isPending}
          label={t('initiativePage.measurements.submit')}
          busyLabel={t('initiativePage.saving')}
        />
      </div>
    </form>
  );
}
