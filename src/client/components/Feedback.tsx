import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';

/** A polite live region that is always in the DOM, so that new messages are announced. */
export function LiveStatus({ message, tone = 'success' }: { message: ReactNode; tone?: 'success' | 'info' }) {
  return (
    <div role="status" aria-live="polite" className="live-status">
      {message ? (
        <div className="ds-alert" data-color={tone}>
          <p className="ds-paragraph">{message}</p>
        </div>
      ) : null}
    </div>
  );
}

export function errorMessage(err: unknown, t: (k: string) => string): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('app.networkError');
    if (err.problem) return err.problem.title;
  }
  return t('app.unknownError');
}

/** Shows a failed request (problem title) as an alert. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="ds-alert" data-color="danger" role="alert">
      <p className="ds-paragraph">{errorMessage(error, t)}</p>
      {onRetry ? (
        <button type="button" className="ds-button" data-variant="secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="ds-spinner-inline" aria-hidden="true" />
      {t('app.loading')}
    </p>
  );
}

export function Tag({ children, color = 'accent' }: { children: ReactNode; color?: string }) {
  return (
    <span className="ds-tag" data-color={color}>
      {children}
    </span>
  );
}
