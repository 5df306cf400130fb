import { useTranslation } from 'react-i18next';
import { type DraftLesson, DraftLesson as DraftLessonSchema } from '../../../shared/contracts/authoring.ts';
import type { MdTree } from '../../../shared/contracts/markdown-tree.ts';
import { ListItemButtons } from '../../components/ListItemButtons.tsx';
import { Markdown } from '../learning/Markdown.tsx';
import { move } from './draft-edit.ts';
import { blockId, type EditorProps, fieldId, listLabels, NumberField } from './editor-fields.tsx';

const minutes = DraftLessonSchema.shape.estimatedMinutes;

/** A lesson's tree once the server has parsed it (nothing while the first answer is on its way). */
export function PreviewTree({ tree }: { tree: MdTree | undefined }) {
  return tree ? <Markdown tree={tree} /> : null;
}

export interface LessonPreview {
  failed: boolean;
  treeOf: (place: string, text: string) => MdTree | undefined;
}

/** One lesson: title, Markdown body with its live preview, and estimated minutes. */
export function LessonEditor({
  lesson: l,
  moduleKey,
  mi,
  li,
  count,
  neighbourId,
  moduleName,
  lang,
  dir,
  edit,
  localised,
  invalid,
  preview,
  text,
}: EditorProps & {
  lesson: DraftLesson;
  moduleKey: string;
  mi: number;
  li: number;
  count: number;
  /** Where focus goes when this lesson is removed. */
  neighbourId: string | undefined;
  moduleName: string;
  preview: LessonPreview;
  /** The lesson's text in the language previewed. */
  text: string;
}) {
  const { t } = useTranslation();
  const lp = `modules.${mi}.lessons.${li}`;
  const lessonName = `${moduleName}, ${t('authoring.lesson', { n: li + 1 })}`;
  const id = blockId(moduleKey, l.key);
  return (
    <fieldset className="ds-fieldset author-block" id={id} tabIndex={-1}>
      <legend className="ds-label" data-weight="medium">
        {t('authoring.lesson', { n: li + 1 })}
      </legend>
      <ListItemButtons
        index={li}
        count={count}
        onMove={(delta) => edit((d) => move(d.modules[mi]!.lessons, li, li + delta))}
        onRemove={() => edit((d) => void d.modules[mi]!.lessons.splice(li, 1))}
        labels={listLabels(t, lessonName)}
        itemId={id}
        neighbourId={neighbourId}
      />
      {localised({
        path: `${lp}.title`,
        label: t('authoring.lessonTitle'),
        value: l.title,
        set: (v) =>
          edit((d) => {
            d.modules[mi]!.lessons[li]!.title = v;
          }),
      })}
      <div className="lesson-edit">
        {localised({
          path: `${lp}.body`,
          label: t('authoring.lessonBody'),
          value: l.body,
          set: (v) =>
            edit((d) => {
              d.modules[mi]!.lessons[li]!.body = v;
            }),
          multiline: true,
        })}
        <section
          className="lesson-preview"
          aria-label={`${t('authoring.preview')}: ${lessonName}`}
          lang={lang}
          dir={dir}
        >
          <p className="ds-label" data-weight="medium" aria-hidden="true">
            {t('authoring.preview')}
          </p>
          {preview.failed ? <p className="field-hint">{t('authoring.previewFailed')}</p> : null}
          <div className="lesson-body">
            <PreviewTree tree={preview.treeOf(`${moduleKey}/${l.key}`, text)} />
          </div>
        </section>
      </div>
      <NumberField
        id={fieldId(`${lp}.estimatedMinutes`)}
        label={t('authoring.lessonMinutes')}
        value={l.estimatedMinutes}
        min={minutes.minValue ?? undefined}
        max={minutes.maxValue ?? undefined}
        invalid={invalid(`${lp}.estimatedMinutes`)}
        set={(v) =>
          edit((d) => {
            d.modules[mi]!.lessons[li]!.estimatedMinutes = v;
          })
        }
      />
    </fieldset>
  );
}
