import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type InitiativeStatus,
  InitiativeView,
  initiativeStatuses,
} from '../../../shared/contracts/initiatives.ts';
import { SelectField, TextAreaField, TextField, useFormErrors } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { parseNumber } from '../../lib/format.ts';
import { useFocusFirstField, useInvalidateInitiative } from './page-data.ts';
import { SaveOrCancel } from './RowActions.tsx';

const FIELDS = ['title', 'purpose', 'responsibleName', 'startsOn', 'endsOn', 'budgetSek', 'status'];

/** The owner's form for the initiative's own details. */
export function InitiativeDetailsForm({
  initiative: i,
  onDone,
  onCancel,
}: {
  initiative: InitiativeView;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateInitiative(i.id);
  const form = useFormErrors('initiative-details');
  const [title, setTitle] = useState(i.title);
  const [purpose, setPurpose] = useState(i.purpose ?? '');
  const [responsible, setResponsible] = useState(i.responsible.name ?? '');
  const [startsOn, setStartsOn] = useState(i.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(i.endsOn ?? '');
  const [budget, setBudget] = useState(i.budgetSek === null ? '' : String(i.budgetSek));
  const [status, setStatus] = useState<InitiativeStatus>(i.status);
  useFocusFirstField(form.fieldId('title'));

  const save = useMutation({
    mutationFn: () =>
      api.patch(`/initiatives/${i.id}`, InitiativeView, {
        title: title.trim(),
        purpose: purpose.trim() || null,
        responsibleName: responsible.trim() || null,
        startsOn: startsOn || null,
        endsOn: endsOn || null,
        budgetSek: budget.trim() ? parseNumber(budget) : null,
        status,
      }),
    onSuccess: async () => {
      await invalidate();
      onDone(t('initiativePage.details.saved'));
    },
    onError: (err) => form.failFromApi(err, FIELDS),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (title.trim().length < 3) errors.title = t('initiativePage.details.titleMissing');
    if (startsOn && endsOn && endsOn < startsOn) errors.endsOn = t('initiativePage.details.endsBeforeStarts');
    const b = parseNumber(budget);
    if (budget.trim() && (!Number.isInteger(b) || b < 0)) errors.budgetSek = t('initiativePage.sekInvalid');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    save.mutate();
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="initiative-details-heading">
      <h3 className="ds-heading" data-size="xs" id="initiative-details-heading">
        {t('initiativePage.details.formTitle')}
      </h3>
      {form.summary}
      <TextField
        id={form.fieldId('title')}
        label={t('initiativePage.details.title')}
        required
        value={title}
        onValueChange={setTitle}
        error={form.errors.title}
        maxLength={200}
      />
      <TextAreaField
        id={form.fieldId('purpose')}
        label={t('initiativePage.details.purpose')}
        value={purpose}
        onValueChange={setPurpose}
        error={form.errors.purpose}
        rows={4}
        maxLength={4000}
      />
      <TextField
        id={form.fieldId('responsibleName')}
        label={t('initiativePage.details.responsible')}
        hint={t('initiativePage.details.responsibleHint')}
        value={responsible}
        onValueChange={setResponsible}
        error={form.errors.responsibleName}
        maxLength={200}
        autoComplete="off"
      />
      <SelectField
        id={form.fieldId('status')}
        label={t('initiativePage.details.status')}
        value={status}
        onValueChange={setStatus}
        error={form.errors.status}
        options={initiativeStatuses.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) }))}
      />
      <TextField
        id={form.fieldId('startsOn')}
        label={t('initiativePage.details.startsOn')}
        type="date"
        value={startsOn}
        onValueChange={setStartsOn}
        error={form.errors.startsOn}
      />
      <TextField
        id={form.fieldId('endsOn')}
        label={t('initiativePage.details.endsOn')}
        type="date"
        value={endsOn}
        onValueChange={setEndsOn}
        error={form.errors.endsOn}
      />
      <TextField
        id={form.fieldId('budgetSek')}
        label={t('initiativePage.details.budget')}
        hint={t('initiativePage.sekHint')}
        inputMode="numeric"
        value={budget}
        onValueChange={setBudget}
        error={form.errors.budgetSek}
      />
      <SaveOrCancel busy={save.isPending} label={t('initiativePage.details.save')} onCancel={onCancel} />
    </form>
  );
}
