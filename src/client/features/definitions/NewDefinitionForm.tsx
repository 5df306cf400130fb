import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  CreateDefinition,
  DefinitionDetail,
  type DefinitionOwner,
} from '../../../shared/contracts/definitions.ts';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractSelectField, ContractTextField, useContractForm } from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';
import { DefinitionFields, versionLabels } from './DefinitionFields.tsx';
import { definitionsKey } from './data.ts';

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
  const empty = {
    ownerId: owners[0]?.id ?? '',
    key: '',
    termSv: '',
    termEn: '',
    bodySv: '',
    bodyEn: '',
    agreedNote: '',
  };
  const cf = useContractForm(CreateDefinition, {
    id: 'new-definition',
    defaultValues: empty,
    labels: { ownerId: t('definitions.fields.owner'), key: t('definitions.fields.key'), ...versionLabels(t) },
    onSubmit: async (values, { form }) => {
      const d = await api.post('/definitions', DefinitionDetail, {
        ...values,
        agreedNote: values.agreedNote || undefined,
      });
      await qc.invalidateQueries({ queryKey: definitionsKey });
      form.reset({ ...empty, ownerId: values.ownerId });
      onDone(
        t('definitions.create.done', { term: i18n.language === 'en' ? d.current.termEn : d.current.termSv }),
      );
    },
  });

  return (
    <form
      onSubmit={cf.onSubmit}
      noValidate
      className="form narrow-form"
      aria-labelledby="new-definition-heading"
    >
      <h2 className="ds-heading" data-size="sm" id="new-definition-heading">
        {t('definitions.create.title')}
      </h2>
      {cf.summary}
      {owners.length > 1 ? (
        <ContractSelectField
          cf={cf}
          name="ownerId"
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        />
      ) : null}
      <ContractTextField
        cf={cf}
        name="key"
        hint={t('definitions.fields.keyHint')}
        required
        autoComplete="off"
        spellCheck={false}
      />
      <DefinitionFields cf={cf} />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={t('definitions.create.submit')}
          busyLabel={t('definitions.create.submitting')}
        />
      </div>
    </form>
  );
}
