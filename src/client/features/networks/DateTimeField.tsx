import type { ReactNode } from 'react';
import type { FieldValues, Path } from 'react-hook-form';
import { controlProps, FieldFrame } from '../../components/form/FieldFrame.tsx';
import type { BoundForm } from '../../components/form/index.ts';
import { fromLocalInput } from './data.ts';

/**
 * A local date and time (`datetime-local`) bound to a contract form: the contract gets the instant with
 * its offset, null when left empty (undefined with `emptyAsUndefined`), and words what is wrong.
 */
export function ContractDateTimeField<T extends FieldValues>({
  cf,
  name,
  required,
  hint,
  emptyAsUndefined,
}: {
  cf: BoundForm<T>;
  name: Path<T>;
  required?: boolean;
  hint?: ReactNode;
  emptyAsUndefined?: boolean;
}) {
  const id = cf.fieldId(name);
  const error = cf.errorFor(name);
  const empty = emptyAsUndefined ? undefined : null;
  const field = cf.form.register(name, {
    setValueAs: (v: unknown) => (v === '' || v == null ? empty : (fromLocalInput(String(v)) ?? v)),
  });
  return (
    <FieldFrame id={id} label={cf.label(name)} required={required} hint={hint} error={error}>
      <input {...field} type="datetime-local" {...controlProps(id, hint, error, required)} />
    </FieldFrame>
  );
}
