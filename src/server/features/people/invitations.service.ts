import { type Actor, authorize, canGrantRole } from '../../../shared/access/index.ts';
import type { CreateInvitation, Gender } from '../../../shared/contracts/people.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { hashPassword, passwordProblem } from '../../lib/passwords.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findUserByEmail } from '../auth/auth.repo.ts';
import { createSession } from '../auth/session.repo.ts';
import { invitationMail, membershipAddedMail } from '../mail/templates.ts';
import { findOrganisation } from '../organisations/organisations.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import * as repo from './invitations.repo.ts';
import { insertMembership, membershipExists } from './members.repo.ts';
import type { PeopleDeps } from './members.service.ts';

export const INVITATION_DAYS = 7;

/**
 * Invites a person to a role. Without an account, the person is created as invited and gets a one-time
 * link to choose a password; with one, the role is added at once and the person is told by e-mail.
 */
export async function createInvitation(deps: PeopleDeps, actor: Actor, input: CreateInvitation) {
  const result = await deps.db.transaction(async (tx) => {
    const ctx = await requireOrgContext(tx, input.organisationId);
    if (!canGrantRole(actor, input.role, ctx)) {
      if (!authorize(actor, 'members.manage', ctx)) throw forbidden();
      throw new AppError(403, 'role_not_grantable', [{ path: 'body.role', code: 'role_not_grantable' }]);
    }
    const org = (await findOrganisation(tx, input.organisationId))!;
    let user = await findUserByEmail(tx, input.email);
    if (user?.status === 'disabled')
      throw new AppError(409, 'conflict', [{ path: 'body.email', code: 'conflict' }]);
    const existingUser = user !== null && user.status === 'active';
    const hasRole = user !== null && (await membershipExists(tx, user.id, org.id, input.role));
    // Inviting someone again who has not accepted yet sends a fresh link; an active account with the role is a conflict.
    if (hasRole && existingUser) {
      throw new AppError(409, 'membership_exists', [{ path: 'body.email', code: 'membership_exists' }]);
    }
    if (!user) {
      user = await repo.insertInvitedUser(tx, {
        email: input.email,
        name: input.name,
        preferredLanguage: input.language,
      });
    }
    const membership = hasRole
      ? null
      : await insertMembership(tx, { userId: user.id, organisationId: org.id, role: input.role });
    let token: string | null = null;
    let invitationId = membership?.id ?? user.id;
    let expiresAt: Date | null = null;
    if (!existingUser) {
      token = newToken();
      expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
      const invitation = await repo.insertInvitation(tx, {
        tokenHash: hashToken(token),
        userId: user.id,
        organisationId: org.id,
        role: input.role,
        invitedBy: actor.userId,
        expiresAt,
      });
      invitationId = invitation.id;
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: existingUser ? 'membership.created' : 'invitation.created',
      entityType: existingUser ? 'membership' : 'invitation',
      entityId: invitationId,
      organisationId: org.id,
      after: { userId: user.id, email: user.email, role: input.role },
    });
    return { user, org, token, invitationId, expiresAt, existingUser };
  });

  const { user, org, token } = result;
  await deps.mailer.send(
    token
      ? invitationMail({
          to: input.email,
          name: user.name,
          organisationName: org.name,
          role: input.role,
          link: `${deps.config.publicUrl}/inbjudan/${token}`,
          lang: input.language,
          days: INVITATION_DAYS,
        })
      : membershipAddedMail({
          to: input.email,
          name: user.name,
          organisationName: org.name,
          role: input.role,
          link: `${deps.config.publicUrl}/logga-in`,
          lang: user.preferredLanguage,
        }),
  );
  return {
    id: result.invitationId,
    email: input.email,
    organisationId: org.id,
    role: input.role,
    expiresAt: result.expiresAt?.toISOString() ?? null,
    existingUser: result.existingUser,
  };
}

export async function viewInvitation(deps: PeopleDeps, token: string) {
  const inv = await repo.findOpenInvitation(deps.db, hashToken(token));
  // An invitation is always sent to an address; one without (the address was erased) is void.
  if (!inv?.email) throw new AppError(404, 'token_invalid');
  return {
    email: inv.email,
    name: inv.name,
    organisationName: inv.organisationName,
    role: inv.role as CreateInvitation['role'],
    expiresAt: inv.expiresAt.toISOString(),
  };
}

/** Activates the invited account and logs the person in (returns the session token for the cookie). */
export async function acceptInvitation(
  deps: PeopleDeps,
  token: string,
  input: { name: string; password: string; preferredLanguage: 'sv' | 'en'; gender?: Gender | undefined },
  userAgent: string | null,
) {
  return deps.db.transaction(async (tx) => {
    const inv = await repo.findOpenInvitation(tx, hashToken(token));
    if (!inv?.email) throw new AppError(404, 'token_invalid');
    const problem = passwordProblem(input.password, inv.email);
    if (problem) throw new AppError(400, problem, [{ path: 'body.password', code: problem }]);
    await repo.activateInvitedUser(tx, inv.userId, {
      name: input.name,
      passwordHash: await hashPassword(input.password),
      preferredLanguage: input.preferredLanguage,
      gender: input.gender ?? null,
    });
    await recordAudit(tx, {
      actorId: inv.userId,
      action: 'invitation.accepted',
      entityType: 'user',
      entityId: inv.userId,
      after: { name: input.name, preferredLanguage: input.preferredLanguage, gender: input.gender ?? null },
    });
    const sessionToken = newToken();
    const expiresAt = new Date(Date.now() + deps.config.sessionTtlMs);
    await createSession(tx, { userId: inv.userId, tokenHash: hashToken(sessionToken), userAgent, expiresAt });
    return { userId: inv.userId, sessionToken, expiresAt };
  });
}
