import type { z } from 'zod';
import { Problem } from '../../shared/contracts/common.ts';

/**
 * The problem responses a route can give, for its OpenAPI description: the one shared `Problem` contract
 * (a named component, sent as application/problem+json; see lib/openapi/route-transform.ts).
 */
export function problems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, Problem])) as Record<number, typeof Problem>;
}

/**
 * The form of a multipart/form-data upload, for the OpenAPI document only: the handler reads the parts
 * itself (so Fastify validates no body). Without it, a route that consumes multipart takes one required
 * `file` and nothing else.
 */
export interface MultipartForm {
  /** Whether the `file` part must be sent (default: required). */
  file?: 'required' | 'optional';
  /** The other form fields, as the handler checks them. */
  fields?: z.ZodType;
}

declare module 'fastify' {
  interface FastifySchema {
    multipart?: MultipartForm;
  }
}
