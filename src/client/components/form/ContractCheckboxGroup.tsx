import type { ReactNode } from 'react';
import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import { ChoiceInput } from '../Form.tsx';
import { FieldsetFrame } from './FieldFrame.tsx';

/**
 * A list of values chosen with checkboxes (technologies, say), bound to an array field of a contract
 * form: a fieldset with a legend, and the field's named error on the fieldset.
 */
export function ContractCheckboxGroup<T extends FieldValues>({
  cf,
  name,
  legend,
  hint,
  options,
}: {
  cf: {
    form: Pick<UseFormReturn<T, unknown, unknown>, 'watch' | 'setValue' | 'formState'>;
    fieldId: (name: string) => string;
    errorFor: (name: string) => string | undefined;
  };
  name: Path<T>;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly { value: string; label: string }[];
}) {
  const id = cf.fieldId(name);
  const chosen = (cf.form.watch(name) ?? []) as string[];
  const set = (next: string[]) =>
    cf.form.setValue(name, next as PathValue<T, Path<T>>, {
      shouldDirty: true,
      shouldValidate: cf.form.formState.isSubmitted,
    });
  return (
    <FieldsetFrame id={id} legend={legend} hint={hint} error={cf.errorFor(name)}>
      <div className="checkbox-columns">
        {options.map((o) => (
          <ChoiceInput
            key={o.value}
            type="checkbox"
            id={`${id}-${o.value}`}
            label={o.label}
            checked={chosen.includes(o.value)}
            onChange={(e) =>
              set(e.target.checked ? [...chosen, o.value] : chosen.filter((k) => k !== o.value))
            }
          />
        ))}
      </div>
    </FieldsetFrame>
  );
}
