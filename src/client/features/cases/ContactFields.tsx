import { useTranslation } from 'react-i18next';
import { ContractCheckbox, ContractTextField } from '../../components/form/index.ts';
import { ConvertedInput } from './case-fields.tsx';
import type { CaseForm } from './case-form-state.ts';

/**
 * The contact person and their consent. The hint says exactly what consent shows and to whom, so the
 * author can ask the person before ticking it. Labels are short inside the group; messages use the
 * long ones ("Kontaktpersonens namn: …").
 */
export function ContactFields({ cf }: { cf: CaseForm }) {
  const { t } = useTranslation();
  // Never the author's own details: the browser must not fill these in.
  const text = (name: 'contactName' | 'contactTitle' | 'contactPhone', maxLength: number, type?: string) => (
    <ContractTextField
      cf={cf}
      name={name}
      label={t(`cases.fields.${name}`)}
      type={type}
      maxLength={maxLength}
      autoComplete="off"
    />
  );
  return (
    <fieldset className="ds-fieldset fieldset case-contact-fields">
      <legend className="ds-label" data-weight="medium">
        {t('cases.fields.contact')}
      </legend>
      {text('contactName', 200)}
      {text('contactTitle', 200)}
      <ConvertedInput
        cf={cf}
        name="contactEmail"
        label={t('cases.fields.contactEmail')}
        type="email"
        maxLength={254}
        autoComplete="off"
      />
      {text('contactPhone', 40, 'tel')}
      <ContractCheckbox cf={cf} name="contactConsent" hint={t('cases.fields.consentHint')} />
    </fieldset>
  );
}
