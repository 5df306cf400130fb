import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BenefitCalculation,
  type BenefitCalculation as BenefitCalculationValue,
  type CreateIndicator as CreateIndicatorSchema,
  calculateBenefit,
} from '../../../shared/contracts/initiatives.ts';
import { TextField } from '../../components/Form.tsx';
import type { ContractForm } from '../../components/form/index.ts';
import { formatNumber, formatSek, parseNumber } from '../../lib/format.ts';

export const calcFields = ['occurrencesPerYear', 'minutesEach', 'costPerHourSek', 'oneOffHours'] as const;
type CalcField = (typeof calcFields)[number];
type CalcText = Record<CalcField, string>;
const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const paths = calcFields.map((f) => `calculation.${f}` as const);

/**
 * The helper's inputs as the contract gets them: nothing typed is no calculation; a blank is left out
 * (the contract then asks for it, or counts no one-off hours).
 */
function toCalculation(text: CalcText) {
  if (calcFields.every((f) => text[f].trim() === '')) return null;
  return Object.fromEntries(
    calcFields.map((f) => [f, text[f].trim() === '' ? undefined : parseNumber(text[f])]),
  ) as unknown as BenefitCalculationValue;
}

/**
 * The calculation helper (visits or tasks a year × minutes each × cost per hour, minus one-off hours):
 * its inputs are the form's `calculation`, checked by the indicator contract; "Beräkna" shows the
 * result, which the person may take as the target.
 */
export function CalculationHelper({
  cf,
  initial,
  onUseResult,
}: {
  cf: ContractForm<typeof CreateIndicatorSchema>;
  initial: BenefitCalculationValue | null | undefined;
  onUseResult: (value: number, unit: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState<CalcText>({
    occurrencesPerYear: str(initial?.occurrencesPerYear),
    minutesEach: str(initial?.minutesEach),
    costPerHourSek: str(initial?.costPerHourSek),
    oneOffHours: str(initial?.oneOffHours),
  });
  const [result, setResult] = useState(initial ? calculateBenefit(initial) : null);
  const [resultMessage, setResultMessage] = useState('');

  const change = (f: CalcField, v: string) => {
    const next = { ...text, [f]: v };
    setText(next);
    setResult(null);
    cf.form.setValue('calculation', toCalculation(next), {
      shouldDirty: true,
      shouldValidate: cf.form.formState.isSubmitted,
    });
  };
  const compute = async () => {
    setResultMessage('');
    const value = cf.form.getValues('calculation');
    // Calculating needs the inputs, whatever the indicator itself needs.
    if (value === null || value === undefined) {
      cf.form.setError('calculation.occurrencesPerYear', { type: 'required' });
      return;
    }
    if (!(await cf.form.trigger(paths))) return;
    setResult(calculateBenefit(BenefitCalculation.parse(value)));
  };
  const use = (value: number, unit: string) => setResultMessage(onUseResult(value, unit));

  return (
    <fieldset className="ds-fieldset fieldset calc-helper">
      <legend className="ds-label" data-weight="medium">
        {t('initiativePage.indicatorForm.calcTitle')}
      </legend>
      <p className="field-hint">{t('initiativePage.indicatorForm.calcHint')}</p>
      {calcFields.map((f) => (
        <TextField
          key={f}
          id={cf.fieldId(`calculation.${f}`)}
          label={cf.label(`calculation.${f}`)}
          inputMode="decimal"
          value={text[f]}
          onValueChange={(v) => change(f, v)}
          error={cf.errorFor(`calculation.${f}`)}
        />
      ))}
      <div className="form-actions">
        <button type="button" className="ds-button" data-variant="secondary" onClick={() => void compute()}>
          {t('initiativePage.indicatorForm.calculate')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {result ? (
          <div className="calc-result">
            <p className="ds-paragraph">
              {t('initiativePage.indicatorForm.result', {
                hours: formatNumber(result.hoursPerYear, i18n.language),
                sek: formatSek(result.sekPerYear, i18n.language),
              })}
            </p>
            {resultMessage ? <p className="ds-paragraph">{resultMessage}</p> : null}
          </div>
        ) : null}
      </div>
      {result ? (
        <div className="form-actions">
          <button
            type="button"
            className="ds-button"
            data-variant="tertiary"
            onClick={() => use(result.hoursPerYear, t('initiativePage.indicatorForm.hoursUnit'))}
          >
            {t('initiativePage.indicatorForm.useHours')}
          </button>
          <button
            type="button"
            className="ds-button"
            data-variant="tertiary"
            onClick={() => use(result.sekPerYear, t('initiativePage.indicatorForm.sekUnit'))}
          >
            {t('initiativePage.indicatorForm.useSek')}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
