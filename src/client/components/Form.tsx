import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';
import { errorMessage } from './Feedback.tsx';

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
      const mapped: FieldErrors = {};
      let other: string | null;
      if (err instanceof ApiError) {
        const unmapped: string[] = [];
        for (const [field, message] of Object.entries(err.fieldErrors)) {
          if (fields.includes(field)) mapped[field] = message;
          else unmapped.push(message);
        }
        const title = errorMessage(err, t);
        other =
          Object.keys(mapped).length > 0
            ? unmapped.length > 0
              ? unmapped.join(' ')
              : null
            : [title, ...unmapped].join(' ');
      } else {
        other = errorMessage(err, t);
      }
      fail(mapped, other);
    },
    [fail, t],
  );

  const summary = (
    <ErrorSummary
      ref={summaryRef}
      errors={errors}
      general={general}
      fieldId={fieldId}
      headingId={`${prefix}-error-summary`}
    />
  );
  return { errors, general, fail, clear, failFromApi, fieldId, summary, hasErrors: attempt > 0 };
}

function ErrorSummary({
  errors,
  general,
  fieldId,
  headingId,
  ref,
}: {
  errors: FieldErrors;
  general: string | null;
  fieldId: (name: string) => string;
  headingId: string;
  ref: React.Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  const entries = Object.entries(errors);
  if (entries.length === 0 && !general) return <div ref={ref} tabIndex={-1} hidden />;
  return (
    <div className="ds-error-summary error-summary" tabIndex={-1} ref={ref}>
      <h2 className="ds-heading" data-size="xs" id={headingId}>
        {entries.length > 0 ? t('form.errorSummaryTitle') : t('app.errorTitle')}
      </h2>
      {general ? <p className="ds-paragraph">{general}</p> : null}
      {entries.length > 0 ? (
        <ul className="ds-list">
          {entries.map(([field, message]) => (
            <li key={field}>
              <a
                className="ds-link"
                href={`#${fieldId(field)}`}
                onClick={(e) => {
                  const el = document.getElementById(fieldId(field));
                  if (el) {
                    e.preventDefault();
                    el.focus();
                    el.scrollIntoView({ block: 'center' });
                  }
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

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

interface BaseFieldProps {
  id: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({
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
        id={id}
        className="ds-input"
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
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
        id={id}
        className="ds-input"
        rows={rows}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
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
        id={id}
        name={name}
        className="ds-input"
        value={value}
        onChange={(e) => onValueChange(e.target.value as V)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
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
      <div className="radio-list">
        {options.map((o) => (
          <div className="ds-field radio" key={o.value}>
            <input
              className="ds-input"
              type="radio"
              id={`${id}-${o.value}`}
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onValueChange(o.value)}
            />
            <label className="ds-label" data-weight="regular" htmlFor={`${id}-${o.value}`}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
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

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
