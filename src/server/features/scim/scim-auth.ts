import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { hashToken } from '../../lib/tokens.ts';
import { ScimError } from './scim-errors.ts';
import { findActiveTokenByHash, touchScimToken } from './scim-tokens.repo.ts';

/** Who is calling: one organisation's SCIM token. Everything it reads or changes is that organisation's. */
export interface ScimContext {
  tokenId: string;
  organisationId: string;
  /** `{PUBLIC_URL}/scim/v2`, for `meta.location`. */
  baseUrl: string;
}

const TOUCH_INTERVAL_MS = 60_000;

/** `Authorization: Bearer <token>` → the token's organisation, or 401 (missing, unknown or revoked). */
export async function authenticateScim(db: Db, req: FastifyRequest, baseUrl: string): Promise<ScimContext> {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ScimError(401, null, 'A SCIM bearer token is required');
  const token = await findActiveTokenByHash(db, hashToken(match[1]!));
  if (!token) throw new ScimError(401, null, 'The bearer token is not valid or has been revoked');
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    // Bookkeeping only: a request must not fail because "last used" could not be written.
    await touchScimToken(db, token.id).catch((err: unknown) =>
      req.log.warn({ err }, 'could not record SCIM token use'),
    );
  }
  return { tokenId: token.id, organisationId: token.organisationId, baseUrl };
}
