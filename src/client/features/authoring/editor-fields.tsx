import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftLocalised } from '../../../shared/contracts/authoring.ts';
import { PLAIN_SWEDISH, rtlLanguages } from '../../../shared/contracts/course-content.ts';
import type { Edit } from './draft-edit.ts';

export const isRtl = (lang: string) => rtlLanguages.includes(lang.split('-')[0]!);
/** The id of the input for a draft path (`modules.0.title` → `f-modules-0-title`): problems link to it. */
/** The organisations an author may create or import courses for, each with the visibility it gives. */
export const ownerOptions = (
  owners: readonly { id: string; name: string; visibility: string }[],
  t: (key: string) => string,
) => owners.map((o) => ({ value: o.id, label: `${o.name} (${t(`authoring.visibility.${o.visibility}`)})` }));

export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;
/** The id of a module, lesson or question block by its keys (stable as it moves): focus follows it. */
export const blockId = (...keys: string[]) => `author-${keys.join('-')}`;

export function languageName(code: string, t: (k: string) => string): string {
  if (code === PLAIN_SWEDISH) return `${t('languages.sv')} (lättläst) – ${code}`;
  try {
    const name = new Intl.DisplayNames([document.documentElement.lang || 'sv'], { type: 'language' }).of(
      code,
    );
    return name && name !== code ? `${name} – ${code}` : code;
  } catch {
    return code;
  }
}

/** The accessible names of a block's move and remove buttons, naming the block. */
export const listLabels = (t: (key: string, o: { what: string }) => string, what: string) => ({
  up: t('authoring.moveUp', { what }),
  down: t('authoring.moveDown', { what }),
  remove: t('authoring.remove', { what }),
});

/** What every part of the course editor works with: the language edited, the edit, the fields. */
export interface EditorProps {
  lang: string;
  dir: 'rtl' | 'ltr';
  edit: Edit;
  localised: (props: LocalisedProps) => ReactNode;
  invalid: (path: string) => boolean;
}

export interface LocalisedProps {
  path: string;
  label: string;
  value: DraftLocalised;
  set: (v: DraftLocalised) => void;
  multiline?: boolean | undefined;
}

/** A text field in the language being edited, with the Swedish text beside it for translators. */
export function LocalisedField({
  path,
  label,
  value,
  set,
  multiline,
  lang,
  dir,
}: LocalisedProps & { lang: string; dir: 'rtl' | 'ltr' }) {
  const { t } = useTranslation();
  const id = fieldId(path);
  const [text, setText] = useState(value[lang] ?? '');
  useEffect(() => setText(value[lang] ?? ''), [value, lang]);
  const missing = !(value[lang] ?? '').trim();
  const hint = lang !== 'sv' && value.sv ? t('authoring.inSwedish', { text: value.sv.slice(0, 200) }) : null;
  const onChange = (v: string) => {
    setText(v);
    const next = { ...value };
    if (v) next[lang] = v;
    else delete next[lang];
    set(next);
  };
  const described =
    [hint ? `${id}-hint` : null, missing ? `${id}-missing` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="ds-field field">
      <label className="ds-label" data-weight="medium" htmlFor={id}>
        {label} <span className="lang-code">({lang})</span>
      </label>
      {hint ? (
        <div className="field-hint" id={`${id}-hint`} lang="sv" dir="ltr">
          {hint}
        </div>
      ) : null}
      {missing ? (
        <div className="missing-text" id={`${id}-missing`}>
          {t('authoring.missing', { lang })}
        </div>
      ) : null}
      {multiline ? (
        <textarea
          id={id}
          className="ds-input"
          rows={path.endsWith('.body') ? 10 : 3}
          lang={lang}
          dir={dir}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={described}
        />
      ) : (
        <input
          id={id}
          className="ds-input"
          lang={lang}
          dir={dir}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={described}
        />
      )}
    </div>
  );
}

/**
 * A number of the draft. Its bounds come from the contract (passed in by the caller); what the person
 * types is kept as typed and handed on as a number (NaN when it is none), so that the contract, not
 * this field, says what is wrong with it when the draft is saved.
 */
export function NumberField(props: {
  id: string;
  label: string;
  value: number;
  min?: number | undefined;
  max?: number | undefined;
  step?: number;
  invalid?: boolean;
  set: (v: number) => void;
}) {
  const [text, setText] = useState(Number.isNaN(props.value) ? '' : String(props.value));
  // A new value from elsewhere (a reload) replaces the text; the text's own value ("0.50") is kept.
  useEffect(() => {
    if (!Number.isNaN(props.value))
      setText((prev) => (prev !== '' && Number(prev) === props.value ? prev : String(props.value)));
  }, [props.value]);
  return (
    <div className="ds-field field">
      <label className="ds-label" data-weight="medium" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        className="ds-input number-input"
        type="number"
        inputMode="decimal"
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        value={text}
        aria-invalid={props.invalid || undefined}
        onChange={(e) => {
          setText(e.target.value);
          props.set(e.target.value === '' ? Number.NaN : e.target.valueAsNumber);
        }}
      />
    </div>
  );
}
