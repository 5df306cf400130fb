import type { ReactNode } from 'react';
import { controlProps, FieldFrame, Options } from '../../components/form/FieldFrame.tsx';
import { parseNumber } from '../../lib/format.ts';
import type { CaseForm } from './case-form-state.ts';

/**
 * The case fields whose typed text is not yet the contract's value: an empty choice or address is
 * "none" (null), a cost is a number. The shared bound fields send text as typed, so these convert it
 * on the way in (react-hook-form's `setValueAs`) and leave the checking to the contract.
 */

type NullableName = 'sizeBand' | 'serviceArea' | 'initiativeId' | 'contactEmail';

const emptyIsNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
/** "12 500" and "12500" are numbers; anything else stays NaN, which the contract words as a field error. */
const toCost = (v: unknown) => {
  if (typeof v !== 'string') return v;
  return v.trim() === '' ? null : parseNumber(v);
};

interface Props {
  cf: CaseForm;
  label?: ReactNode;
  hint?: ReactNode;
}

/** The id, the named error and the frame of one case field (the form kit's bound fields do the same). */
function frameOf(cf: CaseForm, name: NullableName | 'costSek', label: ReactNode, hint: ReactNode) {
  const id = cf.fieldId(name);
  const error = cf.errorFor(name);
  return { id, error, frame: { id, label: label ?? cf.label(name), hint, error } };
}

export function NullableSelect({
  cf,
  name,
  label,
  hint,
  options,
  empty,
}: Props & {
  name: Exclude<NullableName, 'contactEmail'>;
  options: readonly { value: string; label: string }[];
  /** The option that means "none". */
  empty: string;
}) {
  const { id, error, frame } = frameOf(cf, name, label, hint);
  return (
    <FieldFrame {...frame}>
      <select {...cf.form.register(name, { setValueAs: emptyIsNull })} {...controlProps(id, hint, error)}>
        <option value="">{empty}</option>
        <Options options={options} />
      </select>
    </FieldFrame>
  );
}

export function ConvertedInput({
  cf,
  name,
  label,
  hint,
  ...rest
}: Props & { name: 'costSek' | 'contactEmail' } & Omit<
    React.InputHTMLAttributes<HTMLInputElement>,
    'id' | 'name' | 'value' | 'onChange'
  >) {
  const { id, error, frame } = frameOf(cf, name, label, hint);
  return (
    <FieldFrame {...frame}>
      <input
        {...rest}
        {...cf.form.register(name, { setValueAs: name === 'costSek' ? toCost : emptyIsNull })}
        {...controlProps(id, hint, error)}
      />
    </FieldFrame>
  );
}
