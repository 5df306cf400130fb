import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModuleFeedbackInput, ModuleFeedbackView } from '../../../shared/contracts/learning.ts';
import { RadioGroup, SubmitButton } from '../../components/Form.tsx';
import { ContractTextAreaField, useContractForm } from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';

const RATINGS = ['1', '2', '3', '4', '5'] as const;

/**
 * After a module: how useful was it (1–5) and an optional comment. Authors and programme owners see
 * the ratings and comments without names, to improve the course. Sending again changes the rating.
 * A chunk of its own (QuizPage loads it after a pass): the form brings zod and react-hook-form, which
 * the lesson and the quiz do without.
 */
export function ModuleRating({ enrolmentId, moduleKey }: { enrolmentId: string; moduleKey: string }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const cf = useContractForm(ModuleFeedbackInput, {
    id: `rating-${moduleKey}`,
    defaultValues: { comment: '' },
    labels: { rating: t('learning.rating.ratingLabel'), comment: t('learning.rating.comment') },
    onSubmit: async ({ rating, comment }) => {
      // An empty comment is no comment (the server keeps null, not '').
      await api.put(`/enrolments/${enrolmentId}/feedback/${moduleKey}`, ModuleFeedbackView, {
        rating,
        ...(comment ? { comment } : {}),
      });
      setSent(true);
      return t('learning.rating.thanks');
    },
  });
  const rating = cf.form.watch('rating');

  return (
    <section className="module-rating" aria-labelledby={`rating-heading-${moduleKey}`}>
      <h2 className="ds-heading" data-size="sm" id={`rating-heading-${moduleKey}`}>
        {t('learning.rating.title')}
      </h2>
      <form onSubmit={cf.onSubmit} noValidate>
        {cf.summary}
        <RadioGroup
          id={cf.fieldId('rating')}
          legend={t('learning.rating.legend')}
          value={rating === undefined ? '' : String(rating)}
          onValueChange={(v) =>
            cf.form.setValue('rating', Number(v), { shouldDirty: true, shouldValidate: true })
          }
          error={cf.errorFor('rating')}
          options={RATINGS.map((r) => ({ value: r, label: t(`learning.rating.scale.${r}`) }))}
        />
        <ContractTextAreaField
          cf={cf}
          name="comment"
          rows={3}
          maxLength={2000}
          hint={t('learning.rating.commentHint')}
        />
        <SubmitButton
          busy={cf.busy}
          label={sent ? t('learning.rating.update') : t('learning.rating.send')}
          busyLabel={t('learning.rating.sending')}
          variant="secondary"
        />
        {cf.saved}
      </form>
    </section>
  );
}
