import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BenefitCalculation,
  calculateBenefit,
  Indicator,
  type IndicatorFeed,
  type IndicatorType,
  indicatorTypes,
} from '../../../shared/contracts/initiatives.ts';
import { SelectField, TextAreaField, TextField, useFormErrors } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { formatNumber, formatSek, parseNumber } from '../../lib/format.ts';
import { FeedField, feedComplete } from './FeedField.tsx';
import { useFocusFirstField, useInvalidateInitiative } from './page-data.ts';
import { SaveOrCancel } from './RowActions.tsx';

const FIELDS = [
  'name',
  'type',
  'unit',
  'direction',
  'baselineValue',
  'baselineOn',
  'baselineMethod',
  'targetValue',
  'targetOn',
  'assumptions',
  'uncertainty',
  'occurrencesPerYear',
  'minutesEach',
  'costPerHourSek',
  'oneOffHours',
  'feed',
];
const calcFields = ['occurrencesPerYear', 'minutesEach', 'costPerHourSek', 'oneOffHours'] as const;
type CalcField = (typeof calcFields)[number];
type Direction = 'increase' | 'decrease';
type UncertaintyChoice = '' | 'low' | 'medium' | 'high';
const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/**
 * Adds or changes a benefit indicator. The calculation helper (replaced visits or tasks a year × minutes
 * each × cost per hour, minus one-off hours) is stored with the indicator and its result can be the target.
 */
