import type { ReactNode } from 'react';
import { type FieldValues, type Path, type UseFormReturn, useController } from 'react-hook-form';
import { controlProps, FieldFrame, FieldsetFrame, Options } from './FieldFrame.tsx';

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

/** The id, the named error and the frame's props of a bound field. */
function bound<T extends FieldValues>(
  cf: BoundForm<T>,
  name: Path<T>,
  label: ReactNode,
  required: boolean | undefined,
  hint: ReactNode,
) {
  const id = cf.fieldId(name);
  const error = cf.errorFor(name);
  return { id, error, frame: { id, label: label ?? cf.label(name), required, hint, error } };
}

// Spaces are thousands separators in Swedish ("1 200").
const toNumber = (v: unknown, empty: null | undefined) =>
  v === '' || v === null ? empty : typeof v === 'string' ? Number(v.replace(/\s/g, '')) : v;
// A select left at its "Choose …" option sends nothing, so that the contract says "required".
const toUndefined = (v: unknown) => (v === '' ? undefined : v);

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
  onBlur,
  asNumber,
  emptyAsNull,
  emptyAsUndefined,
  ...rest
}: BoundProps<T> &
  InputRest & {
    /** A whole number typed as text: empty is null (left out); anything else goes to the contract. */
    asNumber?: boolean;
    /** An optional date or address: empty is null, as the contract wants it. */
    emptyAsNull?: boolean;
    /** Empty is left out (for a contract field that is optional but not nullable). */
    emptyAsUndefined?: boolean;
  }) {
  const { id, error, frame } = bound(cf, name, label, required, hint);
  const empty = emptyAsUndefined ? undefined : null;
  const field = cf.form.register(
    name,
    asNumber
      ? { setValueAs: (v: unknown) => toNumber(v, empty) }
      : emptyAsNull || emptyAsUndefined
        ? { setValueAs: (v: unknown) => (v === '' ? empty : v) }
        : {},
  );
  return (
    <FieldFrame {...frame}>
      <input
        {...rest}
        {...field}
        onBlur={(e) => {
          void field.onBlur(e);
          onBlur?.(e);
        }}
        {...controlProps(id, hint, error, required)}
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
  emptyAsUndefined,
  ...rest
}: BoundProps<T> &
  TextAreaRest & {
    /** Empty is left out (an optional document that, left out, keeps the one stored). */
    emptyAsUndefined?: boolean;
  }) {
  const { id, error, frame } = bound(cf, name, label, required, hint);
  return (
    <FieldFrame {...frame}>
      <textarea
        {...rest}
        {...cf.form.register(
          name,
          emptyAsUndefined ? { setValueAs: (v: unknown) => (v === '' ? undefined : v) } : {},
        )}
        rows={rows}
        {...controlProps(id, hint, error, required)}
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
  asNumber,
}: BoundProps<T> & {
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  /** The options are numbers (a scale of 1–5): the contract gets the number. */
  asNumber?: boolean;
}) {
  const { id, error, frame } = bound(cf, name, label, required, hint);
  const setValueAs = asNumber
    ? (v: unknown) => toNumber(toUndefined(v), undefined)
    : placeholder === undefined
      ? undefined
      : toUndefined;
  return (
    <FieldFrame {...frame}>
      <select
        {...cf.form.register(name, setValueAs ? { setValueAs } : {})}
        {...controlProps(id, hint, error, required)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        <Options options={options} />
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
  const { id, error, frame } = bound(cf, name, label, false, hint);
  return (
    <div className="ds-field checkbox">
      {error ? (
        <div className="ds-validation-message" data-field="validation" data-color="danger" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      <input {...cf.form.register(name)} type="checkbox" {...controlProps(id, hint, error)} />
      <label className="ds-label" data-weight="regular" htmlFor={id}>
        {frame.label}
      </label>
      {hint ? (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

/**
 * Several checkboxes for one array field (an API client's scopes, a case's technologies): a fieldset
 * with its legend, the named error linked from the fieldset, and the chosen values in the order the
 * options are listed. `columns` flows a long list of short labels into columns.
 */
export function ContractCheckboxGroup<T extends FieldValues>({
  cf,
  name,
  hint,
  label,
  options,
  columns = false,
}: Omit<BoundProps<T>, 'required' | 'cf'> & {
  cf: Omit<BoundForm<T>, 'form'> & { form: Pick<UseFormReturn<T, unknown, unknown>, 'control'> };
  options: readonly { value: string; label: ReactNode; hint?: ReactNode }[];
  columns?: boolean;
}) {
  const { field } = useController({ control: cf.form.control, name });
  const id = cf.fieldId(name);
  const error = cf.errorFor(name);
  const chosen: readonly string[] = Array.isArray(field.value) ? field.value : [];
  const toggle = (value: string, on: boolean) =>
    field.onChange(options.map((o) => o.value).filter((v) => (v === value ? on : chosen.includes(v))));
  return (
    <FieldsetFrame id={id} legend={label ?? cf.label(name)} hint={hint} error={error}>
      <div className={columns ? 'checkbox-columns' : undefined}>
        {options.map((o) => {
          const optionId = `${id}-${o.value}`;
          return (
            <div className="ds-field checkbox" key={o.value}>
              <input
                className="ds-input"
                type="checkbox"
                id={optionId}
                name={name}
                value={o.value}
                checked={chosen.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
                onBlur={field.onBlur}
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
              />
              <label className="ds-label" data-weight="regular" htmlFor={optionId}>
                {o.label}
              </label>
              {o.hint ? (
                <div className="field-hint" id={`${optionId}-hint`}>
                  {o.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </FieldsetFrame>
  );
}
