import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModuleFeedbackView } from '../../../shared/contracts/learning.ts';
import { LiveStatus } from '../../components/Feedback.tsx';
import { RadioGroup, SubmitButton, useFormErrors } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';

const RATINGS = ['1', '2', '3', '4', '5'] as const;
type Rating = (typeof RATINGS)[number];

/**
 * After a module: how useful was it (1–5) and an optional comment. Authors and programme owners see
 * the ratings and comments without names, to improve the course. Sending again changes the rating.
 */
export function ModuleRating({ enrolmentId, moduleKey }: { enrolmentId: string; moduleKey: string }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<Rating | ''>('');
  const [comment, setComment] = useState('');
  const form = useFormErrors(`rating-${moduleKey}`);
  const save = useMutation({
    mutationFn: () =>
      api.put(`/enrolments/${enrolmentId}/feedback/${moduleKey}`, ModuleFeedbackView, {
        rating: Number(rating),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!rating) {
      form.fail({ rating: t('learning.rating.chooseRating') });
      return;
    }
    form.clear();
    save.mutate(undefined, { onError: (err) => form.failFromApi(err, ['rating', 'comment']) });
  };

  const commentId = form.fieldId('comment');
  return (
    <section className="module-rating" aria-labelledby={`rating-heading-${moduleKey}`}>
      <h2 className="ds-heading" data-size="sm" id={`rating-heading-${moduleKey}`}>
        {t('learning.rating.title')}
      </h2>
      <form onSubmit={submit} noValidate>
        {form.summary}
        <RadioGroup
          id={form.fieldId('rating')}
          legend={t('learning.rating.legend')}
          value={rating as Rating}
          onValueChange={setRating}
          error={form.errors.rating}
          options={RATINGS.map((r) => ({ value: r, label: t(`learning.rating.scale.${r}`) }))}
        />
        <div className="ds-field field">
          <label className="ds-label" data-weight="medium" htmlFor={commentId}>
            {t('learning.rating.comment')}
          </label>
          <div className="field-hint" id={`${commentId}-hint`}>
            {t('learning.rating.commentHint')}
          </div>
          {form.errors.comment ? (
            <div className="ds-validation-message" data-color="danger" id={`${commentId}-error`}>
              {form.errors.comment}
            </div>
          ) : null}
          <textarea
            id={commentId}
            className="ds-input"
            rows={3}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-invalid={form.errors.comment ? true : undefined}
            aria-describedby={`${commentId}-hint${form.errors.comment ? ` ${commentId}-error` : ''}`}
          />
        </div>
        <SubmitButton
          busy={save.isPending}
          label={save.isSuccess ? t('learning.rating.update') : t('learning.rating.send')}
          busyLabel={t('learning.rating.sending')}
          variant="secondary"
        />
      </form>
      <LiveStatus message={save.isSuccess && !save.isPending ? t('learning.rating.thanks') : null} />
    </section>
  );
}
