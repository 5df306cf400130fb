import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../plugins/session.ts';

/** Hands the browser its new session (password, second factor or passkey login alike). */
export function setSessionCookie(
  config: Config,
  req: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    ...sessionCookieOptions(config, req),
    expires: session.expiresAt,
  });
}
