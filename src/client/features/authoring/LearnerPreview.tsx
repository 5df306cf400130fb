import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftContent, DraftLocalised } from '../../../shared/contracts/authoring.ts';
import type { MdTree } from '../../../shared/contracts/markdown-tree.ts';
import { isRtl } from './editor-fields.tsx';
import { PreviewTree } from './LessonEditor.tsx';

/** The whole course as a learner would read it, in the language being edited (Swedish where missing). */
export function LearnerPreview({
  content,
  lang,
  treeOf,
  onClose,
}: {
  content: DraftContent;
  lang: string;
  treeOf: (place: string, text: string) => MdTree | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const pick = (x: DraftLocalised) => x[lang] || x.sv || '';
  const dir = isRtl(lang) ? 'rtl' : 'ltr';
  const body: ReactNode = content.modules.map((m) => (
    <section key={m.key} className="preview-module">
      <h3 className="ds-heading" data-size="xs">
        {pick(m.title)}
      </h3>
      <p className="ds-paragraph">{pick(m.summary)}</p>
      {m.lessons.map((l) => (
        <article key={l.key} className="lesson-body">
          <h4 className="ds-heading" data-size="2xs">
            {pick(l.title)}
          </h4>
          <PreviewTree tree={treeOf(`${m.key}/${l.key}`, pick(l.body))} />
        </article>
      ))}
      {m.quiz.questions.length ? (
        <ol className="ds-list">
          {m.quiz.questions.map((q) => (
            <li key={q.key}>
              {pick(q.prompt)}
              <ul className="ds-list">
                {q.options.map((o) => (
                  <li key={o.key}>{pick(o.text)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  ));
  return (
    <section className="section learner-preview" aria-labelledby="learner-preview-heading">
      <h2 className="ds-heading" data-size="sm" id="learner-preview-heading">
        {t('authoring.learnerPreview')}
      </h2>
      <div lang={lang} dir={dir}>
        <p className="ds-heading" data-size="md">
          {pick(content.title)}
        </p>
        <p className="ds-paragraph">{pick(content.summary)}</p>
        {body}
      </div>
      <button type="button" className="ds-button" data-variant="secondary" onClick={onClose}>
        {t('authoring.closePreview')}
      </button>
    </section>
  );
}
