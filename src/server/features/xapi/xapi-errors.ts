/**
 * A refusal in the LRS's own terms (xAPI Communication §3.2): the status the specification names and a
 * message for the developer of the activity provider. /xapi answers these as `{error, message}` JSON,
 * outside the problem+json contract of /api.
 */
export class XapiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new XapiError(400, message);
export const notFoundXapi = (message = 'Not found') => new XapiError(404, message);
