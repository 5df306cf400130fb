import type { FieldValues } from 'react-hook-form';
import { expect } from 'vitest';
import type { z } from 'zod';
import {
  clientMessage,
  contractResolver,
  flattenErrors,
} from '../../src/client/components/form/contract-messages.ts';
import { ApiError } from '../../src/client/lib/api.ts';
import type { Problem, UiLanguage } from '../../src/shared/contracts/common.ts';
import type { Agent } from './test-app.ts';

/**
 * A form's browser check and the API must word the same input alike (ADR 17): these give the field →
 * message pairs a person would see from each side, for a test to compare.
 */
export async function clientPairs(
  schema: z.ZodType<FieldValues, FieldValues>,
  value: FieldValues,
  lang: UiLanguage,
) {
  const resolved = await contractResolver(schema)(value, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  });
  return Object.fromEntries(
    [...flattenErrors(resolved.errors)].map(([path, e]) => [path, clientMessage(e, lang)]),
  );
}

/** POSTs what the form would refuse, in the given language, and reads the problem's field errors. */
export async function serverPairs(agent: Agent, url: string, value: unknown, lang: UiLanguage) {
  agent.cookies.set('vn_lang', lang);
  const res = await agent.post(url, value);
  expect(res.statusCode).toBe(400);
  return new ApiError(400, res.json() as Problem, '').fieldErrors;
}
