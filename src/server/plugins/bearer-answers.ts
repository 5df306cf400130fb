import type { FastifyInstance, FastifyRequest } from 'fastify';
import { scopesAllowing } from '../../shared/access/index.ts';
import { type ProblemCode, problemMessages } from '../../shared/i18n/errors.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../features/audit/audit.repo.ts';
import { requestLanguage } from '../lib/language.ts';

/**
 * The token of `Authorization: Bearer <token>`: undefined when the request has no bearer header, an
 * empty string when the header names the scheme without a usable token (refused as invalid_token).
 */
export function bearerToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header || !/^Bearer(\s|$)/i.test(header)) return undefined;
  const token = header.slice(6).trim();
  return /^[A-Za-z0-9\-._~+/]+=*$/.test(token) ? token : '';
}

export const isBearerRequest = (req: FastifyRequest) =>
  req.url.startsWith('/api/v1/') && bearerToken(req) !== undefined;

function problemJson(req: FastifyRequest, status: number, code: ProblemCode) {
  return JSON.stringify({
    type: `https://valfardsnavet.se/problems/${code.replaceAll('_', '-')}`,
    title: problemMessages[code][requestLanguage(req)],
    status,
    code,
  });
}

/**
 * How the API answers a system that calls it with a bearer token (RFC 6750 §3): never a cookie; 401
 * with `WWW-Authenticate: Bearer error="invalid_token"` for a token that is unknown, expired or revoked;
 * 403 `insufficient_scope` (naming the scope that would do) when the token's scopes alone refused the
 * action. Every refusal of a known client is audited.
 */
export function registerBearerAnswers(app: FastifyInstance, db: Db) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (!isBearerRequest(req)) return payload;
    reply.removeHeader('set-cookie');
    if (reply.statusCode === 401) {
      reply.header('www-authenticate', 'Bearer realm="valfardsnavet", error="invalid_token"');
      return payload;
    }
    const client = req.actor?.apiClient;
    if (reply.statusCode !== 403 || !client) return payload;
    // Audited before the answer leaves, so that the record exists when the client reads the 403.
    await recordAudit(db, {
      actorId: req.actor!.userId,
      action: 'api_client.refused',
      entityType: 'api_client',
      entityId: client.id,
      organisationId: req.actor!.memberships[0]?.organisationId ?? null,
      after: { method: req.method, path: req.url.split('?')[0], scopes: client.scopes },
    }).catch((err: unknown) => req.log.warn({ err }, 'could not audit a refused API client request'));
    const denied = client.scopeDenials[0];
    if (!denied) return payload;
    const scope = scopesAllowing(denied).join(' ');
    reply.header(
      'www-authenticate',
      `Bearer realm="valfardsnavet", error="insufficient_scope", scope="${scope}"`,
    );
    reply.type('application/problem+json');
    return problemJson(req, 403, 'insufficient_scope');
  });
}
