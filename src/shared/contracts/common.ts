import { z } from 'zod';
import { uiLanguages } from '../i18n/ui-languages.ts';

/** The languages the UI is translated into. Content languages (lessons) are a wider set. */
export { uiLanguages };
export const UiLanguage = z.enum(uiLanguages);
export type UiLanguage = z.infer<typeof UiLanguage>;

export const Uuid = z.uuid();
export const IsoDateTime = z.string().describe('ISO 8601 timestamp');

/**
 * Text without control characters other than tab and line breaks: NUL (which PostgreSQL refuses) and the
 * rest of C0 and DEL have no place in a parameter or a link (a plan item's removal reason, sent in the
 * query string, may have several lines).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
export const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

/**
 * The string every query-string and path parameter starts from (never a bare `z.string()`): a value
 * with a control character is a 400 before it can reach the database. tests/api/control-characters.test.ts
 * fails for a parameter that does not carry this pattern.
 */
export const ParamText = z.string().regex(NO_CONTROL_CHARACTERS, 'control_character');

/**
 * A web address someone may follow from a page: http or https only, so that `javascript:` and `data:`
 * (also behind leading spaces or control characters, which browsers skip) never become a link.
 */
export const WebUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .regex(NO_CONTROL_CHARACTERS, 'control_character');

/** Cursor pagination as described in DESIGN.md §4: `?limit=&cursor=` → `{items, nextCursor}`. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: ParamText.max(500).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** RFC 9457 problem details, with a stable machine-readable `code`. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  /** sso_required: the identity provider's login address and name (the person's organisation signs in there). */
  loginUrl: z.string().optional(),
  identityProviderName: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
    .optional()
    .describe('Per-field validation errors'),
});
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });
