import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../shared/contracts/common.ts';
import { type Gender, genders } from '../../shared/contracts/people.ts';
import { RadioGroup, SelectField } from './Form.tsx';

/**
 * The person's language of the service and optional gender (for funders' anonymous statistics), as asked
 * when accepting an invitation and on the account page.
 */
export function LanguageAndGenderFields(props: {
  languageId: string;
  genderId: string;
  languageLabel: string;
  genderLabel: string;
  genderHint: string;
  language: UiLanguage;
  gender: Gender;
  onLanguage: (v: UiLanguage) => void;
  onGender: (v: Gender) => void;
  languageError?: string | undefined;
  genderError?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField<UiLanguage>
        id={props.languageId}
        label={props.languageLabel}
        value={props.language}
        onValueChange={props.onLanguage}
        options={[
          { value: 'sv', label: t('languages.sv') },
          { value: 'en', label: t('languages.en') },
        ]}
        error={props.languageError}
      />
      <RadioGroup<Gender>
        id={props.genderId}
        legend={
          <>
            {props.genderLabel} <span className="optional-tag">{t('app.optional')}</span>
          </>
        }
        hint={props.genderHint}
        value={props.gender}
        onValueChange={props.onGender}
        error={props.genderError}
        options={genders.map((g) => ({ value: g, label: t(`genders.${g}`) }))}
      />
    </>
  );
}
