import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceAreas, sizeBands } from '../../../shared/contracts/cases.ts';
import { initiativePhases } from '../../../shared/contracts/initiatives.ts';
import {
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type useFormErrors,
} from '../../components/Form.tsx';
import { ContactFields } from './ContactFields.tsx';
import { type CaseFormValues, clientErrors } from './case-form-state.ts';
import { useTechnologies } from './case-queries.ts';
import { LinkFields } from './LinkFields.tsx';

export const caseFormFields = [
  'municipalityCode',
  'title',
  'summary',
  'context',
  'sizeBand',
  'serviceArea',
  'phaseReached',
  'whatWasDone',
  'results',
  'lessons',
  'costs',
  'costSek',
  'technologyKeys',
  'contactName',
  'contactTitle',
  'contactEmail',
  'contactPhone',
  'contactConsent',
] as const;

/** Writing or changing a case; the caller sends it and maps server errors back through `onSubmit`. */
export function CaseForm({
  initial,
  municipalities,
  municipalityCode: fixedCode,
  submitLabel,
  busy,
  onSubmit,
  form,
}: {
  initial: CaseFormValues;
  /** Shown only when writing a new case for one of several municipalities. */
  municipalities?: { code: string; name: string }[];
  /** The case's municipality, when changing an existing case. */
  municipalityCode?: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (values: CaseFormValues, municipalityCode: string) => void;
  form: ReturnType<typeof useFormErrors>;
}) {
  const { t, i18n } = useTranslation();
  const technologies = useTechnologies(i18n.language);
  const [v, setV] = useState(initial);
  const [municipalityCode, setMunicipalityCode] = useState(fixedCode ?? municipalities?.[0]?.code ?? '');
  const set =
    <K extends keyof CaseFormValues>(k: K) =>
    (value: CaseFormValues[K]) =>
      setV((old) => ({ ...old, [k]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = clientErrors(v, t, t('cases.fields.required'));
    if (Object.keys(errors).length) return form.fail(errors);
    onSubmit(v, municipalityCode);
  };
  const text = (k: 'context' | 'whatWasDone' | 'results' | 'lessons' | 'costs', hint?: string) => (
    <TextAreaField
      id={form.fieldId(k)}
      label={t(`cases.fields.${k}`)}
      hint={hint}
      value={v[k]}
      onValueChange={set(k)}
      error={form.errors[k]}
      maxLength={8000}
      rows={5}
    />
  );
  const choose = { value: '', label: t('cases.fields.choose') };
  return (
    <form className="case-form" onSubmit={submit} noValidate>
      {form.summary}
      {municipalities && municipalities.length > 1 ? (
        <SelectField
          id={form.fieldId('municipalityCode')}
          label={t('cases.fields.municipality')}
          value={municipalityCode}
          onValueChange={(code) => {
            // Links are the municipality's own: another municipality starts without them.
            setMunicipalityCode(code);
            setV((old) => ({ ...old, initiativeId: '', indicatorIds: [] }));
          }}
          error={form.errors.municipalityCode}
          options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        />
      ) : null}
      <TextField
        id={form.fieldId('title')}
        label={t('cases.fields.title')}
        value={v.title}
        onValueChange={set('title')}
        error={form.errors.title}
        required
        maxLength={200}
      />
      <TextAreaField
        id={form.fieldId('summary')}
        label={t('cases.fields.summary')}
        hint={t('cases.fields.summaryHint')}
        value={v.summary}
        onValueChange={set('summary')}
        error={form.errors.summary}
        required
        maxLength={2000}
        rows={3}
      />
      <fieldset className="ds-fieldset fieldset" id={form.fieldId('technologyKeys')} tabIndex={-1}>
        <legend className="ds-label" data-weight="medium">
          {t('cases.fields.technologies')}
        </legend>
        {form.errors.technologyKeys ? (
          <div className="ds-validation-message" data-color="danger">
            {form.errors.technologyKeys}
          </div>
        ) : null}
        <div className="checkbox-columns">
          {(technologies.data?.items ?? []).map((tech) => (
            <div className="ds-field checkbox" key={tech.key}>
              <input
                className="ds-input"
                type="checkbox"
                id={`case-tech-${tech.key}`}
                checked={v.technologyKeys.includes(tech.key)}
                onChange={(e) =>
                  set('technologyKeys')(
                    e.target.checked
                      ? [...v.technologyKeys, tech.key]
                      : v.technologyKeys.filter((k) => k !== tech.key),
                  )
                }
              />
              <label className="ds-label" data-weight="regular" htmlFor={`case-tech-${tech.key}`}>
                {tech.name}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <SelectField
        id={form.fieldId('phaseReached')}
        label={t('cases.fields.phaseReached')}
        value={v.phaseReached}
        onValueChange={set('phaseReached')}
        error={form.errors.phaseReached}
        options={initiativePhases.map((p) => ({ value: p, label: t(`initiatives.phase.${p}`) }))}
      />
      <SelectField
        id={form.fieldId('sizeBand')}
        label={t('cases.fields.sizeBand')}
        value={v.sizeBand}
        onValueChange={set('sizeBand')}
        error={form.errors.sizeBand}
        options={[choose, ...sizeBands.map((s) => ({ value: s, label: t(`cases.sizeBands.${s}`) }))]}
      />
      <SelectField
        id={form.fieldId('serviceArea')}
        label={t('cases.fields.serviceArea')}
        value={v.serviceArea}
        onValueChange={set('serviceArea')}
        error={form.errors.serviceArea}
        options={[choose, ...serviceAreas.map((s) => ({ value: s, label: t(`cases.serviceAreas.${s}`) }))]}
      />
      {text('context', t('cases.fields.contextHint'))}
      {text('whatWasDone')}
      {text('results')}
      {text('lessons')}
      {text('costs')}
      <TextField
        id={form.fieldId('costSek')}
        label={t('cases.fields.costSek')}
        inputMode="numeric"
        value={v.costSek}
        onValueChange={set('costSek')}
        error={form.errors.costSek}
      />
      {municipalityCode ? <LinkFields municipalityCode={municipalityCode} values={v} set={set} /> : null}
      <ContactFields values={v} set={set} form={form} />
      <SubmitButton busy={busy} label={submitLabel} busyLabel={t('cases.form.saving')} />
    </form>
  );
}
