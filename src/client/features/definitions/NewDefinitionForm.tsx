import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DefinitionDetail,
  DefinitionKey,
  type DefinitionOwner,
} from '../../../shared/contracts/definitions.ts';
import { SelectField, SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import {
  DefinitionFields,
  emptyVersion,
  versionBody,
  versionErrors,
  versionFields,
} from './DefinitionFields.tsx';
import { definitionsKey } from './data.ts';

const FIELDS = ['ownerId', 'key', ...versionFields] as const;

/** Adds a term for one of the owners where the person holds `definition.manage`. */
export function NewDefinitionForm({
  owners,
  onDone,
}: {
  owners: DefinitionOwner[];
  onDone: (m: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const form = useFormErrors('new-definition');
  const [ownerId, setOwnerId] = useState(owners[0]?.id ?? '');
  const [key, setKey] = useState('');
  const [values, setValues] = useState(emptyVersion);
  const create = useMutation({
    mutationFn: () =>
      api.post('/definitions', DefinitionDetail, { ownerId, key: key.trim(), ...versionBody(values) }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = versionErrors(values, t);
    if (!DefinitionKey.safeParse(key.trim()).success) errors.key = t('definitions.errors.key');
    if (Object.keys(errors).length > 0) return form.fail(errors);
    form.clear();
    create.mutate(undefined, {
      onSuccess: async (d) => {
        await qc.invalidateQueries({ queryKey: definitionsKey });
        setKey('');
        setValues(emptyVersion);
        onDone(
          t('definitions.create.done', {
            term: i18n.language === 'en' ? d.current.termEn : d.current.termSv,
          }),
        );
      },
      onError: (err) => form.failFromApi(err, FIELDS),
    });
  };

  return (
    <form onSubmit={submit} noValidate className="form narrow-form" aria-labelledby="new-definition-heading">
      <h2 className="ds-heading" data-size="sm" id="new-definition-heading">
        {t('definitions.create.title')}
      </h2>
      {form.summary}
      {owners.length > 1 ? (
        <SelectField
          id={form.fieldId('ownerId')}
          label={t('definitions.fields.owner')}
          value={ownerId}
          onValueChange={setOwnerId}
          error={form.errors.ownerId}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        />
      ) : null}
      <TextField
        id={form.fieldId('key')}
        label={t('definitions.fields.key')}
        hint={t('definitions.fields.keyHint')}
        required
        autoComplete="off"
        spellCheck={false}
        value={key}
        onValueChange={setKey}
        error={form.errors.key}
      />
      <DefinitionFields form={form} value={values} onChange={setValues} />
      <div className="form-actions">
        <SubmitButton
          busy={create.isPending}
          label={t('definitions.create.submit')}
          busyLabel={t('definitions.create.submitting')}
        />
      </div>
    </form>
  );
}
