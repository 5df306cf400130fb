import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import type { Autosave } from './useAutosave.tsx';

/**
 * Warns before unsaved work is lost: a confirm dialog for links inside the app (react-router's data
 * router blocks the navigation) and the browser's own question when the tab is closed or reloaded.
 * Render the returned element anywhere in the page. A page that autosaves passes its autosave: it
 * waits while the question is open, and "leave without saving" really leaves the text unsaved.
 */
export function useUnsavedChangesWarning(
  isDirty: boolean,
  autosave?: Pick<Autosave, 'hold' | 'discard'>,
): ReactNode {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers ask only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty]);

  const asking = blocker.state === 'blocked';
  const hold = autosave?.hold;
  useEffect(() => {
    hold?.(asking);
  }, [hold, asking]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (blocker.state === 'blocked' && !dialog.open) dialog.showModal();
    if (blocker.state !== 'blocked' && dialog.open) dialog.close();
  }, [blocker.state]);

  // Work saved in the meantime (autosave) lets the blocked navigation go on without asking.
  useEffect(() => {
    if (blocker.state === 'blocked' && !isDirty) blocker.proceed();
  }, [blocker, isDirty]);

  return (
    <dialog
      ref={dialogRef}
      className="ds-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      // Escape means "stay": the navigation is cancelled, nothing is lost.
      onCancel={() => blocker.reset?.()}
    >
      <h2 className="ds-heading" data-size="xs" id={titleId}>
        {t('formKit.unsavedTitle')}
      </h2>
      <p className="ds-paragraph" id={textId}>
        {t('formKit.unsavedText')}
      </p>
      <div className="button-row">
        <button type="button" className="ds-button" data-variant="primary" onClick={() => blocker.reset?.()}>
          {t('formKit.stay')}
        </button>
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          onClick={() => {
            autosave?.discard();
            blocker.proceed?.();
          }}
        >
          {t('formKit.leave')}
        </button>
      </div>
    </dialog>
  );
}
