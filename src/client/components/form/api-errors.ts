import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../Feedback.tsx';

export interface SplitApiError {
  /** Field → the server's (already localised) message, for the fields the form shows. */
  fields: Record<string, string>;
  /** What no field of the form can show: the problem title and messages for other fields. */
  general: string | null;
}

/**
 * Splits a failed request into field errors the form can show beside its fields and a general message.
 * A field counts as the form's when `isField` says so (`body.email` arrives as `email`).
 */
export function splitApiError(
  err: unknown,
  isField: (path: string) => boolean,
  t: (key: string) => string,
): SplitApiError {
  if (!(err instanceof ApiError)) return { fields: {}, general: errorMessage(err, t) };
  const fields: Record<string, string> = {};
  const unmapped: string[] = [];
  for (const [field, message] of Object.entries(err.fieldErrors)) {
    if (isField(field)) fields[field] = message;
    else unmapped.push(message);
  }
  const title = errorMessage(err, t);
  const general =
    Object.keys(fields).length > 0
      ? unmapped.length > 0
        ? unmapped.join(' ')
        : null
      : [title, ...unmapped].join(' ');
  return { fields, general };
}
