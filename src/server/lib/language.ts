import type { FastifyRequest } from 'fastify';
import type { UiLanguage } from '../../shared/contracts/common.ts';

export const LANGUAGE_COOKIE = 'vn_lang';

/** The language of a response: the UI switch (cookie), then the user's setting, then the browser's. */
export function requestLanguage(req: FastifyRequest): UiLanguage {
  const cookie = req.cookies?.[LANGUAGE_COOKIE];
  if (cookie === 'sv' || cookie === 'en') return cookie;
  if (req.actor) return req.actor.preferredLanguage;
  const accept = req.headers['accept-language'] ?? '';
  const first = accept.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'sv';
}
