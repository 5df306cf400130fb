import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField, type useFormErrors } from '../../components/Form.tsx';
import { FocusAreasField } from './FocusAreasField.tsx';

export interface PlanDetails {
  title: string;
  description: string;
  periodStart: string;
  periodEnd: string;
  focusAreas: string[];
}

/** Client checks of a plan's details, as the server makes them; field → message. */
export function planDetailsErrors(d: PlanDetails, t: (key: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (d.title.trim().length < 3) errors.title = t('actionPlans.create.titleRequired');
  if (!d.periodStart) errors.periodStart = t('actionPlans.create.dateRequired');
  if (!d.periodEnd) errors.periodEnd = t('actionPlans.create.dateRequired');
  else if (d.periodStart && d.periodEnd < d.periodStart)
    errors.periodEnd = t('actionPlans.create.endsBeforeStart');
  return errors;
}

/** Name, description, period and focus areas of a plan: the same fields when starting and revising one. */
export function PlanDetailsFields({
  form,
  value,
  onChange,
}: {
  form: ReturnType<typeof useFormErrors>;
  value: PlanDetails;
  onChange: (next: PlanDetails) => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<PlanDetails>) => onChange({ ...value, ...patch });
  return (
    <>
      <TextField
        id={form.fieldId('title')}
        label={t('actionPlans.plan.title')}
        required
        value={value.title}
        onValueChange={(title) => set({ title })}
        error={form.errors.title}
        maxLength={200}
      />
      <TextAreaField
        id={form.fieldId('description')}
        label={t('actionPlans.plan.description')}
        value={value.description}
        onValueChange={(description) => set({ description })}
        error={form.errors.description}
        maxLength={4000}
        rows={4}
      />
      <div className="period-fields">
        <TextField
          id={form.fieldId('periodStart')}
          label={t('actionPlans.create.periodStart')}
          type="date"
          required
          value={value.periodStart}
          onValueChange={(periodStart) => set({ periodStart })}
          error={form.errors.periodStart}
        />
        <TextField
          id={form.fieldId('periodEnd')}
          label={t('actionPlans.create.periodEnd')}
          type="date"
          required
          value={value.periodEnd}
          onValueChange={(periodEnd) => set({ periodEnd })}
          error={form.errors.periodEnd}
        />
      </div>
      <FocusAreasField
        id={form.fieldId('focusAreas')}
        value={value.focusAreas}
        onChange={(focusAreas) => set({ focusAreas })}
        error={form.errors.focusAreas}
      />
    </>
  );
}
