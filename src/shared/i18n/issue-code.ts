import type { z } from 'zod';
import type { UiLanguage } from '../contracts/common.ts';
import { fieldMessage } from './errors.ts';

/**
 * The parts of a zod issue that decide its field-error code. The server reads them from
 * fastify-type-provider-zod's validation entries (`keyword`, `message`, `params`), the browser from the
 * zod issue itself: one mapping, so that a form and the API say the same thing about the same input.
 */
export interface IssueLike {
  code: string;
  message?: string | undefined;
  origin?: unknown;
  minimum?: unknown;
}

/** Our own codes are lower_snake_case messages on the contract (`.regex(re, 'invalid_email')`). */
const OWN_CODE = /^[a-z_]+$/;

/**
 * Maps a zod issue to our field-error code. An empty text where one character is the minimum is
 * "required" (the person left it out), not "too short".
 */
export function issueCode(issue: IssueLike): string {
  if (issue.message && OWN_CODE.test(issue.message)) return issue.message;
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'required';
  return issue.code;
}

export interface ContractFieldError {
  /** Dotted path inside the validated value (`name`, `items.0.title`); '' for the whole value. */
  path: string;
  code: string;
  message: string;
}

/** The field errors of a value against a contract, first error per field, localised as the API does it. */
export function contractFieldErrors(
  schema: z.ZodType,
  value: unknown,
  lang: UiLanguage,
): ContractFieldError[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return issuesToFieldErrors(result.error.issues, lang);
}

export function issuesToFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  lang: UiLanguage,
): ContractFieldError[] {
  const seen = new Set<string>();
  const out: ContractFieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    const code = issueCode(issue as IssueLike);
    out.push({ path, code, message: fieldMessage(code, lang) });
  }
  return out;
}
