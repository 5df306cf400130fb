import {
  type Actor,
  authorize,
  mayCreateAccountWith,
  type OrgContext,
} from '../../../shared/access/index.ts';
import type {
  ActivationCodeIssued,
  ActivationCodeOwner,
  ActivationCodeView,
  CreateAccount,
} from '../../../shared/contracts/activation.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/db-errors.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { hashPassword, passwordProblem } from '../../lib/passwords.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { createSession } from '../auth/session.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import { insertMembership } from '../people/members.repo.ts';
import * as repo from './activation.repo.ts';
import { ACTIVATION_DAYS, hashActivationCode, newActivationCode } from './activation-code.ts';

export interface ActivationDeps {
  db: Db;
  config: Config;
}

const LIST_LIMIT = 500;

/** The organisation, if the actor may create accounts and codes there (a unit they cannot see is a 404). */
async function requireActivator(db: Db, actor: Actor, organisationId: string): Promise<OrgContext> {
  const ctx = await requireOrgContext(db, organisationId);
  if (!authorize(actor, 'people.activate', ctx)) {
    if (ctx.kind === 'unit' && !authorize(actor, 'organisation.read', ctx)) throw notFound();
    throw forbidden();
  }
  return ctx;
}

const usernameTaken = () =>
  new AppError(409, 'username_taken', [{ path: 'body.username', code: 'username_taken' }]);

async function issue(
  deps: ActivationDeps,
  tx: Db,
  actor: Actor,
  person: { id: string; name: string; username: string | null },
  organisationId: string,
): Promise<ActivationCodeIssued> {
  const revoked = await repo.revokeOpenCodes(tx, person.id);
  const code = newActivationCode();
  const expiresAt = new Date(Date.now() + ACTIVATION_DAYS * 86_400_000);
  const row = await repo.insertCode(tx, {
    userId: person.id,
    organisationId,
    codeHash: hashActivationCode(code),
    createdBy: actor.userId,
    expiresAt,
  });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'activation_code.issued',
    entityType: 'activation_code',
    entityId: row.id,
    organisationId,
    after: { userId: person.id, expiresAt: expiresAt.toISOString(), revoked: revoked.map((r) => r.id) },
  });
  const activationUrl = `${deps.config.publicUrl}/aktivera?kod=${code}`;
  const { default: QRCode } = await import('qrcode'); // loaded when a code is made, not at start-up
  const svg = await QRCode.toString(activationUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    id: row.id,
    userId: person.id,
    name: person.name,
    username: person.username,
    code,
    activationUrl,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    expiresAt: expiresAt.toISOString(),
  };
}

/** Creates an account without e-mail, its role at the organisation and its first activation code. */
export async function createAccount(
  deps: ActivationDeps,
  actor: Actor,
  organisationId: string,
  input: CreateAccount,
): Promise<ActivationCodeIssued> {
  const username = input.username ?? input.employeeNumber!.toLowerCase();
  try {
    return await deps.db.transaction(async (tx) => {
      const ctx = await requireActivator(tx, actor, organisationId);
      if (!mayCreateAccountWith(actor, input.role, ctx))
        throw new AppError(403, 'role_not_grantable', [{ path: 'body.role', code: 'role_not_grantable' }]);
      if (await repo.usernameTaken(tx, username)) throw usernameTaken();
      const user = await repo.insertUsernameUser(tx, {
        username,
        employeeNumber: input.employeeNumber ?? null,
        name: input.name,
        preferredLanguage: input.language,
      });
      const membership = await insertMembership(tx, { userId: user.id, organisationId, role: input.role });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'account.created',
        entityType: 'user',
        entityId: user.id,
        organisationId,
        after: {
          username,
          employeeNumber: input.employeeNumber ?? null,
          name: input.name,
          role: input.role,
          membershipId: membership.id,
        },
      });
      return issue(deps, tx, actor, user, organisationId);
    });
  } catch (err) {
    // Two managers choosing the same username at once: the unique index decides.
    if (isUniqueViolation(err)) throw usernameTaken();
    throw err;
  }
}

