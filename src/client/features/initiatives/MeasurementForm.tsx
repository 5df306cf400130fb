import { useTranslation } from 'react-i18next';
import { CreateMeasurement, Indicator } from '../../../shared/contracts/initiatives.ts';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractTextField, useContractForm } from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';
import { swedishToday } from '../../lib/format.ts';
import { ContractDecimalField } from './DecimalField.tsx';
import { useInvalidateInitiative } from './page-data.ts';
import { useReportUnsaved } from './unsaved-forms.tsx';

/**
 * Records one measurement. A date before the baseline is the server's to refuse (its message is shown
 * at the date field), so that the rule lives in one place.
 */
export function MeasurementForm({ indicator, initiativeId }: { indicator: Indicator; initiativeId: string }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateInitiative(initiativeId);
  const id = `measurement-${indicator.id}`;
  const cf = useContractForm(CreateMeasurement, {
    id,
    defaultValues: { measuredOn: swedishToday(), value: undefined, note: '' },
    labels: {
      measuredOn: t('initiativePage.measurements.date'),
      value: t('initiativePage.measurements.value', { unit: indicator.unit }),
      note: t('initiativePage.measurements.note'),
    },
    onSubmit: async (values, { form }) => {
      await api.post(`/indicators/${indicator.id}/measurements`, Indicator, {
        ...values,
        note: values.note || null,
      });
      await invalidate();
      // The next measurement starts from the same date; value and note are for this one only.
      form.reset({ measuredOn: values.measuredOn, value: undefined, note: '' });
      return t('initiativePage.measurements.added', { name: indicator.name });
    },
  });
  useReportUnsaved(cf.form.formState.isDirty);
  const headingId = `${id}-heading`;
  return (
    <form className="form measurement-form" onSubmit={cf.onSubmit} noValidate aria-labelledby={headingId}>
      <h4 className="ds-heading" data-size="2xs" id={headingId}>
        {t('initiativePage.measurements.add', { name: indicator.name })}
      </h4>
      {cf.summary}
      <ContractTextField
        cf={cf}
        name="measuredOn"
        type="date"
        required
        hint={t('initiativePage.measurements.dateHint', { date: indicator.baselineOn })}
      />
      <ContractDecimalField cf={cf} name="value" required emptyAsUndefined />
      <ContractTextField cf={cf} name="note" maxLength={1000} />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={t('initiativePage.measurements.submit')}
          busyLabel={t('initiativePage.saving')}
        />
      </div>
      {cf.saved}
    </form>
  );
}
