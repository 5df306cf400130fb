import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitApiError } from './form/api-errors.ts';
import { ErrorSummary } from './form/ErrorSummary.tsx';
import { type BaseFieldProps, controlProps, FieldFrame, FieldsetFrame, Options } from './form/FieldFrame.tsx';

export { RequiredTag } from './form/FieldFrame.tsx';

export type FieldErrors = Record<string, string>;

/**
 * Error state of one form: client-side checks and server problem+json mapped to fields
 * (`body.email` → field `email`). After every failed submit, focus moves to the error summary.
 */
export function useFormErrors(prefix: string) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  const fieldId = useCallback((name: string) => `${prefix}-${name}`, [prefix]);

  const fail = useCallback((fieldErrors: FieldErrors, message: string | null = null) => {
    setErrors(fieldErrors);
    setGeneral(message);
    setAttempt((a) => a + 1);
  }, []);

  const clear = useCallback(() => {
    setErrors({});
    setGeneral(null);
  }, []);

  /** Maps an API error to the form's fields; anything else becomes the summary's message. */
  const failFromApi = useCallback(
    (err: unknown, fields: readonly string[]) => {
      const split = splitApiError(err, (f) => fields.includes(f), t);
      fail(split.fields, split.general);
    },
    [fail, t],
  );

  const summary = (
    <ErrorSummary
      ref={summaryRef}
      entries={Object.entries(errors).map(([field, message]) => ({ fieldId: fieldId(field), message }))}
      general={general}
      headingId={`${prefix}-error-summary`}
    />
  );
  return { errors, general, fail, clear, failFromApi, fieldId, summary, hasErrors: attempt > 0 };
}

type InputProps = BaseFieldProps &
  Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id' | 'required'> & {
    value: string;
    onValueChange: (v: string) => void;
  };

export function TextField({ id, label, required, hint, error, value, onValueChange, ...rest }: InputProps) {
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <input
        {...rest}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        {...controlProps(id, hint, error, required)}
      />
    </FieldFrame>
  );
}

type TextAreaProps = BaseFieldProps &
  Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'required'> & {
    value: string;
    onValueChange: (v: string) => void;
  };

/** A labelled multi-line field with the same hint and error wiring as TextField. */
export function TextAreaField({
  id,
  label,
  required,
  hint,
  error,
  value,
  onValueChange,
  rows = 5,
  ...rest
}: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <textarea
        {...rest}
        rows={rows}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        {...controlProps(id, hint, error, required)}
      />
    </FieldFrame>
  );
}

export function SelectField<V extends string>({
  id,
  label,
  required,
  hint,
  error,
  value,
  onValueChange,
  options,
  name,
}: BaseFieldProps & {
  value: V;
  onValueChange: (v: V) => void;
  options: readonly { value: V; label: string }[];
  name?: string;
}) {
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <select
        name={name}
        value={value}
        onChange={(e) => onValueChange(e.target.value as V)}
        {...controlProps(id, hint, error, required)}
      >
        <Options options={options} />
      </select>
    </FieldFrame>
  );
}

/** One checkbox or radio button with its label after it: the markup of every choice in the app. */
export function ChoiceInput({
  id,
  type,
  label,
  as: Wrapper = 'div',
  ...rest
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
  id: string;
  type: 'checkbox' | 'radio';
  label: ReactNode;
  /** `li` where the choices are a list. */
  as?: 'div' | 'li';
}) {
  return (
    <Wrapper className={`ds-field ${type}`}>
      <input {...rest} className="ds-input" type={type} id={id} />
      <label className="ds-label" data-weight="regular" htmlFor={id}>
        {label}
      </label>
    </Wrapper>
  );
}

/** A radio group in a fieldset with a legend. */
export function RadioGroup<V extends string>({
  id,
  legend,
  hint,
  value,
  onValueChange,
  options,
  error,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  value: V;
  onValueChange: (v: V) => void;
  options: readonly { value: V; label: string }[];
  error?: string | undefined;
}) {
  const name = useId();
  return (
    <FieldsetFrame id={id} legend={legend} hint={hint} error={error}>
      <div className="radio-list">
        {options.map((o) => (
          <ChoiceInput
            key={o.value}
            type="radio"
            id={`${id}-${o.value}`}
            label={o.label}
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onValueChange(o.value)}
          />
        ))}
      </div>
    </FieldsetFrame>
  );
}

export function SubmitButton({
  busy,
  label,
  busyLabel,
  disabled,
  variant = 'primary',
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  disabled?: boolean;
  variant?: 'primary' | 'secondary';
}) {
  return (
    <button
      type="submit"
      className="ds-button"
      data-variant={variant}
      aria-busy={busy || undefined}
      aria-disabled={busy || disabled || undefined}
      disabled={disabled}
      onClick={(e) => {
        if (busy) e.preventDefault();
      }}
    >
      {busy ? <span className="ds-spinner-inline" aria-hidden="true" /> : null}
      {busy ? busyLabel : label}
    </button>
  );
}
