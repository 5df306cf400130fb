import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Focus areas as a list: type one and add it; each added one can be removed. */
export function FocusAreasField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string[];
  onChange: (v: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState('');
  const add = () => {
    const area = draft.trim();
    if (!area || value.includes(area) || value.length >= 20) return;
    onChange([...value, area]);
    setDraft('');
    setMessage(t('actionPlans.create.focusAdded', { area }));
  };
  const remove = (area: string) => {
    onChange(value.filter((a) => a !== area));
    setMessage(t('actionPlans.create.focusRemoved', { area }));
    document.getElementById(id)?.focus();
  };
  return (
    <fieldset className="ds-fieldset fieldset" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend className="ds-label" data-weight="medium">
        {t('actionPlans.plan.focusAreas')}
      </legend>
      <div className="field-hint" id={`${id}-hint`}>
        {t('actionPlans.create.focusHint')}
      </div>
      {error ? (
        <div className="ds-validation-message" data-color="danger" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      {value.length > 0 ? (
        <ul className="focus-list">
          {value.map((area) => (
            <li key={area}>
              <span>{area}</span>
              <button
                type="button"
                className="ds-button"
                data-variant="tertiary"
                data-size="sm"
                onClick={() => remove(area)}
              >
                {t('actionPlans.create.removeFocus', { area })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="inline-add">
        <div className="ds-field field">
          <label className="ds-label" data-weight="regular" htmlFor={id}>
            {t('actionPlans.create.newFocus')}
          </label>
          <input
            id={id}
            className="ds-input"
            value={draft}
            maxLength={120}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <button type="button" className="ds-button" data-variant="secondary" onClick={add}>
          {t('actionPlans.create.addFocus')}
        </button>
      </div>
      <div role="status" className="sr-only">
        {message}
      </div>
    </fieldset>
  );
}
