import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DefinitionDetail } from '../../../shared/contracts/definitions.ts';
import { SubmitButton, useFormErrors } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { DefinitionFields, versionBody, versionErrors, versionFields } from './DefinitionFields.tsx';
import { definitionsKey } from './data.ts';

/** The next version of a term, starting from the current text; the current one is kept as it is. */
export function NewVersionForm({
  definition: d,
  onDone,
}: {
  definition: DefinitionDetail;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useFormErrors('new-version');
  const [values, setValues] = useState({
    termSv: d.current.termSv,
    termEn: d.current.termEn,
    bodySv: d.current.bodySv,
    bodyEn: d.current.bodyEn,
    agreedNote: '',
  });
  const save = useMutation({
    mutationFn: () =>
      api.post(`/definitions/${d.id}/versions`, DefinitionDetail, {
        ...versionBody(values),
        baseVersion: d.current.version,
      }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = versionErrors(values, t);
    if (Object.keys(errors).length > 0) return form.fail(errors);
    form.clear();
    save.mutate(undefined, {
      onSuccess: async (saved) => {
        await qc.invalidateQueries({ queryKey: definitionsKey });
        setValues((v) => ({ ...v, agreedNote: '' }));
        onDone(t('definitions.newVersion.done', { version: saved.current.version }));
      },
      onError: (err) => form.failFromApi(err, versionFields),
    });
  };

  return (
    <form onSubmit={submit} noValidate className="form narrow-form" aria-labelledby="new-version-heading">
      <h2 className="ds-heading" data-size="sm" id="new-version-heading">
        {t('definitions.newVersion.title')}
      </h2>
      <p className="ds-paragraph">{t('definitions.newVersion.lead')}</p>
      {form.summary}
      <DefinitionFields form={form} value={values} onChange={setValues} />
      <div className="form-actions">
        <SubmitButton
          busy={save.isPending}
          label={t('definitions.newVersion.submit')}
          busyLabel={t('definitions.newVersion.submitting')}
        />
      </div>
    </form>
  );
}
