import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import { type BoundForm, ContractTextAreaField, ContractTextField } from '../../components/form/index.ts';
import { FocusAreasField } from './FocusAreasField.tsx';

interface PlanShape {
  title: string;
  description?: string | null | undefined;
  periodStart: string;
  periodEnd: string;
  focusAreas?: string[] | undefined;
}

export const planDetailsLabels = (t: (key: string) => string) => ({
  title: t('actionPlans.plan.title'),
  description: t('actionPlans.plan.description'),
  periodStart: t('actionPlans.create.periodStart'),
  periodEnd: t('actionPlans.create.periodEnd'),
  focusAreas: t('actionPlans.plan.focusAreas'),
});

/** Name, description, period and focus areas of a plan: the same fields when starting and revising one. */
export function PlanDetailsFields<T extends FieldValues & PlanShape>({
  cf,
}: {
  cf: BoundForm<T> & { form: Pick<UseFormReturn<T, unknown, unknown>, 'watch' | 'setValue'> };
}) {
  const name = (f: keyof PlanShape) => f as Path<T>;
  const focusAreas = (cf.form.watch(name('focusAreas')) as string[] | undefined) ?? [];
  return (
    <>
      <ContractTextField cf={cf} name={name('title')} required maxLength={200} />
      <ContractTextAreaField cf={cf} name={name('description')} maxLength={4000} rows={4} />
      <div className="period-fields">
        <ContractTextField cf={cf} name={name('periodStart')} type="date" required />
        <ContractTextField cf={cf} name={name('periodEnd')} type="date" required />
      </div>
      <FocusAreasField
        id={cf.fieldId('focusAreas')}
        value={focusAreas}
        onChange={(v) =>
          cf.form.setValue(name('focusAreas'), v as PathValue<T, Path<T>>, { shouldDirty: true })
        }
        error={cf.errorFor('focusAreas')}
      />
    </>
  );
}
