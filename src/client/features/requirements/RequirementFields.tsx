import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { requirementCategories, requirementLevels } from '../../../shared/contracts/requirements.ts';
import {
  type BoundForm,
  ContractCheckboxGroup,
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
} from '../../components/form/index.ts';
import { useTechnologies } from '../cases/case-queries.ts';

type Shape = {
  textSv: string;
  textEn?: string;
  level: string;
  category: string;
  source?: string;
  technologyKeys: string[];
};

export const requirementLabels = (t: (key: string) => string) => ({
  ownerId: t('requirements.fields.ownerId'),
  textSv: t('requirements.fields.textSv'),
  textEn: t('requirements.fields.textEn'),
  level: t('requirements.fields.level'),
  category: t('requirements.fields.category'),
  source: t('requirements.fields.source'),
  technologyKeys: t('requirements.fields.technologyKeys'),
});

/** The fields of one version of a requirement, in the new and the edit form alike. */
export function RequirementFields<T extends FieldValues & Shape>({
  cf,
}: {
  cf: BoundForm<T> & {
    form: Pick<UseFormReturn<T, unknown, unknown>, 'register' | 'control' | 'formState'>;
  };
}) {
  const { t, i18n } = useTranslation();
  const technologies = useTechnologies(i18n.language);
  const name = (f: keyof Shape) => f as Path<T>;
  return (
    <>
      <ContractTextAreaField cf={cf} name={name('textSv')} required lang="sv" rows={4} />
      <ContractSelectField
        cf={cf}
        name={name('level')}
        required
        options={requirementLevels.map((l) => ({ value: l, label: t(`requirements.levels.${l}`) }))}
      />
      <ContractSelectField
        cf={cf}
        name={name('category')}
        required
        placeholder={t('requirements.fields.chooseCategory')}
        options={requirementCategories.map((c) => ({ value: c, label: t(`requirements.categories.${c}`) }))}
      />
      <ContractCheckboxGroup
        cf={cf}
        name={name('technologyKeys')}
        columns
        label={t('requirements.fields.technologyKeys')}
        options={(technologies.data?.items ?? []).map((x) => ({ value: x.key, label: x.name }))}
      />
      <ContractTextField cf={cf} name={name('source')} hint={t('requirements.fields.sourceHint')} />
      <ContractTextAreaField
        cf={cf}
        name={name('textEn')}
        lang="en"
        rows={3}
        hint={t('requirements.fields.textEnHint')}
      />
    </>
  );
}
