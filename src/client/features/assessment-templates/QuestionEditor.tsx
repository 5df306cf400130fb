import { useTranslation } from 'react-i18next';
import { questionTypes } from '../../../shared/contracts/assessments.ts';
import { SelectField, TextField } from '../../components/Form.tsx';
import { ListItemButtons } from '../../components/ListItemButtons.tsx';
import { type Fields, fieldProps, PairFields } from './PairFields.tsx';
import {
  choiceTypes,
  type DraftQuestion,
  emptyOption,
  type Pair,
  removeAt,
  replaceAt,
  scorableTypes,
} from './template-draft.ts';

const MAX_OPTIONS = 20;

/** One question: key, type, texts, and what its type needs (levels, options, bounds, length). */
export function QuestionEditor({
  question: q,
  path,
  number,
  index,
  count,
  fields,
  onChange,
  onMove,
  onRemove,
  neighbourId,
}: {
  question: DraftQuestion;
  neighbourId?: string | undefined;
  path: readonly (string | number)[];
  /** "1.2": section 1, question 2. */
  number: string;
  index: number;
  count: number;
  fields: Fields;
  onChange: (q: DraftQuestion) => void;
  onMove: (delta: number) => void;
  onRemove: (() => void) | null;
}) {
  const { t } = useTranslation();
  const e = (key: string, opts?: Record<string, unknown>) =>
    t(`assessmentTemplates.editor.${key}`, opts ?? {});
  const set = (patch: Partial<DraftQuestion>) => onChange({ ...q, ...patch });
  const pairLabels = (base: string, opts?: Record<string, unknown>): Pair => ({
    sv: e(`${base}Sv`, opts),
    en: e(`${base}En`, opts),
  });
  const itemId = `template-question-${q.uid}`;
  const optionsField = fieldProps(fields, [...path, 'options']);
  const scored = fieldProps(fields, [...path, 'scored']);
  return (
    <fieldset className="ds-fieldset fieldset template-question-editor" id={itemId} tabIndex={-1}>
      <legend className="ds-heading" data-size="xs">
        {e('question', { n: number })}
      </legend>
      <ListItemButtons
        index={index}
        count={count}
        onMove={onMove}
        onRemove={onRemove}
        itemId={itemId}
        neighbourId={neighbourId}
        labels={{
          up: e('moveQuestionUp', { n: number }),
          down: e('moveQuestionDown', { n: number }),
          remove: e('removeQuestion', { n: number }),
        }}
      />
      <div className="pair-fields">
        <TextField
          {...fieldProps(fields, [...path, 'key'])}
          label={e('questionKey')}
          hint={e('questionKeyHint')}
          required
          maxLength={80}
          autoCapitalize="none"
          spellCheck={false}
          value={q.key}
          onValueChange={(key) => set({ key })}
        />
        <SelectField
          {...fieldProps(fields, [...path, 'type'])}
          label={e('type')}
          value={q.type}
          onValueChange={(type) => set({ type })}
          options={questionTypes.map((type) => ({
            value: type,
            label: t(`assessmentTemplates.types.${type}`),
          }))}
        />
      </div>
      <PairFields
        fields={fields}
        path={[...path, 'text']}
        value={q.text}
        onChange={(text) => set({ text })}
        labels={pairLabels('text')}
        multiline
      />
      <PairFields
        fields={fields}
        path={[...path, 'help']}
        value={q.help}
        onChange={(help) => set({ help })}
        labels={pairLabels('help')}
        required={false}
        hint={e('optional')}
        multiline
      />
      {q.type === 'level' ? (
        <fieldset className="ds-fieldset fieldset">
          <legend className="ds-label" data-weight="medium">
            {e('levels')}
          </legend>
          {q.levels.map((level, i) => (
            <PairFields
              // biome-ignore lint/suspicious/noArrayIndexKey: the five levels are fixed by position
              key={i}
              fields={fields}
              path={[...path, 'levels', i]}
              value={level}
              onChange={(p) => set({ levels: replaceAt(q.levels, i, p) })}
              labels={pairLabels('level', { n: i + 1 })}
            />
          ))}
        </fieldset>
      ) : null}
      {choiceTypes.includes(q.type) ? (
        <fieldset
          className="ds-fieldset fieldset"
          id={optionsField.id}
          tabIndex={-1}
          aria-describedby={optionsField.error ? `${optionsField.id}-error` : undefined}
        >
          <legend className="ds-label" data-weight="medium">
            {e('options')}
          </legend>
          {optionsField.error ? (
            <div className="ds-validation-message" data-color="danger" id={`${optionsField.id}-error`}>
              {optionsField.error}
            </div>
          ) : null}
          {q.options.map((o, i) => (
            <div className="template-option" key={o.uid}>
              <TextField
                {...fieldProps(fields, [...path, 'options', i, 'key'])}
                label={e('optionKey', { n: i + 1 })}
                required
                maxLength={80}
                autoCapitalize="none"
                spellCheck={false}
                value={o.key}
                onValueChange={(key) => set({ options: replaceAt(q.options, i, { ...o, key }) })}
              />
              <PairFields
                fields={fields}
                path={[...path, 'options', i, 'label']}
                value={o.label}
                onChange={(label) => set({ options: replaceAt(q.options, i, { ...o, label }) })}
                labels={pairLabels('option', { n: i + 1 })}
              />
              {q.options.length > 2 ? (
                <ListItemButtons
                  onRemove={() => set({ options: removeAt(q.options, i) })}
                  labels={{ remove: e('removeOption', { n: i + 1 }) }}
                  neighbourId={optionsField.id}
                />
              ) : null}
            </div>
          ))}
          {q.options.length < MAX_OPTIONS ? (
            <p>
              <button
                type="button"
                className="ds-button"
                data-variant="secondary"
                data-size="sm"
                onClick={() => set({ options: [...q.options, emptyOption()] })}
              >
                {e('addOption')}
              </button>
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {q.type === 'number' ? (
        <div className="pair-fields">
          {(['min', 'max'] as const).map((bound) => (
            <TextField
              key={bound}
              {...fieldProps(fields, [...path, bound])}
              type="number"
              inputMode="decimal"
              label={e(bound)}
              hint={e('optional')}
              value={q[bound]}
              onValueChange={(v) => set({ [bound]: v })}
            />
          ))}
        </div>
      ) : null}
      {q.type === 'text' ? (
        <TextField
          {...fieldProps(fields, [...path, 'maxLength'])}
          type="number"
          inputMode="numeric"
          min={1}
          max={4000}
          label={e('maxLength')}
          hint={e('optional')}
          value={q.maxLength}
          onValueChange={(maxLength) => set({ maxLength })}
        />
      ) : null}
      {scorableTypes.includes(q.type) ? (
        <div className="ds-field checkbox">
          <input
            className="ds-input"
            type="checkbox"
            id={scored.id}
            checked={q.scored}
            aria-invalid={scored.error ? true : undefined}
            onChange={(ev) => set({ scored: ev.target.checked })}
          />
          <label className="ds-label" data-weight="regular" htmlFor={scored.id}>
            {e('scored')}
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}
