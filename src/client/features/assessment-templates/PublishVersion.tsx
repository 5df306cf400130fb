import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TemplateContent, TemplateDetails } from '../../../shared/contracts/assessments.ts';
import { SelectField, SubmitButton, useFormErrors } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { localised } from '../assessments/data.ts';
import { carriesOverBody, defaultCarryOver, questionsOf } from './template-draft.ts';
import { templateKey, templatesKey } from './templates-data.ts';

/**
 * Publishes the draft as the next frozen version. For each question of the draft the person says
 * which question of the previous version it follows, so that trends carry across the revision.
 */
export function PublishVersion({
  template,
  draft,
  onPublished,
}: {
  template: TemplateDetails;
  draft: TemplateContent;
  onPublished: (version: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const form = useFormErrors('publish');
  const previous = template.latest;
  const previousVersion = template.versions.at(-1)?.version ?? 0;
  const next = previousVersion + 1;
  const [choice, setChoice] = useState<Record<string, string>>(() => defaultCarryOver(draft, previous));
  const fieldOf = (key: string) => `carriesOver.${key}`;
  const oldOptions = [
    { value: '', label: t('assessmentTemplates.publish.newQuestion') },
    ...(previous ? questionsOf(previous) : []).map((q) => ({
      value: q.key,
      label: t('assessmentTemplates.publish.questionOption', {
        text: localised(q.text, i18n.language),
        key: q.key,
      }),
    })),
  ];

  const publish = useMutation({
    mutationFn: () =>
      api.post(`/assessment-templates/${template.id}/versions`, TemplateDetails, {
        carriesOver: carriesOverBody(choice),
      }),
    onSuccess: async (details) => {
      qc.setQueryData(templateKey(template.id), details);
      await qc.invalidateQueries({ queryKey: templatesKey, exact: true });
      onPublished(details.versions.at(-1)?.version ?? next);
    },
    onError: (err) =>
      form.failFromApi(
        err,
        questionsOf(draft).map((q) => fieldOf(q.key)),
      ),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    publish.mutate();
  };

  const title = t('assessmentTemplates.publish.title', { version: next });
  return (
    <section className="section" aria-labelledby="publish-heading">
      <h2 className="ds-heading" data-size="sm" id="publish-heading">
        {title}
      </h2>
      <p className="ds-paragraph">{t('assessmentTemplates.publish.frozen')}</p>
      <form className="form" noValidate onSubmit={submit}>
        {form.summary}
        {previous ? (
          <fieldset className="ds-fieldset fieldset" aria-describedby="publish-carry-hint">
            <legend className="ds-label" data-weight="medium">
              {t('assessmentTemplates.publish.carryOver')}
            </legend>
            <div className="field-hint" id="publish-carry-hint">
              {t('assessmentTemplates.publish.carryOverHint', { version: previousVersion })}
            </div>
            {questionsOf(draft).map((q) => (
              <SelectField
                key={q.key}
                id={form.fieldId(fieldOf(q.key))}
                label={t('assessmentTemplates.publish.carryOverLabel', {
                  question: t('assessmentTemplates.publish.questionOption', {
                    text: localised(q.text, i18n.language),
                    key: q.key,
                  }),
                })}
                value={choice[q.key] ?? ''}
                onValueChange={(v) => setChoice((c) => ({ ...c, [q.key]: v }))}
                options={oldOptions}
                error={form.errors[fieldOf(q.key)]}
              />
            ))}
          </fieldset>
        ) : null}
        <div className="form-actions">
          <SubmitButton
            busy={publish.isPending}
            label={t('assessmentTemplates.publish.submit', { version: next })}
            busyLabel={t('assessmentTemplates.publish.submitting')}
          />
        </div>
      </form>
    </section>
  );
}
