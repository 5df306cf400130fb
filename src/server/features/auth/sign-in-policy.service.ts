import { type Actor, authorizeOwn } from '../../../shared/access/index.ts';
import type { Db } from '../../db/client.ts';
import { forbidden } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import * as repo from './sign-in-policy.repo.ts';

/**
 * The organisation speaks for its own people here (authorizeOwn): its own coordinator or a national
 * administrator. A rule set above it (region, municipality) applies to it too and is shown as inherited.
 */
async function ownedOrganisation(db: Db, actor: Actor, organisationId: string) {
  const ctx = await requireOrgContext(db, organisationId);
  if (!authorizeOwn(actor, 'identity.manage', ctx)) throw forbidden();
  return ctx;
}

export async function getPolicy(db: Db, actor: Actor, organisationId: string) {
  const ctx = await ownedOrganisation(db, actor, organisationId);
  const [own, inherited] = await Promise.all([
    repo.findPolicy(db, organisationId),
    repo.anyRequiresMfa(db, ctx.lineage.slice(1)),
  ]);
  return { organisationId, requireMfa: own?.requireMfa ?? false, inheritedRequireMfa: inherited };
}

export async function updatePolicy(db: Db, actor: Actor, organisationId: string, requireMfa: boolean) {
  await ownedOrganisation(db, actor, organisationId);
  await db.transaction(async (tx) => {
    const before = await repo.findPolicy(tx, organisationId);
    await repo.upsertPolicy(tx, organisationId, requireMfa);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'sign_in_policy.updated',
      entityType: 'organisation',
      entityId: organisationId,
      organisationId,
      before: { requireMfa: before?.requireMfa ?? false },
      after: { requireMfa },
    });
  });
  return getPolicy(db, actor, organisationId);
}
