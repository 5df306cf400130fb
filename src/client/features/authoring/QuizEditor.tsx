import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DraftModule,
  DraftModule as DraftModuleSchema,
  DraftQuestion,
  MAX_QUIZ_OPTIONS,
} from '../../../shared/contracts/authoring.ts';
import { type Edit, move, newQuestion, nextKey } from './draft-edit.ts';
import { fieldId, ListControls, type LocalisedProps, NumberField } from './editor-fields.tsx';

const passMark = DraftModuleSchema.shape.quiz.shape.passMark;
const kinds = DraftQuestion.shape.kind.options;

interface QuizProps {
  quiz: DraftModule['quiz'];
  mi: number;
  moduleName: string;
  edit: Edit;
  localised: (props: LocalisedProps) => ReactNode;
  invalid: (path: string) => boolean;
}

/** A module's quiz: its pass mark, and questions with their options, right answers and feedback. */
export function QuizEditor({ quiz, mi, moduleName, edit, localised, invalid }: QuizProps) {
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
  mi,
  moduleName,
  edit,
  localised,
}: Omit<QuizProps, 'quiz' | 'invalid'> & { question: DraftQuestion; qi: number; count: number }) {
  const { t } = useTranslation();
  const qp = `modules.${mi}.quiz.questions.${qi}`;
  const questionName = `${moduleName}, ${t('authoring.question', { n: qi + 1 })}`;
  const editQuestion = (fn: (question: DraftQuestion) => void) =>
    edit((d) => fn(d.modules[mi]!.quiz.questions[qi]!));
  return (
    <fieldset className="ds-fieldset author-block">
      <legend className="ds-label" data-weight="medium">
        {t('authoring.question', { n: qi + 1 })}
      </legend>
      <ListControls
        what={questionName}
        index={qi}
        length={count}
        move={(to) => edit((d) => move(d.modules[mi]!.quiz.questions, qi, to))}
        remove={() => edit((d) => void d.modules[mi]!.quiz.questions.splice(qi, 1))}
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
      <div className="ds-field field">
        <label className="ds-label" data-weight="medium" htmlFor={fieldId(`${qp}.kind`)}>
          {t('authoring.kind')}
        </label>
        <select
          id={fieldId(`${qp}.kind`)}
          className="ds-input"
          value={q.kind}
          onChange={(e) => {
            const kind = e.target.value as DraftQuestion['kind'];
            editQuestion((question) => {
              question.kind = kind;
            });
          }}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`authoring.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {q.options.map((o, oi) => {
        const op = `${qp}.options.${oi}`;
        const optionName = `${questionName}, ${t('authoring.option', { n: oi + 1 })}`;
        return (
          <fieldset className="ds-fieldset author-block option-block" key={o.key}>
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
            <div className="ds-field checkbox">
              <input
                className="ds-input"
                type="checkbox"
                id={fieldId(`${op}.correct`)}
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
              <label className="ds-label" data-weight="regular" htmlFor={fieldId(`${op}.correct`)}>
                {t('authoring.correct')}
              </label>
            </div>
            {localised({
              path: `${op}.feedback`,
              label: t('authoring.feedback'),
              value: o.feedback,
              set: (v) =>
                editQuestion((question) => {
                  question.options[oi]!.feedback = v;
                }),
            })}
            <button
              type="button"
              className="ds-button"
              data-variant="tertiary"
              onClick={() => editQuestion((question) => void question.options.splice(oi, 1))}
            >
              {t('authoring.remove', { what: optionName })}
            </button>
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
