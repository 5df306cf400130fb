import { type Actor, authorizeOwn } from '../../../shared/access/index.ts';
import { SCIM_BASE_PATH, type ScimToken, type ScimTokenCreated } from '../../../shared/contracts/scim.ts';
import type { Db } from '../../db/client.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import * as repo from './scim-tokens.repo.ts';

/** Tokens are prefixed so that a leaked one is recognisable (secret scanners, logs). */
const TOKEN_PREFIX = 'vnscim_';

export const scimBaseUrl = (publicUrl: string) => `${publicUrl}${SCIM_BASE_PATH}`;

function view(row: repo.ScimTokenRow): ScimToken {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Only the organisation's own coordinator (or a national administrator) manages its SCIM tokens. */
async function authorizeManage(db: Db, actor: Actor, organisationId: string) {
  const ctx = await requireOrgContext(db, organisationId);
  if (!authorizeOwn(actor, 'identity.manage', ctx)) throw forbidden();
  return ctx;
}

export async function listTokens(db: Db, actor: Actor, organisationId: string, publicUrl: string) {
  await authorizeManage(db, actor, organisationId);
  const rows = await repo.listScimTokens(db, organisationId);
  return { items: rows.map(view), baseUrl: scimBaseUrl(publicUrl) };
}

export async function createToken(
  db: Db,
  actor: Actor,
  organisationId: string,
  name: string,
  publicUrl: string,
): Promise<ScimTokenCreated> {
  await authorizeManage(db, actor, organisationId);
  const token = `${TOKEN_PREFIX}${newToken()}`;
  return db.transaction(async (tx) => {
    const id = await repo.insertScimToken(tx, {
      organisationId,
      name,
      tokenHash: hashToken(token),
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'scim_token.created',
      entityType: 'scim_token',
      entityId: id,
      organisationId,
      after: { name },
    });
    const row = await repo.findScimToken(tx, id);
    return { ...view(row!), token, baseUrl: scimBaseUrl(publicUrl) };
  });
}

export async function revokeToken(db: Db, actor: Actor, id: string) {
  const row = await repo.findScimToken(db, id);
  if (!row) throw notFound();
  await authorizeManage(db, actor, row.organisationId);
  return db.transaction(async (tx) => {
    if (!row.revokedAt) {
      await repo.revokeScimToken(tx, id);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'scim_token.revoked',
        entityType: 'scim_token',
        entityId: id,
        organisationId: row.organisationId,
        before: { name: row.name },
      });
    }
    return view((await repo.findScimToken(tx, id))!);
  });
}
