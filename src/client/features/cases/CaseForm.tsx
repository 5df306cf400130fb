import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceAreas, sizeBands } from '../../../shared/contracts/cases.ts';
import { initiativePhases } from '../../../shared/contracts/initiatives.ts';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractCheckboxGroup,
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
} from '../../components/form/index.ts';
import { ContactFields } from './ContactFields.tsx';
import { ConvertedInput, NullableSelect } from './case-fields.tsx';
import type { CaseForm as CaseFormState } from './case-form-state.ts';
import { useTechnologies } from './case-queries.ts';
import { LinkFields } from './LinkFields.tsx';

/**
 * Writing or changing a case: one form over the CreateCase contract (checked in the browser by the same
 * schema as on the server). The page owns the form state and what saving means; `status` (autosave)
 * sits beside the save button and `after` (the next step) follows the form.
 */
export function CaseForm({
  cf,
  municipalities,
  submitLabel,
  status,
  after,
}: {
  cf: CaseFormState;
  /** Shown only when writing a new case for one of several municipalities. */
  municipalities?: { code: string; name: string }[];
  submitLabel: string;
  status?: ReactNode;
  after?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const technologies = useTechnologies(i18n.language);
  const municipalityCode = cf.form.watch('municipalityCode');
  const text = (
    name: 'context' | 'whatWasDone' | 'results' | 'lessons' | 'costs',
    max: number,
    hint?: string,
  ) => <ContractTextAreaField cf={cf} name={name} hint={hint} maxLength={max} rows={5} />;
  const choose = t('cases.fields.choose');
  return (
    <>
      <form className="case-form" onSubmit={cf.onSubmit} noValidate>
        {cf.summary}
        {municipalities && municipalities.length > 1 ? (
          <ContractSelectField
            cf={cf}
            name="municipalityCode"
            options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
          />
        ) : null}
        <ContractTextField cf={cf} name="title" required maxLength={200} />
        <ContractTextAreaField
          cf={cf}
          name="summary"
          hint={t('cases.fields.summaryHint')}
          required
          maxLength={2000}
          rows={3}
        />
        <ContractCheckboxGroup
          cf={cf}
          name="technologyKeys"
          columns
          label={t('cases.fields.technologies')}
          options={(technologies.data?.items ?? []).map((tech) => ({ value: tech.key, label: tech.name }))}
        />
        <ContractSelectField
          cf={cf}
          name="phaseReached"
          options={initiativePhases.map((p) => ({ value: p, label: t(`initiatives.phase.${p}`) }))}
        />
        <NullableSelect
          cf={cf}
          name="sizeBand"
          empty={choose}
          options={sizeBands.map((s) => ({ value: s, label: t(`cases.sizeBands.${s}`) }))}
        />
        <NullableSelect
          cf={cf}
          name="serviceArea"
          empty={choose}
          options={serviceAreas.map((s) => ({ value: s, label: t(`cases.serviceAreas.${s}`) }))}
        />
        {text('context', 4000, t('cases.fields.contextHint'))}
        {text('whatWasDone', 8000)}
        {text('results', 8000)}
        {text('lessons', 8000)}
        {text('costs', 4000)}
        <ConvertedInput cf={cf} name="costSek" inputMode="numeric" />
        {municipalityCode ? <LinkFields cf={cf} municipalityCode={municipalityCode} /> : null}
        <ContactFields cf={cf} />
        <div className="case-form-actions">
          <SubmitButton busy={cf.busy} label={submitLabel} busyLabel={t('cases.form.saving')} />
          {status}
        </div>
        {cf.saved}
      </form>
      {after}
    </>
  );
}
