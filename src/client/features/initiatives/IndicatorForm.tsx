import { useTranslation } from 'react-i18next';
import {
  CreateIndicator,
  Indicator,
  type IndicatorFeed,
  indicatorTypes,
} from '../../../shared/contracts/initiatives.ts';
import {
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
} from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { CalculationHelper, calcFields } from './CalculationHelper.tsx';
import { ContractDecimalField } from './DecimalField.tsx';
import { FeedField } from './FeedField.tsx';
import { useFocusFirstField, useInvalidateInitiative } from './page-data.ts';
import { SaveOrCancel } from './RowActions.tsx';
import { useReportUnsaved } from './unsaved-forms.tsx';

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
  const f = (key: string) => t(`initiativePage.indicatorForm.${key}`);
  const cf = useContractForm(CreateIndicator, {
    id: 'indicator',
    defaultValues: {
      name: indicator?.name ?? '',
      type: indicator?.type ?? 'time_saved',
      unit: indicator?.unit ?? '',
      direction: indicator?.direction ?? 'decrease',
      baselineValue: indicator?.baselineValue,
      baselineOn: indicator?.baselineOn ?? '',
      baselineMethod: indicator?.baselineMethod ?? '',
      targetValue: indicator?.targetValue ?? null,
      targetOn: indicator?.targetOn ?? null,
      assumptions: indicator?.assumptions ?? '',
      uncertainty: indicator?.uncertainty ?? undefined,
      calculation: indicator?.calculation ?? null,
      feed: indicator?.feed ?? null,
    },
    labels: {
      name: f('name'),
      type: f('type'),
      unit: f('unit'),
      direction: f('direction'),
      baselineValue: f('baselineValue'),
      baselineOn: f('baselineOn'),
      baselineMethod: f('baselineMethod'),
      ...Object.fromEntries(calcFields.map((c) => [`calculation.${c}`, f(c)])),
      targetValue: f('targetValue'),
      targetOn: f('targetOn'),
      assumptions: f('assumptions'),
      uncertainty: f('uncertainty'),
      feed: t('initiativePage.feed.kind'),
      'feed.programmeId': t('initiativePage.feed.programme'),
      'feed.municipalityCode': t('initiativePage.feed.municipality'),
      'feed.technologyKey': t('initiativePage.feed.technology'),
    },
    onSubmit: async (values) => {
      // What is left empty is removed from a changed indicator, not kept.
      const body = {
        ...values,
        baselineMethod: values.baselineMethod || null,
        targetValue: values.targetValue ?? null,
        targetOn: values.targetOn ?? null,
        assumptions: values.assumptions || null,
        uncertainty: values.uncertainty ?? null,
        calculation: values.calculation ?? null,
        feed: values.feed ?? null,
      };
      const ind = indicator
        ? await api.patch(`/indicators/${indicator.id}`, Indicator, body)
        : await api.post(`/initiatives/${initiativeId}/indicators`, Indicator, body);
      await invalidate();
      onDone(
        t(indicator ? 'initiativePage.indicators.saved' : 'initiativePage.indicators.added', {
          name: ind.name,
        }),
      );
    },
  });
  useReportUnsaved(cf.form.formState.isDirty);
  useFocusFirstField(cf.fieldId('name'));
  const feed = (cf.form.watch('feed') ?? null) as IndicatorFeed | null;
  const again = { shouldDirty: true, shouldValidate: cf.form.formState.isSubmitted };

  /** The helper's result as the target (and its unit, unless one is written): the message says so. */
  const takeResult = (value: number, unit: string) => {
    cf.form.setValue('targetValue', value, again);
    if (!cf.form.getValues('unit').trim()) cf.form.setValue('unit', unit, again);
    return t('initiativePage.indicatorForm.targetSet', { value: formatNumber(value, i18n.language) });
  };

  return (
    <form
      className="form indicator-form"
      onSubmit={cf.onSubmit}
      noValidate
      aria-labelledby="indicator-form-heading"
    >
      <h3 className="ds-heading" data-size="xs" id="indicator-form-heading">
        {indicator
          ? t('initiativePage.indicatorForm.editTitle', { name: indicator.name })
          : t('initiativePage.indicators.add')}
      </h3>
      {cf.summary}
      <ContractTextField cf={cf} name="name" required maxLength={200} />
      <ContractSelectField
        cf={cf}
        name="type"
        options={indicatorTypes.map((v) => ({ value: v, label: t(`initiatives.indicatorType.${v}`) }))}
      />
      <ContractTextField cf={cf} name="unit" required hint={f('unitHint')} maxLength={40} />
      <ContractSelectField
        cf={cf}
        name="direction"
        options={(['decrease', 'increase'] as const).map((v) => ({
          value: v,
          label: t(`initiatives.direction.${v}`),
        }))}
      />
      <fieldset className="ds-fieldset fieldset">
        <legend className="ds-label" data-weight="medium">
          {f('baseline')}
        </legend>
        <ContractDecimalField cf={cf} name="baselineValue" required emptyAsUndefined />
        <ContractTextField cf={cf} name="baselineOn" type="date" required />
        <ContractTextAreaField cf={cf} name="baselineMethod" rows={2} maxLength={2000} />
      </fieldset>
      <CalculationHelper cf={cf} initial={indicator?.calculation} onUseResult={takeResult} />
      <fieldset className="ds-fieldset fieldset">
        <legend className="ds-label" data-weight="medium">
          {f('target')}
        </legend>
        <ContractDecimalField cf={cf} name="targetValue" />
        <ContractTextField cf={cf} name="targetOn" type="date" emptyAsNull />
      </fieldset>
      <ContractTextAreaField cf={cf} name="assumptions" rows={3} maxLength={4000} />
      <ContractSelectField
        cf={cf}
        name="uncertainty"
        placeholder={f('uncertaintyUnset')}
        options={(['low', 'medium', 'high'] as const).map((v) => ({
          value: v,
          label: t(`initiatives.uncertainty.${v}`),
        }))}
      />
      <FeedField
        fieldId={cf.fieldId}
        errorFor={cf.errorFor}
        value={feed}
        onChange={(next) => cf.form.setValue('feed', next, again)}
        municipalities={municipalities}
      />
      <SaveOrCancel
        busy={cf.busy}
        label={t(indicator ? 'initiativePage.save' : 'initiativePage.indicators.submitAdd')}
        onCancel={onCancel}
      />
    </form>
  );
}
