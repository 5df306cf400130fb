import type { ProblemCode } from '../../shared/i18n/errors.ts';

export interface ProblemExtensions {
  loginUrl?: string;
  identityProviderName?: string;
}

export interface FieldError {
  path: string;
  code: string;
}

/** An expected failure that becomes a problem+json response with a stable code. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly fieldErrors: FieldError[] = [],
    readonly detail?: string,
    /** Extra members of the problem body (RFC 9457 §3.2), e.g. where to log in instead. */
    readonly extensions?: ProblemExtensions,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
export const badRequest = (code: ProblemCode, fieldErrors: FieldError[] = []) =>
  new AppError(400, code, fieldErrors);
