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
  inclusive?: unknown;
}

/**
 * zod says `too_small`/`too_big` for texts, lists and numbers alike; a person needs to hear which
 * ("Texten är för lång", not "Värdet är för långt eller för stort").
 */
function sizeCode(issue: IssueLike): string {
  const small = issue.code === 'too_small';
  switch (issue.origin) {
    case 'string':
      return small ? 'too_short' : 'too_long';
    case 'array':
    case 'set':
      return small ? 'too_few' : 'too_many';
    case 'number':
    case 'bigint':
      if (small && issue.minimum === 0) return issue.inclusive === false ? 'not_positive' : 'negative';
      return issue.code;
    default:
      return issue.code;
  }
}

/** Our own codes are lower_snake_case messages on the contract (`.regex(re, 'invalid_email')`). */
const OWN_CODE = /^[a-z_]+$/;

export function isOwnCode(message: string | undefined): message is string {
  return message !== undefined && OWN_CODE.test(message);
}

/** Left out: no value, or only spaces (a select left at "Choose …" sends nothing or ''). */
function isEmpty(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

/**
 * Maps a zod issue to our field-error code. `sent` is the value the issue is about, when known (zod
 * hands it to an error map; the server looks it up in the request). A field left out is "required" —
 * not "wrong type", "not allowed" or "too short" — unless the contract names its own code.
 */
export function issueCode(issue: IssueLike, sent?: { value: unknown }): string {
  if (isOwnCode(issue.message)) return issue.message;
  if (issue.code !== 'custom' && sent && isEmpty(sent.value)) return 'required';
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'required';
  if (issue.code === 'too_small' || issue.code === 'too_big') return sizeCode(issue);
  return issue.code;
}
