import { useTranslation } from 'react-i18next';
import { assessmentAreas } from '../../../shared/contracts/assessments.ts';
import { SelectField, TextField } from '../../components/Form.tsx';
import { ListItemButtons, neighbourOf } from '../../components/ListItemButtons.tsx';
import { type Fields, fieldProps, PairFields } from './PairFields.tsx';
import { QuestionEditor } from './QuestionEditor.tsx';
import { type DraftSection, emptyQuestion, move, removeAt, replaceAt } from './template-draft.ts';

const MAX_QUESTIONS = 40;

/** One section: key, area, heading, introduction and its questions. */
export function SectionEditor({
  section: s,
  index,
  count,
  fields,
  onChange,
  onMove,
  onRemove,
  neighbourId,
}: {
  section: DraftSection;
  neighbourId?: string | undefined;
  index: number;
  count: number;
  fields: Fields;
  onChange: (s: DraftSection) => void;
  onMove: (delta: number) => void;
  onRemove: (() => void) | null;
}) {
  const { t } = useTranslation();
  const e = (key: string, opts?: Record<string, unknown>) =>
    t(`assessmentTemplates.editor.${key}`, opts ?? {});
  const path = ['sections', index] as const;
  const n = index + 1;
  const set = (patch: Partial<DraftSection>) => onChange({ ...s, ...patch });
  const itemId = `template-section-${s.uid}`;
  return (
    <fieldset className="ds-fieldset fieldset template-section-editor" id={itemId} tabIndex={-1}>
      <legend className="ds-heading" data-size="sm">
        {e('section', { n })}
      </legend>
      <ListItemButtons
        index={index}
        count={count}
        onMove={onMove}
        onRemove={onRemove}
        itemId={itemId}
        neighbourId={neighbourId}
        labels={{
          up: e('moveSectionUp', { n }),
          down: e('moveSectionDown', { n }),
          remove: e('removeSection', { n }),
        }}
      />
      <div className="pair-fields">
        <TextField
          {...fieldProps(fields, [...path, 'key'])}
          label={e('sectionKey')}
          hint={e('keyFormatHint')}
          required
          maxLength={80}
          autoCapitalize="none"
          spellCheck={false}
          value={s.key}
          onValueChange={(key) => set({ key })}
        />
        <SelectField
          {...fieldProps(fields, [...path, 'area'])}
          label={e('area')}
          value={s.area}
          onValueChange={(area) => set({ area })}
          options={assessmentAreas.map((a) => ({ value: a, label: t(`assessmentResults.areas.${a}`) }))}
        />
      </div>
      <PairFields
        fields={fields}
        path={[...path, 'title']}
        value={s.title}
        onChange={(title) => set({ title })}
        labels={{ sv: e('titleSv'), en: e('titleEn') }}
      />
      <PairFields
        fields={fields}
        path={[...path, 'intro']}
        value={s.intro}
        onChange={(intro) => set({ intro })}
        labels={{ sv: e('introSv'), en: e('introEn') }}
        required={false}
        hint={e('optional')}
        multiline
      />
      {s.questions.map((q, j) => (
        <QuestionEditor
          key={q.uid}
          question={q}
          path={[...path, 'questions', j]}
          number={`${n}.${j + 1}`}
          index={j}
          count={s.questions.length}
          fields={fields}
          onChange={(changed) => set({ questions: replaceAt(s.questions, j, changed) })}
          onMove={(delta) => set({ questions: move(s.questions, j, delta) })}
          onRemove={s.questions.length > 1 ? () => set({ questions: removeAt(s.questions, j) }) : null}
          neighbourId={neighbourOf(s.questions, j, (q) => `template-question-${q.uid}`)}
        />
      ))}
      {s.questions.length < MAX_QUESTIONS ? (
        <p>
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={() => set({ questions: [...s.questions, emptyQuestion()] })}
          >
            {e('addQuestion', { n })}
          </button>
        </p>
      ) : null}
    </fieldset>
  );
}
