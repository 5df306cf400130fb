import { SCIM } from '../../../shared/contracts/scim.ts';

/** RFC 7644 §3.12 `scimType` values we answer with. */
export type ScimType =
  | 'invalidFilter'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'invalidValue'
  | 'noTarget'
  | 'mutability'
  | 'uniqueness'
  | 'tooMany';

/** An expected SCIM failure: becomes SCIM's own error body (status as a string), not problem+json. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | null,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ScimError';
  }
}

export const scimNotFound = (what: 'User' | 'Group' | 'Resource', id: string) =>
  new ScimError(404, null, `${what} ${id} not found`);
export const scimBadRequest = (scimType: ScimType, detail: string) => new ScimError(400, scimType, detail);

export function scimErrorBody(status: number, scimType: ScimType | null, detail: string) {
  return { schemas: [SCIM.error], status: String(status), ...(scimType ? { scimType } : {}), detail };
}
