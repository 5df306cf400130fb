import type { Actor } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { AddMember, MemberRole, MemberView, UpdateMember } from '../../../shared/contracts/networks.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findUserByEmail, findUserById } from '../auth/auth.repo.ts';
import type { Mailer } from '../mail/mailer.ts';
import { findOrganisation } from '../organisations/organisations.repo.ts';
import * as repo from './members.repo.ts';
import { canManage, requireManageable, requireReadable } from './network-access.ts';
import { networkInvitationMail } from './network-mail.ts';

export interface NetworkDeps {
  db: Db;
  mailer: Mailer;
  config: Config;
}

export const NETWORK_INVITATION_DAYS = 30;

const roleOrder: Record<MemberRole, number> = {
  chair: 0,
  vice_chair: 1,
  secretary: 2,
  member: 3,
  adjunct: 4,
};

function toView(r: repo.MemberWithNames, showEmail: boolean): MemberView {
  const m = r.member;
  return {
    id: m.id,
    userId: m.userId,
    name: r.userName ?? m.externalName ?? '',
    email: showEmail ? (r.userEmail ?? m.email) : null,
    external: m.userId === null,
    representsOrganisation:
      m.representsOrganisationId && r.representsOrganisationName
        ? { id: m.representsOrganisationId, name: r.representsOrganisationName }
        : null,
    representsName: m.representsName,
    roleInGroup: m.roleInGroup as MemberRole,
    status: m.status as MemberView['status'],
    invitedAt: m.invitedAt?.toISOString() ?? null,
    joinedAt: m.joinedAt?.toISOString() ?? null,
  };
}

/** Chair first, then by role and name; members who left last. */
export function sortMembers<T extends { status: string; roleInGroup: MemberRole; name: string }>(
  items: T[],
): T[] {
  return items.sort(
    (a, b) =>
      Number(a.status === 'left') - Number(b.status === 'left') ||
      roleOrder[a.roleInGroup] - roleOrder[b.roleInGroup] ||
      swedishCollator.compare(a.name, b.name),
  );
}

/** Members of a network; e-mail addresses only for those who manage it (personal data, minimal). */
export async function listMembers(db: Db, actor: Actor, networkId: string): Promise<MemberView[]> {
  const network = await requireReadable(db, actor, networkId);
  const manager = await canManage(db, actor, network.network.ownerOrganisationId);
  return sortMembers((await repo.listMembers(db, networkId)).map((r) => toView(r, manager)));
}

async function checkRepresents(db: Db, organisationId: string | null | undefined) {
  if (organisationId && !(await findOrganisation(db, organisationId)))
    throw new AppError(400, 'validation_failed', [
      { path: 'body.representsOrganisationId', code: 'unknown_organisation' },
    ]);
}

const memberConflict = () =>
  new AppError(409, 'network_member_exists', [{ path: 'body.email', code: 'network_member_exists' }]);

/**
 * Adds a platform user (by id or by their account's e-mail) or a named external person. With `invite`,
 * the member is `invited` and gets an e-mailed link (only its hash is stored); otherwise active at once.
 */
export async function addMember(
  deps: NetworkDeps,
  actor: Actor,
  networkId: string,
  input: AddMember,
  lang: UiLanguage,
): Promise<MemberView> {
  const { db } = deps;
  const result = await db.transaction(async (tx) => {
    const network = await requireManageable(tx, actor, networkId, true);
    let user = input.userId ? await findUserById(tx, input.userId) : null;
    if (input.userId && (!user || user.status === 'disabled'))
      throw new AppError(400, 'validation_failed', [{ path: 'body.userId', code: 'unknown_user' }]);
    if (!user && input.email) {
      const found = await findUserByEmail(tx, input.email);
      if (found && found.status !== 'disabled') user = found;
    }
    if (!user && !input.name)
      throw new AppError(400, 'validation_failed', [{ path: 'body.name', code: 'required' }]);
    await checkRepresents(tx, input.representsOrganisationId);
    if (user ? await repo.userMemberExists(tx, networkId, user.id) : false) throw memberConflict();
    if (!user && input.email && (await repo.externalMemberExists(tx, networkId, input.email)))
      throw memberConflict();

    const token = input.invite ? newToken() : null;
    const now = new Date();
    const values = {
      networkId,
      userId: user?.id ?? null,
      externalName: user ? null : input.name!,
      email: user ? null : (input.email?.toLowerCase() ?? null),
      representsOrganisationId: input.representsOrganisationId ?? null,
      representsName: input.representsName ?? null,
      roleInGroup: input.roleInGroup,
      status: token ? 'invited' : 'active',
      invitationTokenHash: token ? hashToken(token) : null,
      invitedAt: token ? now : null,
      joinedAt: token ? null : now,
    };
    const memberId = await repo.insertMember(tx, values);
    const { invitationTokenHash: _hash, ...logged } = values;
    await recordAudit(tx, {
      actorId: actor.userId,
      action: token ? 'network_member.invited' : 'network_member.added',
      entityType: 'network_member',
      entityId: memberId,
      organisationId: network.ownerOrganisationId,
      after: logged,
    });
    const owner = await findOrganisation(tx, network.ownerOrganisationId);
    return { memberId, network, ownerName: owner?.name ?? '', token, user };
  });

  if (result.token) {
    const to = result.user?.email ?? input.email!;
    await deps.mailer.send(
      networkInvitationMail({
        to,
        name: result.user?.name ?? input.name ?? to,
        networkName: result.network.name,
        ownerName: result.ownerName,
        role: input.roleInGroup,
        link: `${deps.config.publicUrl}/natverk/inbjudan/${result.token}`,
        days: NETWORK_INVITATION_DAYS,
        lang: result.user?.preferredLanguage ?? lang,
      }),
    );
  }
  const row = await repo.findMember(db, networkId, result.memberId);
  return toView(row!, true);
}

