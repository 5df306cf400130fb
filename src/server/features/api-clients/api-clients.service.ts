import { randomBytes } from 'node:crypto';
import { type Actor, authorizeOwn, isApiScope, scopesForKind } from '../../../shared/access/index.ts';
import {
  type ApiClient,
  type ApiClientCreated,
  type ApiClientList,
  type CreateApiClient,
  TOKEN_PATH,
} from '../../../shared/contracts/api-clients.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { hashToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import * as repo from './api-clients.repo.ts';

/**
 * Client ids and secrets are prefixed so that a leaked one is recognisable (secret scanners, logs).
 * The secret is 256 random bits and only its SHA-256 is kept: a slow hash (argon2) protects guessable
 * passwords, but nobody can guess 256 random bits, and a slow hash on every token request would only
 * cost CPU and invite denial of service.
 */
const CLIENT_ID_PREFIX = 'vnc_';
const SECRET_PREFIX = 'vns_';

export const tokenUrl = (publicUrl: string) => `${publicUrl}${TOKEN_PATH}`;

function view(row: { client: repo.ApiClientRow; createdByName: string | null }): ApiClient {
  const c = row.client;
  return {
    id: c.id,
    organisationId: c.organisationId,
    clientId: c.clientId,
    name: c.name,
    scopes: c.scopes.filter(isApiScope),
    createdAt: c.createdAt.toISOString(),
    createdByName: row.createdByName,
    lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
    revokedAt: c.revokedAt?.toISOString() ?? null,
  };
}

/** Only the organisation's own coordinator (or a national administrator) manages its API clients. */
async function authorizeManage(db: Db, actor: Actor, organisationId: string) {
  const ctx = await requireOrgContext(db, organisationId);
  if (!authorizeOwn(actor, 'identity.manage', ctx)) throw forbidden();
  return ctx;
}

export async function listClients(
  db: Db,
  actor: Actor,
  organisationId: string,
  publicUrl: string,
): Promise<ApiClientList> {
  const ctx = await authorizeManage(db, actor, organisationId);
  const rows = await repo.listClients(db, organisationId);
  return { items: rows.map(view), availableScopes: scopesForKind(ctx.kind), tokenUrl: tokenUrl(publicUrl) };
}

export async function createClient(
  db: Db,
  actor: Actor,
  organisationId: string,
  input: CreateApiClient,
  publicUrl: string,
): Promise<ApiClientCreated> {
  const ctx = await authorizeManage(db, actor, organisationId);
  const available = scopesForKind(ctx.kind);
  if (available.length === 0) throw new AppError(400, 'api_client_kind_not_allowed');
  const unavailable = input.scopes.filter((s) => !available.includes(s));
  if (unavailable.length) {
    throw new AppError(
      400,
      'api_client_scope_not_available',
      unavailable.map(() => ({ path: 'body.scopes', code: 'api_client_scope_not_available' })),
      unavailable.join(' '),
    );
  }
  const clientId = `${CLIENT_ID_PREFIX}${randomBytes(16).toString('base64url')}`;
  const clientSecret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const userId = await repo.createServiceAccount(tx, { clientId, name: input.name });
    const client = await repo.insertClient(tx, {
      organisationId,
      clientId,
      secretHash: hashToken(clientSecret),
      name: input.name,
      scopes: input.scopes,
      userId,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'api_client.created',
      entityType: 'api_client',
      entityId: client.id,
      organisationId,
      after: { name: input.name, clientId, scopes: input.scopes },
    });
    const row = await repo.findClient(tx, client.id);
    return { ...view(row!), clientSecret, tokenUrl: tokenUrl(publicUrl) };
  });
}

/** Revoking ends the client's tokens at once (idempotent: revoking again changes nothing). */
export async function revokeClient(db: Db, actor: Actor, id: string): Promise<ApiClient> {
  const row = await repo.findClient(db, id);
  if (!row) throw notFound();
  await authorizeManage(db, actor, row.client.organisationId);
  return db.transaction(async (tx) => {
    if (await repo.revokeClient(tx, id)) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'api_client.revoked',
        entityType: 'api_client',
        entityId: id,
        organisationId: row.client.organisationId,
        before: { name: row.client.name, clientId: row.client.clientId, scopes: row.client.scopes },
      });
    }
    return view((await repo.findClient(tx, id))!);
  });
}
