import type { ReactNode } from 'react';
import { FieldsetFrame } from '../../components/form/index.ts';

/**
 * Municipalities to tick, in a fieldset the error summary can move focus to, with buttons that choose
 * all or none. The chosen codes are kept in the form (in the order of the list), so that the contract
 * checks them with the rest.
 */
export function MunicipalityPicker({
  id,
  legend,
  error,
  choices,
  value,
  onChange,
  chooseAll,
  chooseNone,
}: {
  id: string;
  legend: ReactNode;
  error: string | undefined;
  choices: readonly { code: string; name: string }[];
  value: readonly string[];
  onChange: (codes: string[]) => void;
  chooseAll: string;
  chooseNone?: string;
}) {
  const chosen = new Set(value);
  const toggle = (code: string) => {
    if (chosen.has(code)) chosen.delete(code);
    else chosen.add(code);
    onChange(choices.map((m) => m.code).filter((c) => chosen.has(c)));
  };
  return (
    <FieldsetFrame id={id} legend={legend} error={error}>
      <div className="button-row">
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          data-size="sm"
          onClick={() => onChange(choices.map((m) => m.code))}
        >
          {chooseAll}
        </button>
        {chooseNone ? (
          <button
            type="button"
            className="ds-button"
            data-variant="tertiary"
            data-size="sm"
            onClick={() => onChange([])}
          >
            {chooseNone}
          </button>
        ) : null}
      </div>
      <div className="checkbox-columns">
        {choices.map((m) => (
          <div className="ds-field checkbox" key={m.code}>
            <input
              className="ds-input"
              type="checkbox"
              id={`${id}-${m.code}`}
              checked={chosen.has(m.code)}
              onChange={() => toggle(m.code)}
            />
            <label className="ds-label" data-weight="regular" htmlFor={`${id}-${m.code}`}>
              {m.name}
            </label>
          </div>
        ))}
      </div>
    </FieldsetFrame>
  );
}
