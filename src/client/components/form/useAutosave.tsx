import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type AutosaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface Autosave {
  state: AutosaveState;
  savedAt: Date | null;
  /** True while the value differs from the last one saved (use it for useUnsavedChangesWarning). */
  pending: boolean;
  /** Saves now (a failed save's retry, or before leaving). */
  flush: () => Promise<void>;
  /**
   * Holds saving while the person is asked whether to leave (useUnsavedChangesWarning): a save behind
   * that question would decide it for them.
   */
  hold: (on: boolean) => void;
  /** Forgets what is unsaved for good: the person chose to leave without saving. */
  discard: () => void;
  /** The visible, polite status line with a retry button after a failure. */
  status: ReactNode;
}

/**
 * Saves a long text (or any JSON value) a moment after the person stops typing, one save at a time.
 * `value` is compared by its JSON; the first value counts as saved.
 */
export function useAutosave<T>(
  value: T,
  save: (value: T) => Promise<unknown>,
  { delayMs = 1500, enabled = true }: { delayMs?: number; enabled?: boolean } = {},
): Autosave {
  const { t, i18n } = useTranslation();
  const key = JSON.stringify(value);
  const savedKey = useRef(key);
  const latest = useRef({ value, key, save });
  latest.current = { value, key, save };
  const inFlight = useRef<Promise<void> | null>(null);
  const [state, setState] = useState<AutosaveState>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [held, setHeld] = useState(false);
  const discarded = useRef(false);

  const flush = useCallback(async (): Promise<void> => {
    if (inFlight.current) await inFlight.current;
    const { value: v, key: k, save: s } = latest.current;
    if (k === savedKey.current || discarded.current) return;
    setState('saving');
    const run = (async () => {
      try {
        await s(v);
        savedKey.current = k;
        setSavedAt(new Date());
        setState('saved');
      } catch {
        setState('error');
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
  }, []);

  useEffect(() => {
    if (!enabled || held || key === savedKey.current) return;
    const timer = setTimeout(() => void flush(), delayMs);
    return () => clearTimeout(timer);
  }, [key, enabled, held, delayMs, flush]);

  // Leaving the page with a change still waiting for its delay saves it rather than dropping it
  // (unless the person chose to leave without saving: then `flush` does nothing).
  useEffect(
    () => () => {
      if (latest.current.key !== savedKey.current) void flush();
    },
    [flush],
  );

  const time =
    savedAt &&
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', {
      hour: '2-digit',
      minute: '2-digit',
    }).format(savedAt);
  const text =
    state === 'saving'
      ? t('formKit.autosaving')
      : state === 'error'
        ? t('formKit.autosaveFailed')
        : state === 'saved' && time
          ? t('formKit.autosaved', { time })
          : '';
  const status = (
    <div className="autosave-status">
      <p className="ds-paragraph" data-size="sm" role="status" aria-live="polite">
        {text}
      </p>
      {state === 'error' ? (
        <button type="button" className="ds-button" data-variant="secondary" onClick={() => void flush()}>
          {t('formKit.retrySave')}
        </button>
      ) : null}
    </div>
  );

  const discard = useCallback(() => {
    discarded.current = true;
  }, []);

  return { state, savedAt, pending: key !== savedKey.current, flush, hold: setHeld, discard, status };
}
