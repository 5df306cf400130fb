import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseLinkChoices } from '../../../shared/contracts/cases.ts';
import { ContractCheckboxGroup } from '../../components/form/index.ts';
import { api, qs } from '../../lib/api.ts';
import { NullableSelect } from './case-fields.tsx';
import type { CaseForm } from './case-form-state.ts';

/**
 * Results linked to measurements: the initiative the case grew out of and the benefit indicators that
 * show its results, chosen among the municipality's own initiatives. Nothing shows without any.
 */
export function LinkFields({ cf, municipalityCode }: { cf: CaseForm; municipalityCode: string }) {
  const { t } = useTranslation();
  const choices = useQuery({
    queryKey: ['cases', 'link-choices', municipalityCode],
    queryFn: () => api.get(`/cases/link-choices${qs({ municipality: municipalityCode })}`, CaseLinkChoices),
  });
  // Links are the municipality's own: another municipality starts without them.
  const shownFor = useRef(municipalityCode);
  useEffect(() => {
    if (shownFor.current === municipalityCode) return;
    shownFor.current = municipalityCode;
    cf.form.setValue('initiativeId', null);
    cf.form.setValue('indicatorIds', []);
  }, [cf.form, municipalityCode]);
  const initiatives = choices.data?.initiatives ?? [];
  if (initiatives.length === 0) return null;
  const indicators = initiatives.flatMap((i) => i.indicators.map((ind) => ({ ...ind, initiative: i.title })));
  return (
    <div className="case-links">
      <NullableSelect
        cf={cf}
        name="initiativeId"
        empty={t('cases.fields.noInitiative')}
        options={initiatives.map((i) => ({ value: i.id, label: i.title }))}
      />
      {indicators.length > 0 ? (
        <ContractCheckboxGroup
          cf={cf}
          name="indicatorIds"
          columns
          label={t('cases.fields.indicators')}
          hint={t('cases.fields.indicatorsHint')}
          options={indicators.map((ind) => ({
            value: ind.id,
            label: t('cases.fields.indicatorLabel', {
              name: ind.name,
              unit: ind.unit,
              initiative: ind.initiative,
            }),
          }))}
        />
      ) : null}
    </div>
  );
}
