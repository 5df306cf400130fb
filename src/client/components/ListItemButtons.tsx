import { useTranslation } from 'react-i18next';

/** Move up, move down and remove for one item of an editable list; each button names its item. */
export function ListButtons({
  index,
  count,
  onMove,
  onRemove,
  labels,
  itemId,
  neighbourId,
}: {
  index: number;
  count: number;
  onMove: (delta: number) => void;
  onRemove: (() => void) | null;
  labels: { up: string; down: string; remove: string };
  /** The item's element (focusable with tabIndex -1): focus stays with the item as it moves. */
  itemId: string;
  /** Where focus goes when the item is removed. */
  neighbourId?: string | undefined;
}) {
  const { t } = useTranslation();
  const focusLater = (...ids: (string | undefined)[]) =>
    requestAnimationFrame(() => {
      for (const id of ids) {
        const el = id ? document.getElementById(id) : null;
        if (el) return el.focus();
      }
    });
  return (
    <div className="button-row">
      {index > 0 ? (
        <button
          type="button"
          className="ds-button"
          data-variant="tertiary"
          data-size="sm"
          aria-label={labels.up}
          id={`${itemId}-up`}
          onClick={() => {
            onMove(-1);
            focusLater(`${itemId}-up`, itemId);
          }}
        >
          {t('assessmentTemplates.editor.moveUp')}
        </button>
      ) : null}
      {index < count - 1 ? (
        <button
          type="button"
          className="ds-button"
          data-variant="tertiary"
          data-size="sm"
          aria-label={labels.down}
          id={`${itemId}-down`}
          onClick={() => {
            onMove(1);
            focusLater(`${itemId}-down`, itemId);
          }}
        >
          {t('assessmentTemplates.editor.moveDown')}
        </button>
      ) : null}
      {onRemove ? (
        <button
          type="button"
          className="ds-button"
          data-variant="tertiary"
          data-color="danger"
          data-size="sm"
          aria-label={labels.remove}
          onClick={() => {
            onRemove();
            focusLater(neighbourId);
          }}
        >
          {t('assessmentTemplates.editor.remove')}
        </button>
      ) : null}
    </div>
  );
}
