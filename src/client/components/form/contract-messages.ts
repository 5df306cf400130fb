import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, FieldErrors, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { fieldMessage } from '../../../shared/i18n/errors.ts';
import { isOwnCode, issueCode } from '../../../shared/i18n/issue-code.ts';

export type Contract = z.ZodType<FieldValues, FieldValues>;

/** The resolver of a contract form: issues without a message of their own carry our code, as on the server. */
export function contractResolver<S extends Contract>(schema: S) {
  return zodResolver(schema, {
    error: (iss) => issueCode({ ...iss, message: undefined }, { value: iss.input }),
  });
}

/** A field error's text without the field's name: the server's message as sent, or ours for the code. */
export function clientMessage(e: FieldError, lang: UiLanguage): string {
  const m = typeof e.message === 'string' ? e.message : '';
  if (e.type === 'server') return m;
  return fieldMessage(isOwnCode(m) ? m : issueCode({ code: String(e.type) }), lang);
}

/** react-hook-form nests errors like the value (`items[0].title`); the summary lists them flat, in order. */
export function flattenErrors(errors: FieldErrors, prefix = '', out = new Map<string, FieldError>()) {
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === 'ref') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const e = value as FieldError;
    if (typeof e.message === 'string' && e.type !== undefined) out.set(path, e);
    else if (typeof value === 'object') flattenErrors(value as FieldErrors, path, out);
  }
  return out;
}
