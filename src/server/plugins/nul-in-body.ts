import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';

/** Where the first NUL character sits in a parsed JSON body (a key or a string value), if anywhere. */
export function nulPath(body: unknown): string[] | null {
  // Iterative, so that a deeply nested body cannot exhaust the stack.
  const stack: { value: unknown; path: string[] }[] = [{ value: body, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) stack.push({ value: v, path: [...path, String(i)] });
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000')) return [...path, k.replaceAll('\u0000', '\\u0000')];
        stack.push({ value: v, path: [...path, k] });
      }
    }
  }
  return null;
}

/** A 400 naming the field when the fields of a request body hold a NUL anywhere. */
export function refuseNul(fields: unknown) {
  const path = nulPath(fields);
  if (path) {
    throw new AppError(400, 'validation_failed', [
      { path: ['body', ...path].join('.'), code: 'control_character' },
    ]);
  }
}

/**
 * PostgreSQL text cannot hold NUL, so a request body carrying one is refused with 400 before any
 * contract or query sees it (query strings and paths refuse it in their contracts, through ParamText;
 * multipart fields are read by their routes, which call `refuseNul`, and CSV files by `readCsvRecords`).
 * Other control characters stay allowed in bodies: text pasted from documents carries vertical tabs.
 */
export function registerNulInBody(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => refuseNul(req.body));
}
