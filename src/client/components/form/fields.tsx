import type { ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { describedBy, FieldFrame } from './FieldFrame.tsx';

/** What a bound field needs from useContractForm: the form, ids, labels and named messages. */
export interface BoundForm<T extends FieldValues> {
  form: Pick<UseFormReturn<T, unknown, unknown>, 'register'>;
  fieldId: (name: string) => string;
  label: (name: string) => string;
  errorFor: (name: string) => string | undefined;
}

interface BoundProps<T extends FieldValues> {
  cf: BoundForm<T>;
  name: Path<T>;
  required?: boolean;
  hint?: ReactNode;
  /** A label other than the one the form names its messages with (rarely needed). */
  label?: ReactNode;
}

type InputRest = Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  'id' | 'name' | 'required' | 'value' | 'onChange'
>;

/** A text input bound to a contract form: label, hint, named error and aria wiring from one place. */
export function ContractTextField<T extends FieldValues>({
  cf,
  name,
  required,
  hint,
  label,
  ...rest
}: BoundProps<T> & InputRest) {
  const id = cf.fieldId(name);
  const error = cf.errorFor(name);
  return (
    <FieldFrame id={id} label={label ?? cf.label(name)} required={required} hint={hint} error={error}>
      <input
        {...rest}
        {...cf.form.register(name)}
        id={id}
        className="ds-input"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

type TextAreaRest = Omit<
  React.TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'name' | 'required' | 'value' | 'onChange'
>;

export function ContractTextAreaField<T extends FieldValues>({
  cf,
  name,
  required,
  hint,
  label,
  rows = 5,
  ...rest
}: BoundProps<T> & TextAreaRest) {
  const id = cf.fieldId(name);
  const error = cf.errorFor(name);
  return (
    <FieldFrame id={id} label={label ?? cf.label(name)} required={required} hint={hint} error={error}>
      <textarea
        {...rest}
        {...cf.form.register(name)}
        id={id}
        rows={rows}
        className="ds-input"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

export function ContractSelectField<T extends FieldValues>({
  cf,
  name,
  required,
  hint,
  label,
  options,
  placeholder,
}: BoundProps<T> & { options: readonly { value: string; label: string }[]; placeholder?: string }) {
  const id = cf.fieldId(name);
  const error = cf.errorFor(name);
  return (
    <FieldFrame id={id} label={label ?? cf.label(name)} required={required} hint={hint} error={error}>
      <select
        {...cf.form.register(name)}
        id={id}
        className="ds-input"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A single checkbox with its label after it; its error (if any) named like the others. */
export function ContractCheckbox<T extends FieldValues>({
  cf,
  name,
  hint,
  label,
}: Omit<BoundProps<T>, 'required'>) {
  const id = cf.fieldId(name);
  const error = cf.errorFor(name);
  return (
    <div className="ds-field checkbox">
      {error ? (
        <div className="ds-validation-message" data-field="validation" data-color="danger" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      <input
        {...cf.form.register(name)}
        type="checkbox"
        id={id}
        className="ds-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <label className="ds-label" data-weight="regular" htmlFor={id}>
        {label ?? cf.label(name)}
      </label>
      {hint ? (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
