import { useTranslation } from 'react-i18next';
import type { Question, TemplateContent } from '../../../shared/contracts/assessments.ts';
import { Tag } from '../../components/Feedback.tsx';
import { localised } from '../assessments/data.ts';

function QuestionDetails({ q }: { q: Question }) {
  const { t, i18n } = useTranslation();
  const l = (p: { sv: string; en: string }) => localised(p, i18n.language);
  return (
    <li className="template-question">
      <p className="ds-paragraph template-question-text">
        <strong>{l(q.text)}</strong> <code>{q.key}</code>
      </p>
      <p className="ds-paragraph tags">
        <Tag color="neutral">
          {t('assessmentTemplates.page.type', { type: t(`assessmentTemplates.types.${q.type}`) })}
        </Tag>
        {q.scored ? <Tag color="info">{t('assessmentTemplates.page.scored')}</Tag> : null}
      </p>
      {q.help ? <p className="ds-paragraph muted">{l(q.help)}</p> : null}
      {q.levels ? (
        <>
          <p className="ds-paragraph">{t('assessmentTemplates.page.levels')}</p>
          <ol className="ds-list">
            {q.levels.map((level, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the five levels are fixed by position
              <li key={i}>{l(level)}</li>
            ))}
          </ol>
        </>
      ) : null}
      {q.options ? (
        <>
          <p className="ds-paragraph">{t('assessmentTemplates.page.options')}</p>
          <ul className="ds-list">
            {q.options.map((o) => (
              <li key={o.key}>{l(o.label)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {q.type === 'status' ? (
        <p className="ds-paragraph">
          {(['achieved', 'nearly', 'started', 'planned', 'not_planned', 'not_relevant'] as const)
            .map((s) => t(`assessments.statuses.${s}`))
            .join(' · ')}
        </p>
      ) : null}
      {q.type === 'number' ? (
        <p className="ds-paragraph">
          {q.min !== undefined || q.max !== undefined
            ? t('assessmentTemplates.page.range', { min: q.min ?? '–∞', max: q.max ?? '∞' })
            : t('assessmentTemplates.page.anyNumber')}
        </p>
      ) : null}
      {q.type === 'text' && q.maxLength ? (
        <p className="ds-paragraph">{t('assessmentTemplates.page.maxLength', { count: q.maxLength })}</p>
      ) : null}
    </li>
  );
}

/** A read-only view of a template version: sections with their area, questions with type and choices. */
export function TemplatePreview({ content }: { content: TemplateContent }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="template-preview">
      {content.sections.map((s) => (
        <section key={s.key} className="template-preview-section" aria-labelledby={`preview-${s.key}`}>
          <h3 className="ds-heading" data-size="xs" id={`preview-${s.key}`}>
            {localised(s.title, i18n.language)}
          </h3>
          <p className="ds-paragraph muted">
            {t('assessmentTemplates.page.area', { area: t(`assessmentResults.areas.${s.area}`) })}
          </p>
          {s.intro ? <p className="ds-paragraph">{localised(s.intro, i18n.language)}</p> : null}
          <ol className="template-questions">
            {s.questions.map((q) => (
              <QuestionDetails key={q.key} q={q} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
