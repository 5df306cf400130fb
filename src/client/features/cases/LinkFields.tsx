import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CaseLinkChoices } from '../../../shared/contracts/cases.ts';
import { SelectField } from '../../components/Form.tsx';
import { api, qs } from '../../lib/api.ts';
import type { CaseFormValues } from './case-form-state.ts';

type Setter = <K extends keyof CaseFormValues>(k: K) => (value: CaseFormValues[K]) => void;

/**
 * Results linked to measurements: the initiative the case grew out of and the benefit indicators that
 * show its results, chosen among the municipality's own initiatives. Nothing shows without any.
 */
export function LinkFields({
  municipalityCode,
  values: v,
  set,
}: {
  municipalityCode: string;
  values: CaseFormValues;
  set: Setter;
}) {
  const { t } = useTranslation();
  const choices = useQuery({
    queryKey: ['cases', 'link-choices', municipalityCode],
    queryFn: () => api.get(`/cases/link-choices${qs({ municipality: municipalityCode })}`, CaseLinkChoices),
  });
  const initiatives = choices.data?.initiatives ?? [];
  if (initiatives.length === 0) return null;
  const indicators = initiatives.flatMap((i) => i.indicators.map((ind) => ({ ...ind, initiative: i.title })));
  return (
    <fieldset className="ds-fieldset fieldset case-contact-fields" aria-describedby="case-links-hint">
      <legend className="ds-label" data-weight="medium">
        {t('cases.fields.indicators')}
      </legend>
      <p className="field-hint" id="case-links-hint">
        {t('cases.fields.indicatorsHint')}
      </p>
      <SelectField
        id="case-initiativeId"
        label={t('cases.fields.initiative')}
        value={v.initiativeId}
        onValueChange={set('initiativeId')}
        options={[
          { value: '', label: t('cases.fields.noInitiative') },
          ...initiatives.map((i) => ({ value: i.id, label: i.title })),
        ]}
      />
      {indicators.map((ind) => (
        <div className="ds-field checkbox" key={ind.id}>
          <input
            className="ds-input"
            type="checkbox"
            id={`case-indicator-${ind.id}`}
            checked={v.indicatorIds.includes(ind.id)}
            onChange={(e) =>
              set('indicatorIds')(
                e.target.checked ? [...v.indicatorIds, ind.id] : v.indicatorIds.filter((x) => x !== ind.id),
              )
            }
          />
          <label className="ds-label" data-weight="regular" htmlFor={`case-indicator-${ind.id}`}>
            {t('cases.fields.indicatorLabel', { name: ind.name, unit: ind.unit, initiative: ind.initiative })}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
