import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AnswerValue,
  answerProblem,
  type PutAnswer,
  type Question,
  type SheetAnswer,
  statusValues,
} from '../../../shared/contracts/assessments.ts';
import { fieldMessage } from '../../../shared/i18n/errors.ts';
import { errorMessage } from '../../components/Feedback.tsx';
import { TextAreaField, TextField } from '../../components/Form.tsx';
import { ApiError } from '../../lib/api.ts';
import { answerText } from './answer-text.ts';
import { localised } from './data.ts';
import { RankingControl } from './RankingControl.tsx';

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface QuestionCardProps {
  question: Question;
  stored: SheetAnswer | undefined;
  canEdit: boolean;
  /** Saves one question; resolves with the stored answer, rejects with the API error. */
  save: (item: PutAnswer) => Promise<SheetAnswer | undefined>;
  /** Reloads the sheet and returns what is stored now for this question (after a conflict). */
  reload: () => Promise<SheetAnswer | undefined>;
  fieldId: string;
}

/**
 * One question with its control, comment and evidence link. Each question saves on its own (on change
 * for choices, on leaving the field for text) against the revision it last saw; when someone else saved
 * in between, the person chooses between the two answers instead of one silently overwriting the other.
 */
export function QuestionCard({ question: q, stored, canEdit, save, reload, fieldId }: QuestionCardProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [value, setValue] = useState<AnswerValue | null>(stored?.value ?? null);
  const [comment, setComment] = useState(stored?.comment ?? '');
  const [evidence, setEvidence] = useState(stored?.evidenceUrl ?? '');
  // A ref, not state: saves queue up and each must send the revision the previous one produced.
  const revision = useRef(stored?.revision ?? 0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [dirty, setDirty] = useState(false);
  const [state, setState] = useState<SaveState>('idle');
  const [problem, setProblem] = useState('');
  const [conflict, setConflict] = useState<SheetAnswer | null>(null);
  const name = useId();

  // Someone else's saved change arrives with a reload: show it, unless the person is mid-edit here.
  useEffect(() => {
    if (dirty || !stored || stored.revision <= revision.current) return;
    setValue(stored.value);
    setComment(stored.comment ?? '');
    setEvidence(stored.evidenceUrl ?? '');
    revision.current = stored.revision;
  }, [stored, dirty]);

  const persist = (
    next: { value?: AnswerValue | null; comment?: string; evidence?: string },
    base?: number,
  ) => {
    const v = next.value === undefined ? value : next.value;
    const local = v ? answerProblem(q, v) : null;
    if (local) {
      setState('error');
      setProblem(fieldMessage(local, lang.startsWith('en') ? 'en' : 'sv'));
      return;
    }
    const item = {
      questionKey: q.key,
      value: v,
      comment: (next.comment ?? comment) || null,
      evidenceUrl: (next.evidence ?? evidence).trim() || null,
    };
    setDirty(true);
    setState('saving');
    const run = async () => {
      try {
        const saved = await save({ ...item, baseRevision: base ?? revision.current });
        if (saved) revision.current = saved.revision;
        setDirty(false);
        setConflict(null);
        setState('saved');
      } catch (err) {
        if (err instanceof ApiError && err.code === 'answer_conflict') {
          setConflict((await reload()) ?? null);
          setState('idle');
          return;
        }
        setState('error');
        setProblem(
          err instanceof ApiError && err.problem?.errors?.length
            ? err.problem.errors.map((e) => e.message).join(' ')
            : errorMessage(err, t),
        );
      }
    };
    queue.current = queue.current.then(run);
  };

  const choose = (v: AnswerValue) => {
    setValue(v);
    persist({ value: v });
  };

  const text = localised(q.text, lang);
  const radios = (options: { value: string; label: string; pick: () => AnswerValue; checked: boolean }[]) => (
    <div className="radio-list">
      {options.map((o) => (
        <div className="ds-field radio" key={o.value}>
          <input
            className="ds-input"
            type="radio"
            id={`${fieldId}-${o.value}`}
            name={name}
            value={o.value}
            checked={o.checked}
            disabled={!canEdit}
            onChange={() => choose(o.pick())}
          />
          <label className="ds-label" data-weight="regular" htmlFor={`${fieldId}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
    </div>
  );

  let control: React.ReactNode = null;
  switch (q.type) {
    case 'level':
      control = radios(
        (q.levels ?? []).map((d, i) => ({
          value: String(i + 1),
          label: t('assessments.sheet.level', { level: i + 1, text: localised(d, lang) }),
          pick: () => ({ level: i + 1 }),
          checked: value !== null && 'level' in value && value.level === i + 1,
        })),
      );
      break;
    case 'status':
      control = radios(
        statusValues.map((s) => ({
          value: s,
          label: t(`assessments.statuses.${s}`),
          pick: () => ({ status: s }),
          checked: value !== null && 'status' in value && value.status === s,
        })),
      );
      break;
    case 'single':
      control = radios(
        (q.options ?? []).map((o) => ({
          value: o.key,
          label: localised(o.label, lang),
          pick: () => ({ option: o.key }),
          checked: value !== null && 'option' in value && value.option === o.key,
        })),
      );
      break;
    case 'multiple': {
      const picked = value !== null && 'options' in value ? value.options : [];
      control = (
        <div className="radio-list">
          {(q.options ?? []).map((o) => (
            <div className="ds-field" key={o.key}>
              <input
                className="ds-input"
                type="checkbox"
                id={`${fieldId}-${o.key}`}
                checked={picked.includes(o.key)}
                disabled={!canEdit}
                onChange={(e) =>
                  choose({
                    options: e.target.checked ? [...picked, o.key] : picked.filter((k) => k !== o.key),
                  })
                }
              />
              <label className="ds-label" data-weight="regular" htmlFor={`${fieldId}-${o.key}`}>
                {localised(o.label, lang)}
              </label>
            </div>
          ))}
        </div>
      );
      break;
    }
    case 'ranking': {
      const order = value !== null && 'order' in value ? value.order : (q.options ?? []).map((o) => o.key);
      control = (
        <RankingControl
          options={q.options}
          order={order}
          answered={value !== null}
          canEdit={canEdit}
          onOrder={(next) => choose({ order: next })}
        />
      );
      break;
    }
    case 'number':
      control = (
        <TextField
          id={`${fieldId}-number`}
          type="number"
          label={t('assessments.sheet.numberAnswer')}
          value={value !== null && 'number' in value ? String(value.number) : ''}
          readOnly={!canEdit}
          min={q.min}
          max={q.max}
          onValueChange={(v) => {
            setDirty(true);
            setValue(v === '' ? null : { number: Number(v) });
          }}
          onBlur={() => dirty && persist({})}
        />
      );
      break;
    case 'text':
      control = (
        <TextAreaField
          id={`${fieldId}-text`}
          label={t('assessments.sheet.textAnswer')}
          value={value !== null && 'text' in value ? value.text : ''}
          readOnly={!canEdit}
          maxLength={q.maxLength}
          rows={4}
          onValueChange={(v) => {
            setDirty(true);
            setValue(v ? { text: v } : null);
          }}
          onBlur={() => dirty && persist({})}
        />
      );
      break;
  }

  return (
    <fieldset
      className="ds-fieldset question"
      id={fieldId}
      tabIndex={-1}
      aria-describedby={`${fieldId}-state`}
    >
      <legend className="ds-label" data-weight="medium">
        {text}
      </legend>
      {q.help ? <p className="field-hint">{localised(q.help, lang)}</p> : null}
      {control}
      {conflict ? (
        <div className="ds-alert" data-color="warning" role="alert">
          <h4 className="ds-heading" data-size="2xs">
            {t('assessments.sheet.conflictTitle')}
          </h4>
          <p className="ds-paragraph">
            {t('assessments.sheet.conflictText', {
              name: conflict.updatedBy ?? t('assessments.sheet.someone'),
            })}
          </p>
          <ul className="ds-list">
            <li>
              {t('assessments.sheet.conflictTheirs', { answer: answerText(q, conflict.value, t, lang) })}
            </li>
            <li>{t('assessments.sheet.conflictMine', { answer: answerText(q, value, t, lang) })}</li>
          </ul>
          <div className="button-row">
            <button
              type="button"
              className="ds-button"
              data-variant="primary"
              data-size="sm"
              onClick={() => persist({}, conflict.revision)}
            >
              {t('assessments.sheet.keepMine')}
            </button>
            <button
              type="button"
              className="ds-button"
              data-variant="secondary"
              data-size="sm"
              onClick={() => {
                setValue(conflict.value);
                setComment(conflict.comment ?? '');
                setEvidence(conflict.evidenceUrl ?? '');
                revision.current = conflict.revision;
                setDirty(false);
                setConflict(null);
              }}
            >
              {t('assessments.sheet.takeTheirs')}
            </button>
          </div>
        </div>
      ) : null}
      <details className="question-extra" open={Boolean(comment || evidence) || undefined}>
        <summary>
          {t('assessments.sheet.comment')} / {t('assessments.sheet.evidence')}
        </summary>
        <TextAreaField
          id={`${fieldId}-comment`}
          label={t('assessments.sheet.comment')}
          value={comment}
          rows={3}
          maxLength={4000}
          readOnly={!canEdit}
          onValueChange={(v) => {
            setDirty(true);
            setComment(v);
          }}
          onBlur={() => dirty && persist({})}
        />
        <TextField
          id={`${fieldId}-evidence`}
          type="url"
          label={t('assessments.sheet.evidence')}
          // A hint is for filling in; on a sheet that cannot be changed there is nothing to fill in.
          hint={canEdit ? t('assessments.sheet.evidenceHint') : undefined}
          value={evidence}
          readOnly={!canEdit}
          onValueChange={(v) => {
            setDirty(true);
            setEvidence(v);
          }}
          onBlur={() => dirty && persist({})}
        />
      </details>
      <p className="save-state" id={`${fieldId}-state`} role="status" aria-live="polite">
        {state === 'saving'
          ? t('assessments.sheet.saving')
          : state === 'saved'
            ? t('assessments.sheet.saved')
            : state === 'error'
              ? t('assessments.sheet.saveFailed', { message: problem })
              : stored?.updatedBy
                ? t('assessments.sheet.lastChanged', { name: stored.updatedBy })
                : ''}
      </p>
    </fieldset>
  );
}
