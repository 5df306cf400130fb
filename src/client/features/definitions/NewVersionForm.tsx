import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateDefinitionVersion, DefinitionDetail } from '../../../shared/contracts/definitions.ts';
import { SubmitButton } from '../../components/Form.tsx';
import { useContractForm } from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';
import { DefinitionFields, versionLabels } from './DefinitionFields.tsx';
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
  const cf = useContractForm(CreateDefinitionVersion, {
    id: 'new-version',
    defaultValues: {
      termSv: d.current.termSv,
      termEn: d.current.termEn,
      bodySv: d.current.bodySv,
      bodyEn: d.current.bodyEn,
      agreedNote: '',
      baseVersion: d.current.version,
    },
    labels: versionLabels(t),
    onSubmit: async (values, { form }) => {
      const saved = await api.post(`/definitions/${d.id}/versions`, DefinitionDetail, {
        ...values,
        agreedNote: values.agreedNote || undefined,
      });
      await qc.invalidateQueries({ queryKey: definitionsKey });
      form.reset({ ...values, agreedNote: '', baseVersion: saved.current.version });
      onDone(t('definitions.newVersion.done', { version: saved.current.version }));
    },
  });

  return (
    <form
      onSubmit={cf.onSubmit}
      noValidate
      className="form narrow-form"
      aria-labelledby="new-version-heading"
    >
      <h2 className="ds-heading" data-size="sm" id="new-version-heading">
        {t('definitions.newVersion.title')}
      </h2>
      <p className="ds-paragraph">{t('definitions.newVersion.lead')}</p>
      {cf.summary}
      <DefinitionFields cf={cf} />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={t('definitions.newVersion.submit')}
          busyLabel={t('definitions.newVersion.submitting')}
        />
      </div>
    </form>
  );
}
