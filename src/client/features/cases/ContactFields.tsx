import { useTranslation } from 'react-i18next';
import { TextField, type useFormErrors } from '../../components/Form.tsx';
import type { CaseFormValues } from './case-form-state.ts';

type Setter = <K extends keyof CaseFormValues>(k: K) => (value: CaseFormValues[K]) => void;

/**
 * The contact person and their consent. The hint says exactly what consent shows and to whom, so the
 * author can ask the person before ticking it.
 */
export function ContactFields({
  values: v,
  set,
  form,
}: {
  values: CaseFormValues;
  set: Setter;
  form: ReturnType<typeof useFormErrors>;
}) {
  const { t } = useTranslation();
  const field = (k: 'contactName' | 'contactTitle' | 'contactEmail' | 'contactPhone', type = 'text') => (
    <TextField
      id={form.fieldId(k)}
      label={t(`cases.fields.${k}`)}
      type={type}
      value={v[k]}
      onValueChange={set(k)}
      error={form.errors[k]}
      maxLength={k === 'contactEmail' ? 254 : 200}
      autoComplete="off"
    />
  );
  return (
    <fieldset className="ds-fieldset fieldset case-contact-fields">
      <legend className="ds-label" data-weight="medium">
        {t('cases.fields.contact')}
      </legend>
      {field('contactName')}
      {field('contactTitle')}
      {field('contactEmail', 'email')}
      {field('contactPhone', 'tel')}
      <div className="ds-field checkbox">
        <input
          className="ds-input"
          type="checkbox"
          id={form.fieldId('contactConsent')}
          checked={v.contactConsent}
          aria-describedby="case-consent-hint"
          onChange={(e) => set('contactConsent')(e.target.checked)}
        />
        <label className="ds-label" data-weight="regular" htmlFor={form.fieldId('contactConsent')}>
          {t('cases.fields.consent')}
        </label>
      </div>
      <p className="field-hint" id="case-consent-hint">
        {t('cases.fields.consentHint')}
      </p>
    </fieldset>
  );
}
