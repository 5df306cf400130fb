import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  RequirementDetail as Detail,
  type RequirementDetail,
  UpdateRequirement,
} from '../../../shared/contracts/requirements.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { useContractForm, useUnsavedChangesWarning } from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { requirementsKey, useRequirement } from './data.ts';
import { RequirementFields, requirementLabels } from './RequirementFields.tsx';

/** /kravbibliotek/:id/andra — the next version of a requirement, starting from the current text. */
export function EditRequirementPage() {
  const { id = '' } = useParams();
  const detail = useRequirement(id);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <QueryFailure error={detail.error} onRetry={() => void detail.refetch()} />;
  return <EditForm key={detail.data.current.version} requirement={detail.data} />;
}

function EditForm({ requirement: r }: { requirement: RequirementDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const cf = useContractForm(UpdateRequirement, {
    id: 'edit-requirement',
    defaultValues: {
      textSv: r.current.textSv,
      textEn: r.current.textEn ?? '',
      level: r.current.level,
      category: r.current.category,
      source: r.current.source ?? '',
      technologyKeys: r.technologies.map((x) => x.key),
      baseVersion: r.current.version,
    },
    labels: requirementLabels(t),
    onSubmit: async (values, { form }) => {
      await api.put(`/requirements/${r.id}`, Detail, {
        ...values,
        textEn: values.textEn || undefined,
        source: values.source || undefined,
      });
      form.reset(values);
      await qc.invalidateQueries({ queryKey: requirementsKey });
      void navigate(`/kravbibliotek/${r.id}`);
    },
  });
  useUnsavedChangesWarning(cf.form.formState.isDirty && !cf.form.formState.isSubmitSuccessful);
  return (
    <Page title={t('requirements.edit.title')} lead={t('requirements.edit.lead')}>
      <p className="ds-paragraph">
        <Link className="ds-link" to={`/kravbibliotek/${r.id}`}>
          {t('requirements.page.title')}: {t('requirements.page.version', { version: r.current.version })}
        </Link>
      </p>
      <form onSubmit={cf.onSubmit} noValidate className="form narrow-form">
        {cf.summary}
        <RequirementFields cf={cf} />
        <div className="form-actions">
          <SubmitButton
            busy={cf.busy}
            label={t('requirements.edit.submit')}
            busyLabel={t('requirements.edit.submitting')}
          />
        </div>
      </form>
    </Page>
  );
}
