import { useTranslation } from 'react-i18next';
import type { DraftContent, DraftLesson, DraftModule } from '../../../shared/contracts/authoring.ts';
import { ListItemButtons, neighbourOf } from '../../components/ListItemButtons.tsx';
import { Section } from '../../components/Page.tsx';
import { move, newLesson, newModule } from './draft-edit.ts';
import { blockId, type EditorProps, fieldId, listLabels } from './editor-fields.tsx';
import { LessonEditor, type LessonPreview } from './LessonEditor.tsx';
import { QuizEditor } from './QuizEditor.tsx';

interface ModulesProps extends EditorProps {
  content: DraftContent;
  preview: LessonPreview;
  lessonText: (l: DraftLesson) => string;
}

/** The course's modules in order, each with its lessons, quiz and reflection questions. */
export function ModulesEditor(props: ModulesProps) {
  const { t } = useTranslation();
  const { content, edit } = props;
  return (
    <Section title={t('authoring.modules')} id="authoring-modules">
      {content.modules.map((m, mi) => (
        <ModuleEditor key={m.key} {...props} module={m} mi={mi} />
      ))}
      <button
        type="button"
        className="ds-button"
        data-variant="secondary"
        onClick={() => edit((d) => void d.modules.push(newModule(d.modules)))}
      >
        {t('authoring.addModule')}
      </button>
    </Section>
  );
}

function ModuleEditor({
  content,
  module: m,
  mi,
  preview,
  lessonText,
  ...editor
}: ModulesProps & { module: DraftModule; mi: number }) {
  const { lang, edit, localised } = editor;
  const { t } = useTranslation();
  const mp = `modules.${mi}`;
  const moduleName = t('authoring.module', { n: mi + 1 });
  const id = blockId(m.key);
  return (
    <fieldset className="ds-fieldset author-block" id={id} tabIndex={-1}>
      <legend className="ds-heading" data-size="xs">
        {moduleName}
        {m.title[lang] ? `: ${m.title[lang]}` : ''}
      </legend>
      <ListItemButtons
        index={mi}
        count={content.modules.length}
        onMove={(delta) => edit((d) => move(d.modules, mi, mi + delta))}
        onRemove={() => edit((d) => void d.modules.splice(mi, 1))}
        labels={listLabels(t, moduleName)}
        itemId={id}
        neighbourId={neighbourOf(content.modules, mi, (n) => blockId(n.key))}
      />
      {localised({
        path: `${mp}.title`,
        label: t('authoring.moduleTitle'),
        value: m.title,
        set: (v) =>
          edit((d) => {
            d.modules[mi]!.title = v;
          }),
      })}
      {localised({
        path: `${mp}.summary`,
        label: t('authoring.moduleSummary'),
        value: m.summary,
        set: (v) =>
          edit((d) => {
            d.modules[mi]!.summary = v;
          }),
        multiline: true,
      })}

      <h3 className="ds-heading" data-size="2xs">
        {t('authoring.lessons')}
      </h3>
      {m.lessons.map((l, li) => (
        <LessonEditor
          key={l.key}
          lesson={l}
          moduleKey={m.key}
          mi={mi}
          li={li}
          count={m.lessons.length}
          neighbourId={neighbourOf(m.lessons, li, (n) => blockId(m.key, n.key))}
          moduleName={moduleName}
          {...editor}
          preview={preview}
          text={lessonText(l)}
        />
      ))}
      <button
        type="button"
        className="ds-button"
        data-variant="secondary"
        onClick={() => edit((d) => void d.modules[mi]!.lessons.push(newLesson(d.modules[mi]!.lessons)))}
      >
        {t('authoring.addLesson')}
        <span className="sr-only">, {moduleName}</span>
      </button>

      <QuizEditor quiz={m.quiz} moduleKey={m.key} mi={mi} moduleName={moduleName} {...editor} />

      <h3 className="ds-heading" data-size="2xs">
        {t('authoring.reflection')}
      </h3>
      {m.reflectionQuestions.map((r, ri) => {
        const what = `${moduleName}, ${t('authoring.reflectionQuestion', { n: ri + 1 })}`;
        // Reflection questions have no key of their own: they are addressed by their place.
        const path = `${mp}.reflectionQuestions.${ri}`;
        return (
          <div className="author-row" key={path}>
            {localised({
              path,
              label: t('authoring.reflectionQuestion', { n: ri + 1 }),
              value: r,
              set: (v) =>
                edit((d) => {
                  d.modules[mi]!.reflectionQuestions[ri] = v;
                }),
            })}
            <ListItemButtons
              onRemove={() => edit((d) => void d.modules[mi]!.reflectionQuestions.splice(ri, 1))}
              labels={{ remove: t('authoring.remove', { what }) }}
              // The questions after it move up a place: the one now first, or the one before.
              neighbourId={fieldId(`${mp}.reflectionQuestions.${Math.max(0, ri - 1)}`)}
            />
          </div>
        );
      })}
      <button
        type="button"
        className="ds-button"
        data-variant="secondary"
        onClick={() => edit((d) => void d.modules[mi]!.reflectionQuestions.push({}))}
      >
        {t('authoring.addReflection')}
        <span className="sr-only">, {moduleName}</span>
      </button>
    </fieldset>
  );
}
