import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  TOKEN_PATH,
  TokenError,
  TokenRequest,
  TokenResponse,
} from '../../../shared/contracts/api-clients.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { issueToken, TokenRefusal, type TokenRequestInput } from './token.service.ts';

const FORM = 'application/x-www-form-urlencoded';

/**
 * The form, each field once (RFC 6749 §3.2: a parameter sent twice is an invalid request). A repeated
 * field becomes an array, which the schema then refuses.
 */
function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const seen = out[key];
    out[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return out;
}

/** Token answers and refusals are never cached (RFC 6749 §5.1). */
function noStore(reply: FastifyReply) {
  return reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
}

/**
 * `POST /oauth/token` (issue 15): the client-credentials grant for API clients. Outside `/api`, so neither
 * the session cookie nor CSRF applies; answers and errors are OAuth's own JSON, not problem+json.
 */
export const tokenRoutes =
  (deps: { db: Db; config: Config }): FastifyPluginAsyncZod =>
  async (app) => {
    // Only this plugin reads forms; the rest of the API takes JSON.
    app.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) =>
      done(null, parseForm(body as string)),
    );
    // Any other body is not refused by Fastify with its own error: the handler answers invalid_request.
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 8192 }, (_req, _body, done) =>
      done(null, undefined),
    );

    app.post(
      TOKEN_PATH,
      {
        attachValidation: true,
        config: { rateLimit: { max: deps.config.authRateLimitPerMinute, timeWindow: '1 minute' } },
        schema: {
          tags: ['api-clients'],
          summary: 'Exchange an API client id and secret for an access token (client credentials)',
          description:
            'RFC 6749 §4.4. Authenticate with HTTP Basic (client_secret_basic) or the form fields ' +
            'client_id and client_secret (client_secret_post). The token lasts an hour; send it as ' +
            '`Authorization: Bearer <token>` to /api/v1. Errors follow RFC 6749 §5.2.',
          consumes: [FORM],
          security: [],
          body: TokenRequest,
          response: { 200: TokenResponse, 400: TokenError, 401: TokenError },
        },
      },
      async (req, reply) => {
        noStore(reply);
        try {
          const isForm = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() === FORM;
          if (!isForm || req.validationError) {
            throw new TokenRefusal('invalid_request', `Send the fields once each as ${FORM}`);
          }
          const input: TokenRequestInput = { authorization: req.headers.authorization, form: req.body };
          return await issueToken(deps.db, input);
        } catch (err) {
          if (!(err instanceof TokenRefusal)) throw err;
          if (err.status === 401)
            reply.header('www-authenticate', 'Basic realm="valfardsnavet", charset="UTF-8"');
          return reply.status(err.status).send({ error: err.error, error_description: err.description });
        }
      },
    );
  };
