import { NotFoundPage } from '../features/static/NotFoundPage.tsx';
import { ApiError } from '../lib/api.ts';
import { ErrorAlert } from './Feedback.tsx';

/** A page's failed load: an unknown or malformed address is "not found"; anything else can be retried. */
export function QueryFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return <NotFoundPage />;
  return <ErrorAlert error={error} onRetry={onRetry} />;
}
