import type { AuditAction } from '../../../shared/contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/db-errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { revokeAllSessions } from '../auth/session.repo.ts';
import { anonymiseUser } from '../users/users.repo.ts';
import type { ScimContext } from './scim-auth.ts';
import { ScimError, scimBadRequest, scimNotFound } from './scim-errors.ts';
import { parseFilter } from './scim-filter.ts';
import { removeGroupMembershipsOf } from './scim-groups.repo.ts';
import { compileFilter } from './scim-sql-filter.ts';
import { staffTarget } from './scim-units.ts';
import {
  applyUserPatch,
  docFromResource,
  docFromRow,
  readPatch,
  type UserDoc,
  userResource,
} from './scim-user-doc.ts';
import * as repo from './scim-users.repo.ts';

export const MAX_RESULTS = 200;

const uniqueness = (detail: string) => new ScimError(409, 'uniqueness', detail);

/** Entries in the audit log say what changed and by which token, never the values (no personal data). */
const auditEntry = (
  ctx: ScimContext,
  action: AuditAction,
  userId: string,
  after: Record<string, unknown> = {},
) => ({
  actorId: null,
  action,
  entityType: 'user',
  entityId: userId,
  organisationId: ctx.organisationId,
  after: { scimTokenId: ctx.tokenId, ...after },
});

/** `startIndex`/`count` (RFC 7644 §3.4.2.4): 1-based; count is capped at MAX_RESULTS. */
export function paging(query: { startIndex?: string | undefined; count?: string | undefined }) {
  const start = Number.parseInt(query.startIndex ?? '1', 10);
  const count = Number.parseInt(query.count ?? String(MAX_RESULTS), 10);
  return {
    startIndex: Number.isFinite(start) && start > 0 ? start : 1,
    count: Number.isFinite(count) ? Math.min(Math.max(count, 0), MAX_RESULTS) : MAX_RESULTS,
  };
}

export async function listUsers(
  db: Db,
  ctx: ScimContext,
  query: { filter?: string | undefined; startIndex?: string | undefined; count?: string | undefined },
) {
  const where = query.filter ? compileFilter(parseFilter(query.filter), repo.userFilterTarget) : undefined;
  const { startIndex, count } = paging(query);
  const { total, rows } = await repo.listScimUsers(db, ctx.organisationId, where, startIndex - 1, count);
  return { total, startIndex, resources: rows.map((r) => userResource(r, ctx.baseUrl)) };
}

export async function getUser(db: Db, ctx: ScimContext, userId: string) {
  const row = await repo.findScimUser(db, ctx.organisationId, userId);
  if (!row) throw scimNotFound('User', userId);
  return userResource(row, ctx.baseUrl);
}

const displayNameOf = (doc: UserDoc) =>
  doc.displayName ?? ([doc.givenName, doc.familyName].filter(Boolean).join(' ') || doc.userName);

/** A person without e-mail signs in with a username: the SCIM userName, if no one else has it. */
async function usernameFor(db: Db, doc: UserDoc, userId: string | null) {
  if (doc.email) return null;
  const taken = await repo.findAccountByUsername(db, doc.userName);
  if (taken && taken.id !== userId) throw uniqueness('userName is already a sign-in name of another account');
  return doc.userName.toLowerCase();
}

/**
 * Deactivation ends the person's sessions at once. Someone who is only this organisation's loses the
 * account (disabled, learning history kept); someone who also belongs elsewhere keeps the account and
 * loses only this organisation's roles.
 */
async function setActive(tx: Db, ctx: ScimContext, userId: string, doc: UserDoc) {
  const elsewhere = await repo.hasTiesElsewhere(tx, ctx.organisationId, userId);
  if (!doc.active) {
    if (elsewhere) {
      await repo.removeMembershipsInSubtree(tx, ctx.organisationId, userId);
      await repo.updateLink(tx, ctx.organisationId, userId, { staffOrganisationId: null });
    } else {
      await repo.updateAccount(tx, userId, { status: 'disabled' });
    }
    await revokeAllSessions(tx, userId);
    return;
  }
  if (!elsewhere) await repo.updateAccount(tx, userId, { status: 'active' });
}

/** Puts the SCIM-given staff membership where `department` says (moving only what SCIM gave). */
async function placeStaff(
  tx: Db,
  ctx: ScimContext,
  userId: string,
  department: string | null,
  current: string | null,
) {
  const target = await staffTarget(tx, ctx.organisationId, department);
  if (target === current) return current;
  if (current) await repo.removeStaff(tx, userId, current);
  if (!target) return null;
  return (await repo.grantStaff(tx, userId, target)) ? target : null;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw uniqueness('userName or e-mail address already in use');
    throw err;
  }
}

export async function createUser(db: Db, ctx: ScimContext, body: unknown) {
  const doc = docFromResource(body);
  const userId = await guarded(() =>
    db.transaction(async (tx) => {
      if (await repo.findLinkByUserName(tx, ctx.organisationId, doc.userName))
        throw uniqueness(`userName ${doc.userName} already exists`);
      const existing = doc.email ? await repo.findAccountByEmail(tx, doc.email) : null;
      let id: string;
      if (existing) {
        // The same person (same e-mail address) is linked, never duplicated.
        if (await repo.findLink(tx, ctx.organisationId, existing.id))
          throw uniqueness('A user with this e-mail address is already provisioned');
        id = existing.id;
        await repo.updateAccount(tx, id, {
          name: displayNameOf(doc),
          ...(doc.employeeNumber ? { employeeNumber: doc.employeeNumber } : {}),
        });
      } else {
        id = await repo.insertAccount(tx, {
          name: displayNameOf(doc),
          email: doc.email,
          username: await usernameFor(tx, doc, null),
          employeeNumber: doc.employeeNumber,
        });
      }
      const staffOrganisationId = doc.active ? await placeStaff(tx, ctx, id, doc.department, null) : null;
      await repo.insertLink(tx, ctx.organisationId, id, {
        userName: doc.userName,
        externalId: doc.externalId,
        active: doc.active,
        givenName: doc.givenName,
        familyName: doc.familyName,
        department: doc.department,
        staffOrganisationId,
      });
      if (!doc.active) await setActive(tx, ctx, id, doc);
      await recordAudit(tx, auditEntry(ctx, 'scim.user_created', id, { linkedExisting: existing !== null }));
      return id;
    }),
  );
  return getUser(db, ctx, userId);
}

