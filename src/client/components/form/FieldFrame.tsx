import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function RequiredTag() {
  const { t } = useTranslation();
  // The input's `required` attribute tells assistive technology; the tag (beside the label, not in it)
  // is for sighted users, so that the field is called exactly by its label.
  return (
    <span className="required-tag" aria-hidden="true">
      {t('app.required')}
    </span>
  );
}

export interface BaseFieldProps {
  id: string;
  label: ReactNode;
  required?: boolean | undefined;
  hint?: ReactNode;
  error?: string | undefined;
}

/** The ids a field's input is described by: its hint and its error, when shown. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** What every input of a field carries: its id and class, required state, validity and description. */
export function controlProps(id: string, hint: unknown, error: unknown, required?: boolean) {
  return {
    id,
    className: 'ds-input',
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  } as const;
}

export function Options({ options }: { options: readonly { value: string; label: string }[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/** Label, required tag, hint and error around one input; the same frame for every field in the app. */
export function FieldFrame({
  id,
  label,
  required,
  hint,
  error,
  children,
}: BaseFieldProps & { children: ReactNode }) {
  return (
    <div className="ds-field field">
      <div className="label-row">
        <label className="ds-label" data-weight="medium" htmlFor={id}>
          {label}
        </label>
        {required ? <RequiredTag /> : null}
      </div>
      {hint ? (
        <div className="field-hint" data-field="description" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="ds-validation-message" data-field="validation" data-color="danger" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      {children}
    </div>
  );
}

/** Legend, hint and error around a group of choices (radio buttons, checkboxes); focusable for the summary. */
export function FieldsetFrame({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset
      className="ds-fieldset fieldset"
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="ds-label" data-weight="medium">
        {legend}
      </legend>
      {hint ? (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="ds-validation-message" data-color="danger" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      {children}
    </fieldset>
  );
}
