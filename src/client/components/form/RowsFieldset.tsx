import { type ReactNode, useId } from 'react';

/**
 * A fieldset of rows a person adds and removes (a provider's role rules, a supplier's contacts): the
 * legend and an intro, each row's fields with its own remove button, and an add button while there is
 * room. After a removal focus goes to the add button, not to the page.
 */
export function RowsFieldset<R extends { id: string }>({
  legend,
  intro,
  rows,
  rowClassName,
  renderRow,
  removeLabel,
  onRemove,
  addLabel,
  onAdd,
}: {
  legend: ReactNode;
  intro: ReactNode;
  rows: readonly R[];
  rowClassName: string;
  renderRow: (row: R, index: number) => ReactNode;
  removeLabel: (index: number) => string;
  onRemove: (index: number) => void;
  addLabel: string;
  /** Left out when no row can be added (the contract's most is reached). */
  onAdd: (() => void) | null;
}) {
  const addId = useId();
  return (
    <fieldset className="ds-fieldset fieldset">
      <legend className="ds-label" data-weight="medium">
        {legend}
      </legend>
      <p className="field-hint">{intro}</p>
      {rows.map((row, i) => (
        <div key={row.id} className={rowClassName}>
          {renderRow(row, i)}
          <button
            type="button"
            className="ds-button"
            data-variant="tertiary"
            data-color="danger"
            onClick={() => {
              onRemove(i);
              requestAnimationFrame(() => document.getElementById(addId)?.focus());
            }}
          >
            {removeLabel(i)}
          </button>
        </div>
      ))}
      {onAdd ? (
        <button id={addId} type="button" className="ds-button" data-variant="secondary" onClick={onAdd}>
          {addLabel}
        </button>
      ) : null}
    </fieldset>
  );
}
