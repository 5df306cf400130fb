import { useTranslation } from 'react-i18next';
import {
  type DraftContent,
  DraftContent as DraftContentSchema,
} from '../../../shared/contracts/authoring.ts';
import { ChoiceInput, SelectField } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { type EditorProps, NumberField } from './editor-fields.tsx';

const tracks = DraftContentSchema.shape.track.options;
const minutes = DraftContentSchema.shape.estimatedMinutes;

/** The course's title, summary, track, length and whether meetings are needed to complete it. */
export function CourseDetailsEditor({
  content,
  edit,
  localised,
  invalid,
}: Pick<EditorProps, 'edit' | 'localised' | 'invalid'> & { content: DraftContent }) {
  const { t } = useTranslation();
  return (
    <Section title={t('authoring.courseDetails')} id="authoring-details">
      {localised({
        path: 'title',
        label: t('authoring.title'),
        value: content.title,
        set: (v) =>
          edit((d) => {
            d.title = v;
          }),
      })}
      {localised({
        path: 'summary',
        label: t('authoring.summary'),
        value: content.summary,
        set: (v) =>
          edit((d) => {
            d.summary = v;
          }),
        multiline: true,
      })}
      <SelectField
        id="course-track"
        label={t('authoring.track')}
        value={content.track}
        onValueChange={(track) =>
          edit((d) => {
            d.track = track;
          })
        }
        options={tracks.map((v) => ({ value: v, label: t(`authoring.tracks.${v}`) }))}
      />
      <NumberField
        id="f-estimatedMinutes"
        label={t('authoring.estimatedMinutes')}
        value={content.estimatedMinutes}
        min={minutes.minValue ?? undefined}
        invalid={invalid('estimatedMinutes')}
        set={(v) =>
          edit((d) => {
            d.estimatedMinutes = v;
          })
        }
      />
      <ChoiceInput
        type="checkbox"
        id="course-meetings"
        label={t('authoring.requiresMeetings')}
        checked={content.completionRequiresMeetings}
        onChange={(e) => {
          const on = e.target.checked;
          edit((d) => {
            d.completionRequiresMeetings = on;
          });
        }}
      />
    </Section>
  );
}
