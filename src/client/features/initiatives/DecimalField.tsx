import type { ReactNode } from 'react';
import type { FieldValues, Path } from 'react-hook-form';
import { controlProps, FieldFrame } from '../../components/form/FieldFrame.tsx';
import type { BoundForm } from '../../components/form/index.ts';
import { parseNumber } from '../../lib/format.ts';

/**
 * A decimal number typed the Swedish way ("550,5", "1 200") bound to a contract form: the contract gets
 * the number, or null when the field is left empty (undefined with `emptyAsUndefined`), and says the rest.
 * (The kit's text field reads numbers with a decimal point only.)
 */
export function ContractDecimalField<T extends FieldValues>({
  cf,
  name,
  required,
  hint,
  label,
  emptyAsUndefined,
}: {
  cf: BoundForm<T>;
  name: Path<T>;
  required?: boolean;
  hint?: ReactNode;
  label?: ReactNode;
  emptyAsUndefined?: boolean;
}) {
  const id = cf.fieldId(name);
  const error = cf.errorFor(name);
  const empty = emptyAsUndefined ? undefined : null;
  const field = cf.form.register(name, {
    setValueAs: (v: unknown) =>
      typeof v === 'string' ? (v.trim() === '' ? empty : parseNumber(v)) : (v ?? empty),
  });
  return (
    <FieldFrame id={id} label={label ?? cf.label(name)} required={required} hint={hint} error={error}>
      <input {...field} inputMode="decimal" autoComplete="off" {...controlProps(id, hint, error, required)} />
    </FieldFrame>
  );
}
