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
  return (
    <fieldset className="ds-fieldset fieldset case-contact-fields">
      <legend className="ds-label" data-weight="medium">
        {t('cases.fields.contact')}
      </legend>
      <ContractTextField
        cf={cf}
        name="contactName"
        label={t('cases.fields.contactName')}
        maxLength={200}
        autoComplete="off"
      />
      <ContractTextField
        cf={cf}
        name="contactTitle"
        label={t('cases.fields.contactTitle')}
        maxLength={200}
        autoComplete="off"
      />
      <ConvertedInput
        cf={cf}
        name="contactEmail"
        label={t('cases.fields.contactEmail')}
        type="email"
        maxLength={254}
        autoComplete="off"
      />
      <ContractTextField
        cf={cf}
        name="contactPhone"
        label={t('cases.fields.contactPhone')}
        type="tel"
        maxLength={40}
        autoComplete="off"
      />
      <ContractCheckbox cf={cf} name="contactConsent" hint={t('cases.fields.consentHint')} />
    </fieldset>
  );
}
