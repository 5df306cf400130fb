import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { UiLanguage } from '../../shared/contracts/common.ts';
import { fieldMessage, type ProblemCode, problemMessages } from '../../shared/i18n/errors.ts';
import { issueCode } from '../../shared/i18n/issue-code.ts';
import { RETRY_AFTER_SECONDS, unavailability } from '../db/unavailable.ts';
import { AppError, type FieldError, type ProblemExtensions } from '../lib/errors.ts';
import { requestLanguage } from '../lib/language.ts';

export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ProblemCode,
  fieldErrors: FieldError[] = [],
  detail?: string,
  extensions?: ProblemExtensions,
) {
  const lang: UiLanguage = requestLanguage(req);
  const body = {
    type: `https://valfardsnavet.se/problems/${code.replaceAll('_', '-')}`,
    title: problemMessages[code][lang],
    status,
    code,
    ...(detail ? { detail } : {}),
    ...extensions,
    ...(fieldErrors.length
      ? {
          errors: fieldErrors.map((e) => ({
            path: e.path,
            code: e.code,
            message: fieldMessage(e.code, lang),
          })),
        }
      : {}),
  };
  return reply.status(status).type('application/problem+json').send(body);
}

function requestPart(req: FastifyRequest, where: string): unknown {
  if (where === 'querystring') return req.query;
  if (where === 'params') return req.params;
  if (where === 'headers') return req.headers;
  return req.body;
}

/** The value a validation issue is about, as sent (zod does not report it back). */
function valueAt(root: unknown, segments: readonly string[]): unknown {
  let value = root;
  for (const key of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** One error shape for the whole API: RFC 9457 problem+json with a stable code and a localised title. */
export function registerErrorHandling(app: FastifyInstance, hooks: { onWriteUnavailable?: () => void } = {}) {
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError)
      return sendProblem(req, reply, err.status, err.code, err.fieldErrors, err.detail, err.extensions);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err as { validationContext?: string }).validationContext ?? 'body';
      const fieldErrors = err.validation.map((v) => {
        const segments = v.instancePath.split('/').filter(Boolean);
        const input = valueAt(requestPart(req, where), segments);
        return {
          path: [where, ...segments].join('.'),
          code: issueCode({ ...v.params, code: v.keyword, message: v.message }, { value: input }),
        };
      });
      return sendProblem(req, reply, 400, 'validation_failed', fieldErrors);
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response did not match its contract');
      return sendProblem(req, reply, 500, 'internal_error');
    }
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) return sendProblem(req, reply, 429, 'rate_limited');
    if (status === 413) return sendProblem(req, reply, 413, 'file_too_large');
    if (status === 415 || (status === 400 && (err as { code?: string }).code?.startsWith('FST_ERR_CTP'))) {
      return sendProblem(
        req,
        reply,
        400,
        'validation_failed',
        [],
        err instanceof Error ? err.message : undefined,
      );
    }
    if (status >= 400 && status < 500) {
      return sendProblem(
        req,
        reply,
        status,
        'validation_failed',
        [],
        err instanceof Error ? err.message : undefined,
      );
    }
    // A full disk, a read-only or a dropped database is a condition of the service, not a bug: 503.
    const unavailable = unavailability(err);
    if (unavailable) {
      req.log.warn({ err, unavailable }, 'database unavailable');
      if (unavailable === 'write') hooks.onWriteUnavailable?.();
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return sendProblem(req, reply, 503, 'database_unavailable');
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(req, reply, 500, 'internal_error');
  });
}
