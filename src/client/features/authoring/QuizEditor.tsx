import { useTranslation } from 'react-i18next';
import {
  type DraftModule,
  DraftModule as DraftModuleSchema,
  DraftQuestion,
  MAX_QUIZ_OPTIONS,
} from '../../../shared/contracts/authoring.ts';
import { ChoiceInput, SelectField } from '../../components/Form.tsx';
import { ListItemButtons, neighbourOf } from '../../components/ListItemButtons.tsx';
import { move, newQuestion, nextKey } from './draft-edit.ts';
import { blockId, type EditorProps, fieldId, listLabels, NumberField } from './editor-fields.tsx';

const passMark = DraftModuleSchema.shape.quiz.shape.passMark;
const kinds = DraftQuestion.shape.kind.options;

interface QuizProps extends Pick<EditorProps, 'edit' | 'localised' | 'invalid'> {
  quiz: DraftModule['quiz'];
  moduleKey: string;
  mi: number;
  moduleName: string;
}

/** A module's quiz: its pass mark, and questions with their options, right answers and feedback. */
export function QuizEditor({ quiz, moduleKey, mi, moduleName, edit, localised, invalid }: QuizProps) {
  const { t } = useTranslation();
  const mp = `modules.${mi}`;
  return (
    <>
      <h3 className="ds-heading" data-size="2xs">
        {t('authoring.quiz')}
      </h3>
      <NumberField
        id={fieldId(`${mp}.quiz.passMark`)}
        label={t('authoring.passMark')}
        value={quiz.passMark}
        min={passMark.minValue ?? undefined}
        max={passMark.maxValue ?? undefined}
        step={0.01}
        invalid={invalid(`${mp}.quiz.passMark`)}
        set={(v) =>
          edit((d) => {
            d.modules[mi]!.quiz.passMark = v;
          })
        }
      />
      {quiz.questions.map((q, qi) => (
        <QuestionEditor
          key={q.key}
          question={q}
          qi={qi}
          count={quiz.questions.length}
          id={blockId(moduleKey, q.key)}
          neighbourId={neighbourOf(quiz.questions, qi, (n) => blockId(moduleKey, n.key))}
          mi={mi}
          moduleName={moduleName}
          edit={edit}
          localised={localised}
        />
      ))}
      <button
        type="button"
        className="ds-button"
        data-variant="secondary"
        onClick={() =>
          edit((d) => {
            const qs = d.modules[mi]!.quiz.questions;
            qs.push(newQuestion(qs));
          })
        }
      >
        {t('authoring.addQuestion')}
        <span className="sr-only">, {moduleName}</span>
      </button>
    </>
  );
}

function QuestionEditor({
  question: q,
  qi,
  count,
  id,
  neighbourId,
  mi,
  moduleName,
  edit,
  localised,
}: Omit<QuizProps, 'quiz' | 'invalid' | 'moduleKey'> & {
  question: DraftQuestion;
  qi: number;
  count: number;
  id: string;
  neighbourId: string | undefined;
}) {
  const { t } = useTranslation();
  const qp = `modules.${mi}.quiz.questions.${qi}`;
  const questionName = `${moduleName}, ${t('authoring.question', { n: qi + 1 })}`;
  const editQuestion = (fn: (question: DraftQuestion) => void) =>
    edit((d) => fn(d.modules[mi]!.quiz.questions[qi]!));
  return (
    <fieldset className="ds-fieldset author-block" id={id} tabIndex={-1}>
      <legend className="ds-label" data-weight="medium">
        {t('authoring.question', { n: qi + 1 })}
      </legend>
      <ListItemButtons
        index={qi}
        count={count}
        onMove={(delta) => edit((d) => move(d.modules[mi]!.quiz.questions, qi, qi + delta))}
        onRemove={() => edit((d) => void d.modules[mi]!.quiz.questions.splice(qi, 1))}
        labels={listLabels(t, questionName)}
        itemId={id}
        neighbourId={neighbourId}
      />
      {localised({
        path: `${qp}.prompt`,
        label: t('authoring.prompt'),
        value: q.prompt,
        set: (v) =>
          editQuestion((question) => {
            question.prompt = v;
          }),
      })}
      <SelectField
        id={fieldId(`${qp}.kind`)}
        label={t('authoring.kind')}
        value={q.kind}
        onValueChange={(kind) =>
          editQuestion((question) => {
            question.kind = kind;
          })
        }
        options={kinds.map((k) => ({ value: k, label: t(`authoring.kinds.${k}`) }))}
      />
      {q.options.map((o, oi) => {
        const op = `${qp}.options.${oi}`;
        const optionName = `${questionName}, ${t('authoring.option', { n: oi + 1 })}`;
        return (
          <fieldset
            className="ds-fieldset author-block option-block"
            key={o.key}
            id={`${id}-${o.key}`}
            tabIndex={-1}
          >
            <legend className="ds-label" data-weight="regular">
              {t('authoring.option', { n: oi + 1 })}
            </legend>
            {localised({
              path: `${op}.text`,
              label: t('authoring.optionText'),
              value: o.text,
              set: (v) =>
                editQuestion((question) => {
                  question.options[oi]!.text = v;
                }),
            })}
            <ChoiceInput
              type="checkbox"
              id={fieldId(`${op}.correct`)}
              label={t('authoring.correct')}
              checked={o.correct}
              onChange={(e) => {
                const on = e.target.checked;
                editQuestion((question) => {
                  // One right answer unless the question takes several.
                  if (on && question.kind !== 'multiple')
                    for (const other of question.options) other.correct = false;
                  question.options[oi]!.correct = on;
                });
              }}
            />
            {localised({
              path: `${op}.feedback`,
              label: t('authoring.feedback'),
              value: o.feedback,
              set: (v) =>
                editQuestion((question) => {
                  question.options[oi]!.feedback = v;
                }),
            })}
            <ListItemButtons
              onRemove={() => editQuestion((question) => void question.options.splice(oi, 1))}
              labels={{ remove: t('authoring.remove', { what: optionName }) }}
              neighbourId={neighbourOf(q.options, oi, (n) => `${id}-${n.key}`)}
            />
          </fieldset>
        );
      })}
      {q.options.length < MAX_QUIZ_OPTIONS ? (
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          onClick={() =>
            editQuestion((question) => {
              const opts = question.options;
              opts.push({ key: nextKey('o', opts), text: {}, correct: false, feedback: {} });
            })
          }
        >
          {t('authoring.addOption')}
          <span className="sr-only">, {questionName}</span>
        </button>
      ) : null}
    </fieldset>
  );
}