export function IndicatorForm({
  initiativeId,
  indicator,
  municipalities,
  onDone,
  onCancel,
}: {
  initiativeId: string;
  indicator: Indicator | null;
  /** The initiative's municipalities, for a feed from the mapping. */
  municipalities: { code: string; name: string }[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const invalidate = useInvalidateInitiative(initiativeId);
  const form = useFormErrors('indicator');
  const [name, setName] = useState(indicator?.name ?? '');
  const [type, setType] = useState<IndicatorType>(indicator?.type ?? 'time_saved');
  const [unit, setUnit] = useState(indicator?.unit ?? '');
  const [direction, setDirection] = useState<Direction>(indicator?.direction ?? 'decrease');
  const [baselineValue, setBaselineValue] = useState(str(indicator?.baselineValue));
  const [baselineOn, setBaselineOn] = useState(indicator?.baselineOn ?? '');
  const [baselineMethod, setBaselineMethod] = useState(indicator?.baselineMethod ?? '');
  const [targetValue, setTargetValue] = useState(str(indicator?.targetValue));
  const [targetOn, setTargetOn] = useState(indicator?.targetOn ?? '');
  const [assumptions, setAssumptions] = useState(indicator?.assumptions ?? '');
  const [uncertainty, setUncertainty] = useState<UncertaintyChoice>(indicator?.uncertainty ?? '');
  const [calc, setCalc] = useState<Record<CalcField, string>>({
    occurrencesPerYear: str(indicator?.calculation?.occurrencesPerYear),
    minutesEach: str(indicator?.calculation?.minutesEach),
    costPerHourSek: str(indicator?.calculation?.costPerHourSek),
    oneOffHours: str(indicator?.calculation?.oneOffHours),
  });
  const [result, setResult] = useState<ReturnType<typeof calculateBenefit> | null>(
    indicator?.calculation ? calculateBenefit(indicator.calculation) : null,
  );
  const [resultMessage, setResultMessage] = useState('');
  const [feed, setFeed] = useState<IndicatorFeed | null>(indicator?.feed ?? null);
  useFocusFirstField(form.fieldId('name'));

  const calcUsed = calcFields.some((f) => calc[f].trim() !== '');
  /** The helper's inputs, or field errors when some are missing or wrong. */
  const readCalculation = (): { value: BenefitCalculation | null; errors: Record<string, string> } => {
    const errors: Record<string, string> = {};
    if (!calcUsed) return { value: null, errors };
    const out: Record<string, number> = {};
    for (const f of calcFields) {
      const raw = calc[f].trim();
      const v = raw === '' && f === 'oneOffHours' ? 0 : parseNumber(raw);
      if (!Number.isFinite(v) || v < 0) errors[f] = t('initiativePage.indicatorForm.calcInvalid');
      out[f] = v;
    }
    return { value: out as unknown as BenefitCalculation, errors };
  };

  const compute = () => {
    const { value, errors } = readCalculation();
    if (!value || Object.keys(errors).length) {
      setResult(null);
      return form.fail(
        value ? errors : { occurrencesPerYear: t('initiativePage.indicatorForm.calcInvalid') },
      );
    }
    form.clear();
    const r = calculateBenefit(value);
    setResult(r);
    setResultMessage('');
  };

  const save = useMutation({
    mutationFn: (calculation: BenefitCalculation | null) => {
      const body = {
        name: name.trim(),
        type,
        unit: unit.trim(),
        direction,
        baselineValue: parseNumber(baselineValue),
        baselineOn,
        baselineMethod: baselineMethod.trim() || null,
        targetValue: targetValue.trim() ? parseNumber(targetValue) : null,
        targetOn: targetOn || null,
        assumptions: assumptions.trim() || null,
        uncertainty: uncertainty || null,
        calculation,
        feed,
      };
      return indicator
        ? api.patch(`/indicators/${indicator.id}`, Indicator, body)
        : api.post(`/initiatives/${initiativeId}/indicators`, Indicator, body);
    },
    onSuccess: async (ind) => {
      await invalidate();
      onDone(
        t(indicator ? 'initiativePage.indicators.saved' : 'initiativePage.indicators.added', {
          name: ind.name,
        }),
      );
    },
    onError: (err) => form.failFromApi(err, FIELDS),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { value: calculation, errors } = readCalculation();
    if (name.trim().length < 3) errors.name = t('initiativePage.titleMissing');
    if (!unit.trim()) errors.unit = t('initiativePage.indicatorForm.unitMissing');
    if (!Number.isFinite(parseNumber(baselineValue)))
      errors.baselineValue = t('initiativePage.numberInvalid');
    if (!baselineOn) errors.baselineOn = t('initiativePage.indicatorForm.baselineOnMissing');
    if (targetValue.trim() && !Number.isFinite(parseNumber(targetValue)))
      errors.targetValue = t('initiativePage.numberInvalid');
    if (targetOn && baselineOn && targetOn < baselineOn)
      errors.targetOn = t('initiativePage.indicatorForm.targetBeforeBaseline');
    if (!feedComplete(feed)) errors.feed = t('initiativePage.feed.incomplete');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    save.mutate(calculation);
  };

  const applyTarget = (value: number, u: string) => {
    setTargetValue(String(value));
    if (!unit.trim()) setUnit(u);
    setResultMessage(
      t('initiativePage.indicatorForm.targetSet', { value: formatNumber(value, i18n.language) }),
    );
  };

  return (
    <form
      className="form indicator-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="indicator-form-heading"
    >
      <h3 className="ds-heading" data-size="xs" id="indicator-form-heading">
        {indicator
          ? t('initiativePage.indicatorForm.editTitle', { name: indicator.name })
          : t('initiativePage.indicators.add')}
      </h3>
      {form.summary}
      <TextField
        id={form.fieldId('name')}
        label={t('initiativePage.indicatorForm.name')}
        required
        value={name}
        onValueChange={setName}
        error={form.errors.name}
        maxLength={200}
      />
      <SelectField
        id={form.fieldId('type')}
        label={t('initiativePage.indicatorForm.type')}
        value={type}
        onValueChange={setType}
        error={form.errors.type}
        options={indicatorTypes.map((v) => ({ value: v, label: t(`initiatives.indicatorType.${v}`) }))}
      />
      <TextField
        id={form.fieldId('unit')}
        label={t('initiativePage.indicatorForm.unit')}
        hint={t('initiativePage.indicatorForm.unitHint')}
        required
        value={unit}
        onValueChange={setUnit}
        error={form.errors.unit}
        maxLength={40}
      />
      <SelectField
        id={form.fieldId('direction')}
        label={t('initiativePage.indicatorForm.direction')}
        value={direction}
        onValueChange={setDirection}
        error={form.errors.direction}
        options={(['decrease', 'increase'] as const).map((v) => ({
          value: v,
          label: t(`initiatives.direction.${v}`),
        }))}
      />
      <fieldset className="ds-fieldset fieldset">
        <legend className="ds-label" data-weight="medium">
          {t('initiativePage.indicatorForm.baseline')}
        </legend>
        <TextField
          id={form.fieldId('baselineValue')}
          label={t('initiativePage.indicatorForm.baselineValue')}
          inputMode="decimal"
          required
          value={baselineValue}
          onValueChange={setBaselineValue}
          error={form.errors.baselineValue}
        />
        <TextField
          id={form.fieldId('baselineOn')}
          label={t('initiativePage.indicatorForm.baselineOn')}
          type="date"
          required
          value={baselineOn}
          onValueChange={setBaselineOn}
          error={form.errors.baselineOn}
        />
        <TextAreaField
          id={form.fieldId('baselineMethod')}
          label={t('initiativePage.indicatorForm.baselineMethod')}
          value={baselineMethod}
          onValueChange={setBaselineMethod}
          error={form.errors.baselineMethod}
          rows={2}
          maxLength={2000}
        />
      </fieldset>
      <fieldset className="ds-fieldset fieldset calc-helper">
        <legend className="ds-label" data-weight="medium">
          {t('initiativePage.indicatorForm.calcTitle')}
        </legend>
        <p className="field-hint">{t('initiativePage.indicatorForm.calcHint')}</p>
        {calcFields.map((f) => (
          <TextField
            key={f}
            id={form.fieldId(f)}
            label={t(`initiativePage.indicatorForm.${f}`)}
            inputMode="decimal"
            value={calc[f]}
            onValueChange={(v) => setCalc((old) => ({ ...old, [f]: v }))}
            error={form.errors[f]}
          />
        ))}
        <div className="form-actions">
          <button type="button" className="ds-button" data-variant="secondary" onClick={compute}>
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
              onClick={() => applyTarget(result.hoursPerYear, t('initiativePage.indicatorForm.hoursUnit'))}
            >
              {t('initiativePage.indicatorForm.useHours')}
            </button>
            <button
              type="button"
              className="ds-button"
              data-variant="tertiary"
              onClick={() => applyTarget(result.sekPerYear, t('initiativePage.indicatorForm.sekUnit'))}
            >
              {t('initiativePage.indicatorForm.useSek')}
            </button>
          </div>
        ) : null}
      </fieldset>
      <fieldset className="ds-fieldset fieldset">
        <legend className="ds-label" data-weight="medium">
          {t('initiativePage.indicatorForm.target')}
        </legend>
        <TextField
          id={form.fieldId('targetValue')}
          label={t('initiativePage.indicatorForm.targetValue')}
          inputMode="decimal"
          value={targetValue}
          onValueChange={setTargetValue}
          error={form.errors.targetValue}
        />
        <TextField
          id={form.fieldId('targetOn')}
          label={t('initiativePage.indicatorForm.targetOn')}
          type="date"
          value={targetOn}
          onValueChange={setTargetOn}
          error={form.errors.targetOn}
        />
      </fieldset>
      <TextAreaField
        id={form.fieldId('assumptions')}
        label={t('initiativePage.indicatorForm.assumptions')}
        value={assumptions}
        onValueChange={setAssumptions}
        error={form.errors.assumptions}
        rows={3}
        maxLength={4000}
      />
      <SelectField
        id={form.fieldId('uncertainty')}
        label={t('initiativePage.indicatorForm.uncertainty')}
        value={uncertainty}
        onValueChange={setUncertainty}
        error={form.errors.uncertainty}
        options={[
          { value: '', label: t('initiativePage.indicatorForm.uncertaintyUnset') },
          ...(['low', 'medium', 'high'] as const).map((v) => ({
            value: v,
            label: t(`initiatives.uncertainty.${v}`),
          })),
        ]}
      />
      <FeedField
        idPrefix={form.fieldId('feed')}
        value={feed}
        onChange={setFeed}
        municipalities={municipalities}
        error={form.errors.feed}
      />
      <SaveOrCancel
        busy={save.isPending}
        label={t(indicator ? 'initiativePage.save' : 'initiativePage.indicators.submitAdd')}
        onCancel={onCancel}
      />
    </form>
  );
}
