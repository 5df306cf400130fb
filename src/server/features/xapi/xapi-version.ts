import type { FastifyRequest } from 'fastify';
import type { XapiVersion } from './statement-validation.ts';
import { XapiError } from './xapi-errors.ts';

/** The versions /about lists: xAPI 2.0 (IEEE 9274.1.1) and the 1.0.3 that most tools still speak. */
export const SUPPORTED_VERSIONS = ['1.0.3', '2.0.0'] as const;

/**
 * The version a request speaks, from `X-Experience-API-Version` (Communication §3.3): any 1.0.x is
 * answered as 1.0.3, any 2.0.x as 2.0.0; a missing or unknown version is refused with 400.
 */
export function requestVersion(req: FastifyRequest): XapiVersion {
  const header = req.headers['x-experience-api-version'];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) throw new XapiError(400, 'The X-Experience-API-Version header is required');
  const v = value.trim();
  if (/^1\.0(\.\d+)?$/.test(v)) return '1.0.3';
  if (/^2\.0(\.\d+)?$/.test(v)) return '2.0.0';
  throw new XapiError(400, `X-Experience-API-Version ${v} is not supported (use 2.0.0 or 1.0.3)`);
}
