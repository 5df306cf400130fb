import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * The inline "are you sure?" step before something that cannot be taken back (submitting a sheet,
 * publishing a version). It is a labelled region, not a modal: the page stays readable around it. Its
 * question takes focus when it opens, so that a screen reader reads what is asked before the buttons;
 * cancelling hands focus back to the button that opened it (`returnFocusTo`), not to the page.
 */
export function ConfirmStep({
  title,
  titleAs: Title = 'h2',
  children,
  confirmLabel,
  busyLabel,
  busy = false,
  cancelLabel,
  onConfirm,
  onCancel,
  returnFocusTo,
  className,
  color,
}: {
  title: ReactNode;
  /** A heading where the step explains more below it; a paragraph where the question says it all. */
  titleAs?: 'h2' | 'p';
  children?: ReactNode;
  confirmLabel: string;
  busyLabel?: string;
  busy?: boolean;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The id of the button that opened the step. */
  returnFocusTo?: string;
  className?: string;
  color?: 'warning';
}) {
  const id = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  return (
    <section className={className} data-color={color} aria-labelledby={id}>
      <Title
        className={Title === 'p' ? 'ds-paragraph' : 'ds-heading'}
        data-size={Title === 'p' ? undefined : 'xs'}
        id={id}
        tabIndex={-1}
        ref={titleRef}
      >
        {title}
      </Title>
      {children}
      <div className="button-row">
        <button
          type="button"
          className="ds-button"
          data-variant="primary"
          aria-busy={busy || undefined}
          onClick={() => {
            if (!busy) onConfirm();
          }}
        >
          {busy && busyLabel ? busyLabel : confirmLabel}
        </button>
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          onClick={() => {
            onCancel();
            if (returnFocusTo) requestAnimationFrame(() => document.getElementById(returnFocusTo)?.focus());
          }}
        >
          {cancelLabel}
        </button>
      </div>
    </section>
  );
}
