import type { FieldErrors } from '../../components/Form.tsx';
import { TextAreaField, TextField } from '../../components/Form.tsx';
import { contentField, type Pair } from './template-draft.ts';

/** How an editor part finds its fields' ids and errors: by content path. */
export interface Fields {
  id: (name: string) => string;
  errors: FieldErrors;
}
export const fieldProps = (fields: Fields, path: readonly (string | number)[]) => {
  const name = contentField(path);
  return { id: fields.id(name), error: fields.errors[name] };
};

/** A Swedish and an English field for one text, side by side where there is room. */
export function PairFields({
  fields,
  path,
  value,
  onChange,
  labels,
  required = true,
  multiline = false,
  hint,
}: {
  fields: Fields;
  path: readonly (string | number)[];
  value: Pair;
  onChange: (p: Pair) => void;
  labels: Pair;
  required?: boolean;
  multiline?: boolean;
  hint?: string;
}) {
  return (
    <div className="pair-fields">
      {(['sv', 'en'] as const).map((lang) => {
        const props = {
          ...fieldProps(fields, [...path, lang]),
          label: labels[lang],
          hint,
          required,
          lang,
          value: value[lang],
          onValueChange: (v: string) => onChange({ ...value, [lang]: v }),
          maxLength: 2000,
        };
        return multiline ? (
          <TextAreaField key={lang} rows={3} {...props} />
        ) : (
          <TextField key={lang} {...props} />
        );
      })}
    </div>
  );
}
