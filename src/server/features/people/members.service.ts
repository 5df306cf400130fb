import { type Actor, authorize, canGrantRole } from '../../../shared/access/index.ts';
import type { Member, Role } from '../../../shared/contracts/people.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findUserByEmail } from '../auth/auth.repo.ts';
import type { Mailer } from '../mail/mailer.ts';
import { membershipAddedMail } from '../mail/templates.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import * as repo from './members.repo.ts';

export interface PeopleDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
}

function encodeCursor(row: repo.MemberRow): string {
  return Buffer.from(JSON.stringify([row.sort_name, row.membership_id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { sortName: string; membershipId: string } | null {
  if (!cursor) return null;
  try {
    const [sortName, membershipId] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      typeof sortName === 'string' &&
      typeof membershipId === 'string' &&
      /^[0-9a-f-]{36}$/.test(membershipId)
    ) {
      return { sortName, membershipId };
    }
  } catch {
    // fall through
  }
  throw new AppError(400, 'validation_failed', [{ path: 'querystring.cursor', code: 'invalid_format' }]);
}

export async function listMembers(
  db: Db,
  actor: Actor,
  organisationId: string,
  query: {
    limit: number;
    cursor?: string | undefined;
    q?: string | undefined;
    role?: Role | undefined;
    includeBelow: boolean;
  },
): Promise<{ items: Member[]; nextCursor: string | null }> {
  const ctx = await requireOrgContext(db, organisationId);
  if (!authorize(actor, 'members.list', ctx)) {
    // A unit the actor cannot see at all does not reveal that it exists.
    if (ctx.kind === 'unit' && !authorize(actor, 'organisation.read', ctx)) throw notFound();
    throw forbidden();
  }
  const rows = await repo.listMembers(db, {
    organisationId,
    kind: ctx.kind,
    includeBelow: query.includeBelow,
    q: query.q,
    role: query.role,
    limit: query.limit,
    after: decodeCursor(query.cursor),
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      membershipId: r.membership_id,
      userId: r.user_id,
      name: r.name,
      email: r.email,
      username: r.username,
      role: r.role,
      status: r.status,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      since: new Date(r.since).toISOString(),
    })),
    nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null,
  };
}

/** Gives an existing user a role in an organisation (new people are invited instead). */
export async function addMembership(
  deps: PeopleDeps,
  actor: Actor,
  organisationId: string,
  input: { email: string; role: Role },
) {
  const result = await deps.db.transaction(async (tx) => {
    const ctx = await requireOrgContext(tx, organisationId);
    if (!authorize(actor, 'members.manage', ctx)) throw forbidden();
    if (!canGrantRole(actor, input.role, ctx)) {
      throw new AppError(403, 'role_not_grantable', [{ path: 'body.role', code: 'role_not_grantable' }]);
    }
    const user = await findUserByEmail(tx, input.email);
    if (!user || user.status === 'disabled') {
      throw new AppError(404, 'user_not_found', [{ path: 'body.email', code: 'user_not_found' }]);
    }
    if (await repo.membershipExists(tx, user.id, organisationId, input.role)) {
      throw new AppError(409, 'membership_exists', [{ path: 'body.role', code: 'membership_exists' }]);
    }
    const membership = await repo.insertMembership(tx, { userId: user.id, organisationId, role: input.role });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'membership.created',
      entityType: 'membership',
      entityId: membership.id,
      organisationId,
      after: { userId: user.id, role: input.role },
    });
    return { membership, user };
  });
  const org = await repo.findMembership(deps.db, result.membership.id);
  const to = result.user.email;
  if (!to) return result.membership.id;
  await deps.mailer.send(
    membershipAddedMail({
      to,
      name: result.user.name,
      organisationName: org?.organisationName ?? '',
      role: input.role,
      link: `${deps.config.publicUrl}/logga-in`,
      lang: result.user.preferredLanguage,
    }),
  );
  return result.membership.id;
}

export async function removeMembership(db: Db, actor: Actor, membershipId: string) {
  await db.transaction(async (tx) => {
    const membership = await repo.findMembership(tx, membershipId);
    if (!membership) throw notFound();
    const ctx = await requireOrgContext(tx, membership.organisationId);
    if (!authorize(actor, 'members.list', ctx) && !authorize(actor, 'members.manage', ctx)) throw notFound();
    if (!canGrantRole(actor, membership.role, ctx)) throw forbidden();
    // Removing one's own role could lock the last coordinator out of their own organisation.
    if (membership.userId === actor.userId) throw new AppError(409, 'cannot_remove_own_role');
    await repo.deleteMembership(tx, membershipId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'membership.deleted',
      entityType: 'membership',
      entityId: membershipId,
      organisationId: membership.organisationId,
      before: { userId: membership.userId, role: membership.role },
    });
  });
}

/**
 * Exchanges a person's role at one organisation for another, as one change: taking the old role away
 * and giving the new one are both granting, so both must be the actor's to give. The role is a new
 * membership (as removing and adding did), so one an IdP or SCIM gave is no longer theirs to move.
 */
export async function changeMembershipRole(db: Db, actor: Actor, membershipId: string, role: Role) {
  await db.transaction(async (tx) => {
    const membership = await repo.findMembership(tx, membershipId);
    if (!membership) throw notFound();
    const ctx = await requireOrgContext(tx, membership.organisationId);
    if (!authorize(actor, 'members.list', ctx) && !authorize(actor, 'members.manage', ctx)) throw notFound();
    if (!authorize(actor, 'members.manage', ctx) || !canGrantRole(actor, membership.role, ctx)) {
      throw forbidden();
    }
    if (!canGrantRole(actor, role, ctx)) {
      throw new AppError(403, 'role_not_grantable', [{ path: 'body.role', code: 'role_not_grantable' }]);
    }
    // Changing one's own role could lock the last coordinator out, as removing it could.
    if (membership.userId === actor.userId) throw new AppError(409, 'cannot_remove_own_role');
    if (await repo.membershipExists(tx, membership.userId, membership.organisationId, role)) {
      throw new AppError(409, 'membership_exists', [{ path: 'body.role', code: 'membership_exists' }]);
    }
    await repo.deleteMembership(tx, membershipId);
    const changed = await repo.insertMembership(tx, {
      userId: membership.userId,
      organisationId: membership.organisationId,
      role,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'membership.role_changed',
      entityType: 'membership',
      entityId: changed.id,
      organisationId: membership.organisationId,
      before: { userId: membership.userId, role: membership.role, membershipId },
      after: { userId: membership.userId, role },
    });
  });
}
