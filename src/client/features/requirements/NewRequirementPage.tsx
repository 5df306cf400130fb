import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateRequirement, RequirementDetail } from '../../../shared/contracts/requirements.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractSelectField, useContractForm } from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { ownOrganisations, requirementsKey } from './data.ts';
import { RequirementFields, requirementLabels } from './RequirementFields.tsx';

/** /kravbibliotek/nytt — a requirement owned by one of the person's organisations. */
export function NewRequirementPage() {
  const me = useMe();
  if (!me.data) return <Loading />;
  return <NewRequirementForm owners={ownOrganisations(me.data)} />;
}

function NewRequirementForm({ owners }: { owners: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const cf = useContractForm(CreateRequirement, {
    id: 'new-requirement',
    defaultValues: {
      ownerId: owners[0]?.value ?? '',
      textSv: '',
      textEn: '',
      level: 'must',
      source: '',
      technologyKeys: [],
    },
    labels: requirementLabels(t),
    onSubmit: async (values) => {
      const saved = await api.post('/requirements', RequirementDetail, {
        ...values,
        textEn: values.textEn || undefined,
        source: values.source || undefined,
      });
      await qc.invalidateQueries({ queryKey: requirementsKey });
      void navigate(`/kravbibliotek/${saved.id}`);
    },
  });
  return (
    <Page title={t('requirements.create.title')} lead={t('requirements.create.lead')}>
      <form onSubmit={cf.onSubmit} noValidate className="form narrow-form">
        {cf.summary}
        {owners.length > 1 ? <ContractSelectField cf={cf} name="ownerId" options={owners} /> : null}
        <RequirementFields cf={cf} />
        <div className="form-actions">
          <SubmitButton
            busy={cf.busy}
            label={t('requirements.create.submit')}
            busyLabel={t('requirements.create.submitting')}
          />
        </div>
      </form>
    </Page>
  );
}
