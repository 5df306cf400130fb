import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateLesson, lessonRatings, RequirementDetail } from '../../../shared/contracts/requirements.ts';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractSelectField, ContractTextAreaField, useContractForm } from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';
import { requirementsKey } from './data.ts';

/** "Did the requirement work?" after a contract, for one of the person's organisations. */
export function LessonForm({
  requirement: r,
  organisations,
}: {
  requirement: RequirementDetail;
  organisations: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const empty = { organisationId: organisations[0]?.value ?? '', body: '' };
  const cf = useContractForm(CreateLesson, {
    id: 'lesson',
    defaultValues: empty,
    labels: {
      organisationId: t('requirements.lesson.organisationId'),
      rating: t('requirements.lesson.rating'),
      body: t('requirements.lesson.body'),
      version: t('requirements.page.versions'),
    },
    onSubmit: async (values, { form }) => {
      await api.post(`/requirements/${r.id}/lessons`, RequirementDetail, values);
      await qc.invalidateQueries({ queryKey: requirementsKey });
      form.reset({ ...empty, organisationId: values.organisationId });
      return t('requirements.lesson.done');
    },
  });
  return (
    <form onSubmit={cf.onSubmit} noValidate className="form narrow-form" aria-labelledby="lesson-heading">
      <h2 className="ds-heading" data-size="sm" id="lesson-heading">
        {t('requirements.lesson.title')}
      </h2>
      <p className="ds-paragraph">{t('requirements.lesson.lead')}</p>
      {cf.summary}
      {organisations.length > 1 ? (
        <ContractSelectField cf={cf} name="organisationId" options={organisations} />
      ) : null}
      <ContractSelectField
        cf={cf}
        name="rating"
        required
        placeholder={t('requirements.lesson.chooseRating')}
        options={lessonRatings.map((x) => ({ value: x, label: t(`requirements.ratings.${x}`) }))}
      />
      <ContractTextAreaField cf={cf} name="body" required rows={4} />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={t('requirements.lesson.submit')}
          busyLabel={t('requirements.lesson.submitting')}
        />
      </div>
      {cf.saved}
    </form>
  );
}