const DOC_FIELDS: (keyof UserDoc)[] = [
  'userName',
  'externalId',
  'active',
  'displayName',
  'givenName',
  'familyName',
  'email',
  'employeeNumber',
  'department',
];

/**
 * PUT and PATCH: computes the new state, writes only what differs (the same request twice writes once),
 * and answers with that state rather than reading it back — an identity system sends these by the
 * thousand, and every round trip counts.
 */
async function updateUser(db: Db, ctx: ScimContext, userId: string, change: (doc: UserDoc) => UserDoc) {
  const after = await guarded(() =>
    db.transaction(async (tx): Promise<repo.ScimUserRow> => {
      const row = await repo.findScimUser(tx, ctx.organisationId, userId);
      if (!row) throw scimNotFound('User', userId);
      const before = docFromRow(row);
      const next = change(before);
      if (!next.userName) throw scimBadRequest('invalidValue', 'userName is required');
      next.displayName = displayNameOf(next);
      const changed = DOC_FIELDS.filter((f) => before[f] !== next[f]);
      if (changed.length === 0) return row;

      if (next.userName.toLowerCase() !== before.userName.toLowerCase()) {
        const other = await repo.findLinkByUserName(tx, ctx.organisationId, next.userName);
        if (other && other.userId !== userId) throw uniqueness(`userName ${next.userName} already exists`);
      }
      if (next.email && next.email !== before.email) {
        const other = await repo.findAccountByEmail(tx, next.email);
        if (other && other.id !== userId) throw uniqueness('The e-mail address belongs to another account');
      }
      const account: Parameters<typeof repo.updateAccount>[2] = {};
      if (changed.includes('displayName')) account.name = next.displayName!;
      if (changed.includes('employeeNumber')) account.employeeNumber = next.employeeNumber;
      if (changed.includes('email')) {
        account.email = next.email;
        if (!next.email) Object.assign(account, { username: await usernameFor(tx, next, userId) });
      }
      await repo.updateAccount(tx, userId, account);

      let staffOrganisationId = row.staffOrganisationId;
      if (next.active && (changed.includes('department') || changed.includes('active')))
        staffOrganisationId = await placeStaff(tx, ctx, userId, next.department, staffOrganisationId);
      const link = {
        userName: next.userName,
        externalId: next.externalId,
        active: next.active,
        givenName: next.givenName,
        familyName: next.familyName,
        department: next.department,
        staffOrganisationId,
      };
      const updatedAt = await repo.updateLink(tx, ctx.organisationId, userId, link);
      if (changed.includes('active')) await setActive(tx, ctx, userId, next);

      const rest = changed.filter((f) => f !== 'active');
      if (rest.length) await recordAudit(tx, auditEntry(ctx, 'scim.user_updated', userId, { changed: rest }));
      if (changed.includes('active'))
        await recordAudit(
          tx,
          auditEntry(ctx, next.active ? 'scim.user_reactivated' : 'scim.user_deactivated', userId),
        );
      // The link is written last with the transaction's now(), so it is the resource's lastModified.
      return {
        ...row,
        ...link,
        name: next.displayName!,
        email: next.email,
        employeeNumber: next.employeeNumber,
        updatedAt: updatedAt ?? row.updatedAt,
      };
    }),
  );
  return userResource(after, ctx.baseUrl);
}

export function replaceUser(db: Db, ctx: ScimContext, userId: string, body: unknown) {
  const doc = docFromResource(body);
  return updateUser(db, ctx, userId, () => doc);
}

export function patchUser(db: Db, ctx: ScimContext, userId: string, body: unknown) {
  const ops = readPatch(body);
  return updateUser(db, ctx, userId, (doc) => applyUserPatch(doc, ops));
}

/**
 * DELETE: someone who is only this organisation's is erased by the platform's erasure rules; someone
 * who also belongs elsewhere loses this organisation's roles, groups and link only.
 */
export async function deleteUser(db: Db, ctx: ScimContext, userId: string) {
  await db.transaction(async (tx) => {
    const row = await repo.findScimUser(tx, ctx.organisationId, userId);
    if (!row) throw scimNotFound('User', userId);
    const elsewhere = await repo.hasTiesElsewhere(tx, ctx.organisationId, userId);
    if (elsewhere) {
      await repo.removeMembershipsInSubtree(tx, ctx.organisationId, userId);
      await removeGroupMembershipsOf(tx, ctx.organisationId, userId);
      await repo.deleteLink(tx, ctx.organisationId, userId);
    } else {
      await anonymiseUser(tx, { id: userId, email: row.email, name: row.name });
    }
    await recordAudit(tx, auditEntry(ctx, 'scim.user_deleted', userId, { erased: !elsewhere }));
  });
}