export async function updateMember(
  db: Db,
  actor: Actor,
  networkId: string,
  memberId: string,
  input: UpdateMember,
): Promise<MemberView> {
  await db.transaction(async (tx) => {
    const network = await requireManageable(tx, actor, networkId, true);
    const existing = await repo.findMember(tx, networkId, memberId);
    if (!existing) throw notFound();
    await checkRepresents(tx, input.representsOrganisationId);
    const m = existing.member;
    const changes = {
      ...(input.roleInGroup !== undefined ? { roleInGroup: input.roleInGroup } : {}),
      ...(input.representsOrganisationId !== undefined
        ? { representsOrganisationId: input.representsOrganisationId }
        : {}),
      ...(input.representsName !== undefined ? { representsName: input.representsName } : {}),
      ...(input.status !== undefined && input.status !== m.status
        ? {
            status: input.status,
            // Recorded as active by a manager: the e-mailed link is no longer needed.
            ...(input.status === 'active'
              ? { invitationTokenHash: null, joinedAt: m.joinedAt ?? new Date() }
              : {}),
          }
        : {}),
    };
    await repo.updateMember(tx, memberId, changes);
    const { invitationTokenHash: _h, ...after } = changes as typeof changes & { invitationTokenHash?: null };
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'network_member.updated',
      entityType: 'network_member',
      entityId: memberId,
      organisationId: network.ownerOrganisationId,
      before: {
        roleInGroup: m.roleInGroup,
        representsOrganisationId: m.representsOrganisationId,
        representsName: m.representsName,
        status: m.status,
      },
      after,
    });
  });
  return toView((await repo.findMember(db, networkId, memberId))!, true);
}

/** Removes a member added by mistake; one who leaves the group is better marked `left` (history stays). */
export async function removeMember(db: Db, actor: Actor, networkId: string, memberId: string) {
  await db.transaction(async (tx) => {
    const network = await requireManageable(tx, actor, networkId, true);
    const existing = await repo.findMember(tx, networkId, memberId);
    if (!existing) throw notFound();
    await repo.deleteMember(tx, memberId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'network_member.removed',
      entityType: 'network_member',
      entityId: memberId,
      organisationId: network.ownerOrganisationId,
      before: {
        userId: existing.member.userId,
        externalName: existing.member.externalName,
        roleInGroup: existing.member.roleInGroup,
        status: existing.member.status,
      },
    });
  });
  return { ok: true as const };
}

/** What the invitee sees before accepting. */
export async function viewNetworkInvitation(db: Db, token: string) {
  const inv = await repo.findOpenInvitation(db, hashToken(token), NETWORK_INVITATION_DAYS);
  if (!inv) throw new AppError(404, 'token_invalid');
  return {
    networkName: inv.networkName,
    ownerName: inv.ownerName,
    name: inv.userName ?? inv.member.externalName ?? '',
    roleInGroup: inv.member.roleInGroup as MemberRole,
  };
}

/**
 * The link is the proof: whoever holds it (the invited person, signed in or not) accepts it once. A
 * signed-in person accepting an external invitation sent to their own address is linked to it.
 */
export async function acceptNetworkInvitation(
  db: Db,
  actor: (Actor & { email: string | null }) | null,
  token: string,
) {
  return db.transaction(async (tx) => {
    const inv = await repo.findOpenInvitation(tx, hashToken(token), NETWORK_INVITATION_DAYS);
    if (!inv) throw new AppError(404, 'token_invalid');
    const m = inv.member;
    const link =
      actor &&
      m.userId === null &&
      actor.email !== null &&
      m.email?.toLowerCase() === actor.email.toLowerCase() &&
      !(await repo.userMemberExists(tx, m.networkId, actor.userId));
    await repo.updateMember(tx, m.id, {
      status: 'active',
      joinedAt: new Date(),
      invitationTokenHash: null,
      ...(link ? { userId: actor.userId, externalName: null, email: null } : {}),
    });
    await recordAudit(tx, {
      actorId: actor?.userId ?? m.userId,
      action: 'network_member.accepted',
      entityType: 'network_member',
      entityId: m.id,
      organisationId: inv.ownerId,
      before: { status: 'invited' },
      after: { status: 'active', ...(link ? { userId: actor.userId } : {}) },
    });
    return { networkId: m.networkId, networkName: inv.networkName };
  });
}
