import { useTranslation } from 'react-i18next';

/** Focus the first of these elements that exists once React has drawn the change. */
const focusLater = (...ids: (string | undefined)[]) =>
  requestAnimationFrame(() => {
    for (const id of ids) {
      const el = id ? document.getElementById(id) : null;
      if (el) return el.focus();
    }
  });

/** The element focus goes to when item `i` is removed: the one before it, else the one after. */
export function neighbourOf<T>(items: readonly T[], i: number, idOf: (item: T) => string) {
  const n = items[i - 1] ?? items[i + 1];
  return n === undefined ? undefined : idOf(n);
}

/**
 * Move up, move down and remove for one item of an editable list (a template's sections, a course's
 * modules). The buttons say the short verb; their accessible names name the item, so that a screen
 * reader's list of buttons tells them apart. Focus stays with the item as it moves, and goes to a
 * neighbour when it is removed instead of falling to the page.
 */
export function ListItemButtons({
  index = 0,
  count = 1,
  onMove,
  onRemove,
  labels,
  itemId,
  neighbourId,
}: {
  index?: number;
  count?: number;
  /** Left out for an item that keeps its place (only removable). */
  onMove?: (delta: number) => void;
  onRemove: (() => void) | null;
  labels: { up?: string; down?: string; remove: string };
  /** The item's element (focusable with tabIndex -1): focus stays with the item as it moves. */
  itemId?: string;
  /** Where focus goes when the item is removed. */
  neighbourId?: string | undefined;
}) {
  const { t } = useTranslation();
  const moveButton = (delta: -1 | 1) => {
    const which = delta < 0 ? 'up' : 'down';
    const id = itemId ? `${itemId}-${which}` : undefined;
    return (
      <button
        type="button"
        className="ds-button"
        data-variant="tertiary"
        data-size="sm"
        aria-label={labels[which]}
        id={id}
        onClick={() => {
          onMove?.(delta);
          focusLater(id, itemId);
        }}
      >
        {t(delta < 0 ? 'app.moveUp' : 'app.moveDown')}
      </button>
    );
  };
  return (
    <div className="button-row">
      {onMove && index > 0 ? moveButton(-1) : null}
      {onMove && index < count - 1 ? moveButton(1) : null}
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
          {t('app.remove')}
        </button>
      ) : null}
    </div>
  );
}
