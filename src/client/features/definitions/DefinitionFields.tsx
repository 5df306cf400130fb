import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField, type useFormErrors } from '../../components/Form.tsx';

export interface VersionValues {
  termSv: string;
  termEn: string;
  bodySv: string;
  bodyEn: string;
  agreedNote: string;
}

export const emptyVersion: VersionValues = { termSv: '', termEn: '', bodySv: '', bodyEn: '', agreedNote: '' };

export const versionFields = ['termSv', 'termEn', 'bodySv', 'bodyEn', 'agreedNote'] as const;

/** The same checks as the contract, so the person hears about a missing field before the round trip. */
export function versionErrors(v: VersionValues, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ['termSv', 'termEn', 'bodySv', 'bodyEn'] as const)
    if (!v[f].trim()) out[f] = t(`definitions.errors.${f}`);
  return out;
}

export const versionBody = (v: VersionValues) => ({
  termSv: v.termSv.trim(),
  termEn: v.termEn.trim(),
  bodySv: v.bodySv.trim(),
  bodyEn: v.bodyEn.trim(),
  ...(v.agreedNote.trim() ? { agreedNote: v.agreedNote.trim() } : {}),
});

/** Term and definition in both languages and where it was agreed: one version of a term. */
export function DefinitionFields({
  form,
  value,
  onChange,
}: {
  form: ReturnType<typeof useFormErrors>;
  value: VersionValues;
  onChange: (v: VersionValues) => void;
}) {
  const { t } = useTranslation();
  const set = (field: keyof VersionValues) => (v: string) => onChange({ ...value, [field]: v });
  return (
    <>
      <TextField
        id={form.fieldId('termSv')}
        label={t('definitions.fields.termSv')}
        required
        lang="sv"
        value={value.termSv}
        onValueChange={set('termSv')}
        error={form.errors.termSv}
      />
      <TextAreaField
        id={form.fieldId('bodySv')}
        label={t('definitions.fields.bodySv')}
        required
        lang="sv"
        value={value.bodySv}
        onValueChange={set('bodySv')}
        error={form.errors.bodySv}
      />
      <TextField
        id={form.fieldId('termEn')}
        label={t('definitions.fields.termEn')}
        required
        lang="en"
        value={value.termEn}
        onValueChange={set('termEn')}
        error={form.errors.termEn}
      />
      <TextAreaField
        id={form.fieldId('bodyEn')}
        label={t('definitions.fields.bodyEn')}
        required
        lang="en"
        value={value.bodyEn}
        onValueChange={set('bodyEn')}
        error={form.errors.bodyEn}
      />
      <TextField
        id={form.fieldId('agreedNote')}
        label={t('definitions.fields.agreedNote')}
        hint={t('definitions.fields.agreedNoteHint')}
        value={value.agreedNote}
        onValueChange={set('agreedNote')}
        error={form.errors.agreedNote}
      />
    </>
  );
}