/** A new code for a member who cannot sign in yet (the old one was lost or expired). */
export async function issueCode(
  deps: ActivationDeps,
  actor: Actor,
  organisationId: string,
  userId: string,
): Promise<ActivationCodeIssued> {
  return deps.db.transaction(async (tx) => {
    await requireActivator(tx, actor, organisationId);
    const person = await repo.findPersonForCode(tx, userId, organisationId);
    if (!person || person.status === 'disabled')
      throw new AppError(404, 'user_not_found', [{ path: 'body.userId', code: 'user_not_found' }]);
    // A code sets a password: for someone who already has one it would be a way into their account.
    if (person.can_sign_in)
      throw new AppError(409, 'activation_not_needed', [
        { path: 'body.userId', code: 'activation_not_needed' },
      ]);
    return issue(deps, tx, actor, person, organisationId);
  });
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function listCodes(
  deps: ActivationDeps,
  actor: Actor,
  organisationId: string,
): Promise<{ items: ActivationCodeView[] }> {
  const ctx = await requireActivator(deps.db, actor, organisationId);
  const rows = await repo.listCodes(deps.db, organisationId, ctx.kind === 'municipality', LIST_LIMIT);
  return {
    items: rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      name: r.name,
      username: r.username,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      status: r.status,
      createdAt: iso(r.created_at)!,
      expiresAt: iso(r.expires_at)!,
      usedAt: iso(r.used_at),
      revokedAt: iso(r.revoked_at),
      canReissue: !r.can_sign_in,
    })),
  };
}

export async function revokeCode(deps: ActivationDeps, actor: Actor, id: string) {
  await deps.db.transaction(async (tx) => {
    const code = await repo.findCode(tx, id);
    if (!code) throw notFound();
    await requireActivator(tx, actor, code.organisationId);
    if (!(await repo.revokeCode(tx, id))) throw new AppError(409, 'activation_code_closed');
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'activation_code.revoked',
      entityType: 'activation_code',
      entityId: id,
      organisationId: code.organisationId,
      after: { userId: code.userId },
    });
  });
}

/** Every unusable code gets this same answer: wrong, used, expired and revoked look alike. */
const invalidCode = () =>
  new AppError(400, 'activation_code_invalid', [{ path: 'body.code', code: 'activation_code_invalid' }]);

/** Whose code it is: the name and username, to show the person they have the right paper. */
export async function checkCode(deps: ActivationDeps, code: string): Promise<ActivationCodeOwner> {
  const row = await repo.findOpenCode(deps.db, hashActivationCode(code));
  if (!row) throw invalidCode();
  return { name: row.name, username: row.username };
}

/** Uses the code: sets the chosen password, activates the account and logs the person in. */
export async function activate(
  deps: ActivationDeps,
  input: { code: string; password: string },
  userAgent: string | null,
) {
  const row = await repo.findOpenCode(deps.db, hashActivationCode(input.code));
  if (!row) throw invalidCode();
  const problem = passwordProblem(input.password, row.username ?? row.email ?? undefined);
  if (problem) throw new AppError(400, problem, [{ path: 'body.password', code: problem }]);
  // Hashed before the transaction: argon2 takes a while and holds no lock meanwhile.
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    if (!(await repo.useCode(tx, row.id))) throw invalidCode();
    await repo.activateUser(tx, row.user_id, passwordHash);
    await recordAudit(tx, {
      actorId: row.user_id,
      action: 'activation_code.used',
      entityType: 'activation_code',
      entityId: row.id,
      organisationId: row.organisation_id,
      after: { userId: row.user_id },
    });
    const sessionToken = newToken();
    const expiresAt = new Date(Date.now() + deps.config.sessionTtlMs);
    await createSession(tx, {
      userId: row.user_id,
      tokenHash: hashToken(sessionToken),
      userAgent,
      expiresAt,
      authMethod: 'activation',
    });
    return { userId: row.user_id, sessionToken, expiresAt };
  });
}
