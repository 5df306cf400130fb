import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Need } from '../../../shared/contracts/action-plans.ts';
import { SubmitButton, TextAreaField, useFormErrors } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';

/** A municipality stands behind another's need, with an optional comment. */
export function EndorseNeedForm({
  need,
  municipality,
  onDone,
  onCancel,
}: {
  need: Need;
  municipality: { code: string; name: string };
  onDone: (n: Need) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const form = useFormErrors(`endorse-${need.id}`);
  const commentId = form.fieldId('comment');
  useEffect(() => document.getElementById(commentId)?.focus(), [commentId]);
  const endorse = useMutation({
    mutationFn: () =>
      api.post(`/needs/${need.id}/endorsements`, Need, {
        municipalityCode: municipality.code,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    endorse.mutate(undefined, { onSuccess: onDone, onError: (err) => form.failFromApi(err, ['comment']) });
  };
  return (
    <form onSubmit={submit} noValidate className="form need-form">
      {form.summary}
      <TextAreaField
        id={form.fieldId('comment')}
        label={t('needs.endorse.comment')}
        hint={t('needs.endorse.commentHint', { name: municipality.name })}
        value={comment}
        onValueChange={setComment}
        error={form.errors.comment}
        maxLength={1000}
        rows={2}
      />
      <div className="form-actions">
        <SubmitButton
          busy={endorse.isPending}
          label={t('needs.endorse.submit', { name: municipality.name })}
          busyLabel={t('needs.saving')}
        />
        <button type="button" className="ds-button" data-variant="tertiary" onClick={onCancel}>
          {t('actionPlans.cancel')}
        </button>
      </div>
    </form>
  );
}
