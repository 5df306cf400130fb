import { NO_CONTROL_CHARACTERS } from '../../../shared/contracts/common.ts';
import { SCIM } from '../../../shared/contracts/scim.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/db-errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import type { ScimContext } from './scim-auth.ts';
import { ScimError, scimBadRequest, scimNotFound } from './scim-errors.ts';
import { normaliseAttr, parseFilter, parsePath, pathName } from './scim-filter.ts';
import * as repo from './scim-groups.repo.ts';
import { compileFilter } from './scim-sql-filter.ts';
import { staffTarget } from './scim-units.ts';
import { readPatch } from './scim-user-doc.ts';
import { grantStaff, removeStaff } from './scim-users.repo.ts';
import { paging } from './scim-users.service.ts';

/**
 * A SCIM group is one of the organisation's units (matched by name, else the organisation itself);
 * being a member gives the person that unit's staff membership — and removing them takes away only
 * a membership the group gave.
 */
interface GroupDoc {
  displayName: string;
  externalId: string | null;
  members: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_MEMBERS_PER_REQUEST = 1000;

function str(attr: string, v: unknown, required: boolean): string | null {
  if (v === null || v === undefined || v === '') {
    if (required) throw scimBadRequest('invalidValue', `${attr} is required`);
    return null;
  }
  if (typeof v !== 'string' || v.length > 200 || !NO_CONTROL_CHARACTERS.test(v) || /[\n\r\t]/.test(v))
    throw scimBadRequest('invalidValue', `${attr}: a single-line string of at most 200 characters`);
  return v.trim();
}

function memberIds(v: unknown): string[] {
  const list = v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];
  if (list.length > MAX_MEMBERS_PER_REQUEST)
    throw scimBadRequest('tooMany', 'Too many members in one request');
  return list.map((m) => {
    const id = typeof m === 'object' && m !== null ? (m as { value?: unknown }).value : m;
    if (typeof id !== 'string' || !UUID.test(id))
      throw scimBadRequest('invalidValue', 'members: a user id is expected');
    return id.toLowerCase();
  });
}

function docFromResource(body: unknown): GroupDoc {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw scimBadRequest('invalidSyntax', 'A Group resource (JSON object) is expected');
  const b = body as Record<string, unknown>;
  const get = (name: string) => Object.entries(b).find(([k]) => normaliseAttr(k) === name)?.[1];
  return {
    displayName: str('displayName', get('displayname'), true)!,
    externalId: str('externalId', get('externalid'), false),
    members: [...new Set(memberIds(get('members')))],
  };
}

function applyPatch(doc: GroupDoc, body: unknown): GroupDoc {
  const next: GroupDoc = { ...doc, members: [...doc.members] };
  const set = (attr: string, op: 'add' | 'replace' | 'remove', value: unknown, filterId: string | null) => {
    switch (attr) {
      case 'displayname':
        if (op === 'remove') throw scimBadRequest('mutability', 'displayName cannot be removed');
        next.displayName = str('displayName', value, true)!;
        return;
      case 'externalid':
        next.externalId = op === 'remove' ? null : str('externalId', value, false);
        return;
      case 'members': {
        if (op === 'replace') next.members = [...new Set(memberIds(value))];
        else if (op === 'add') next.members = [...new Set([...next.members, ...memberIds(value)])];
        else {
          const gone = new Set(
            filterId ? [filterId] : value === undefined || value === null ? next.members : memberIds(value),
          );
          next.members = next.members.filter((m) => !gone.has(m));
        }
        return;
      }
      default:
        if (attr.startsWith('urn:')) return; // another schema's extension: not ours to keep
        throw scimBadRequest('invalidPath', `Unknown attribute ${attr}`);
    }
  };
  for (const op of readPatch(body)) {
    if (op.path === null) {
      if (typeof op.value !== 'object' || op.value === null || Array.isArray(op.value))
        throw scimBadRequest('invalidValue', 'Without a path the value is an object of attributes');
      for (const [k, v] of Object.entries(op.value as Record<string, unknown>))
        set(normaliseAttr(k), op.op, v, null);
      continue;
    }
    const path = parsePath(op.path);
    if (path.valueFilter) {
      // Entra ID: {"op":"Remove","path":"members[value eq \"<id>\"]"}
      const f = path.valueFilter;
      if (
        path.attr !== 'members' ||
        path.sub ||
        f.kind !== 'compare' ||
        f.op !== 'eq' ||
        f.path.attr !== 'value'
      )
        throw scimBadRequest('invalidPath', `Unsupported path ${op.path}`);
      if (typeof f.value !== 'string' || !UUID.test(f.value))
        throw scimBadRequest('invalidValue', 'members: a user id is expected');
      if (op.op !== 'remove') throw scimBadRequest('invalidPath', 'A member filter is for remove');
      set('members', 'remove', undefined, f.value.toLowerCase());
      continue;
    }
    set(pathName(path), op.op, op.value, null);
  }
  return next;
}

function resource(row: repo.ScimGroupRow, members: string[] | null, baseUrl: string) {
  return {
    schemas: [SCIM.group],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    displayName: row.displayName,
    ...(members ? { members: members.map((id) => ({ value: id, $ref: `${baseUrl}/Users/${id}` })) } : {}),
    meta: {
      resourceType: 'Group',
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${baseUrl}/Groups/${row.id}`,
    },
  };
}

const withoutMembers = (excluded: string | undefined) =>
  (excluded ?? '')
    .split(',')
    .map((s) => normaliseAttr(s.trim()))
    .includes('members');

export async function listGroups(
  db: Db,
  ctx: ScimContext,
  query: {
    filter?: string | undefined;
    startIndex?: string | undefined;
    count?: string | undefined;
    excludedAttributes?: string | undefined;
  },
) {
  const where = query.filter ? compileFilter(parseFilter(query.filter), repo.groupFilterTarget) : undefined;
  const { startIndex, count } = paging(query);
  const { total, rows } = await repo.listGroups(db, ctx.organisationId, where, startIndex - 1, count);
  const skip = withoutMembers(query.excludedAttributes);
  const members = skip
    ? []
    : await repo.listMembers(
        db,
        rows.map((r) => r.id),
      );
  return {
    total,
    startIndex,
    resources: rows.map((r) =>
      resource(r, skip ? null : members.filter((m) => m.groupId === r.id).map((m) => m.userId), ctx.baseUrl),
    ),
  };
}

export async function getGroup(db: Db, ctx: ScimContext, id: string, excludedAttributes?: string) {
  const row = await repo.findGroup(db, ctx.organisationId, id);
  if (!row) throw scimNotFound('Group', id);
  const skip = withoutMembers(excludedAttributes);
  const members = skip ? null : (await repo.listMembers(db, [id])).map((m) => m.userId);
  return resource(row, members, ctx.baseUrl);
}

async function addMember(tx: Db, groupId: string, unitId: string | null, userId: string) {
  if (!(await repo.insertMember(tx, groupId, userId))) return;
  if (unitId && (await grantStaff(tx, userId, unitId)))
    await repo.setMembershipGiven(tx, groupId, userId, true);
}

async function removeMember(
  tx: Db,
  ctx: ScimContext,
  groupId: string,
  unitId: string | null,
  userId: string,
) {
  const given = await repo.deleteMember(tx, groupId, userId);
  if (!given || !unitId) return;
  const heir = await repo.otherGroupOnUnit(tx, ctx.organisationId, unitId, userId, groupId);
  if (heir) await repo.setMembershipGiven(tx, heir, userId, true);
  else await removeStaff(tx, userId, unitId);
}

/** Writes the difference between the stored group and `next` (nothing when they are the same). */
async function save(tx: Db, ctx: ScimContext, row: repo.ScimGroupRow, current: string[], next: GroupDoc) {
  const unknown = next.members.filter((m) => !current.includes(m));
  const linked = await repo.linkedUserIds(tx, ctx.organisationId, unknown);
  const missing = unknown.find((m) => !linked.has(m));
  if (missing) throw scimBadRequest('invalidValue', `members: no user ${missing} in this organisation`);

  const changed: string[] = [];
  let unitId = row.unitId;
  if (next.displayName !== row.displayName) {
    if (next.displayName.toLowerCase() !== row.displayName.toLowerCase()) {
      const clash = await repo.findGroupByName(tx, ctx.organisationId, next.displayName);
      if (clash && clash.id !== row.id)
        throw new ScimError(409, 'uniqueness', `Group ${next.displayName} already exists`);
    }
    unitId = await staffTarget(tx, ctx.organisationId, next.displayName);
    changed.push('displayName');
  }
  if (next.externalId !== row.externalId) changed.push('externalId');
  if (changed.length)
    await repo.updateGroup(tx, row.id, {
      displayName: next.displayName,
      externalId: next.externalId,
      unitId,
    });
  if (unitId !== row.unitId) {
    // The group now stands for another unit: the memberships it gave move with it.
    for (const m of current) {
      await removeMember(tx, ctx, row.id, row.unitId, m);
      await addMember(tx, row.id, unitId, m);
    }
  }
  const added = next.members.filter((m) => !current.includes(m));
  const removed = current.filter((m) => !next.members.includes(m));
  for (const m of added) await addMember(tx, row.id, unitId, m);
  for (const m of removed) await removeMember(tx, ctx, row.id, unitId, m);
  if (changed.length || added.length || removed.length) {
    if (!changed.length) await repo.updateGroup(tx, row.id, {});
    await recordAudit(tx, {
      actorId: null,
      action: 'scim.group_updated',
      entityType: 'scim_group',
      entityId: row.id,
      organisationId: ctx.organisationId,
      after: {
        scimTokenId: ctx.tokenId,
        changed,
        membersAdded: added.length,
        membersRemoved: removed.length,
      },
    });
  }
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ScimError(409, 'uniqueness', 'A group with this displayName already exists');
    throw err;
  }
}

export async function createGroup(db: Db, ctx: ScimContext, body: unknown) {
  const doc = docFromResource(body);
  const id = await guarded(() =>
    db.transaction(async (tx) => {
      if (await repo.findGroupByName(tx, ctx.organisationId, doc.displayName))
        throw new ScimError(409, 'uniqueness', `Group ${doc.displayName} already exists`);
      const unitId = await staffTarget(tx, ctx.organisationId, doc.displayName);
      const row = await repo.insertGroup(tx, {
        organisationId: ctx.organisationId,
        displayName: doc.displayName,
        externalId: doc.externalId,
        unitId,
      });
      await recordAudit(tx, {
        actorId: null,
        action: 'scim.group_created',
        entityType: 'scim_group',
        entityId: row.id,
        organisationId: ctx.organisationId,
        after: { scimTokenId: ctx.tokenId, displayName: doc.displayName, unitId },
      });
      await save(tx, ctx, row, [], doc);
      return row.id;
    }),
  );
  return getGroup(db, ctx, id);
}

async function updateGroup(db: Db, ctx: ScimContext, id: string, change: (doc: GroupDoc) => GroupDoc) {
  await guarded(() =>
    db.transaction(async (tx) => {
      const row = await repo.findGroup(tx, ctx.organisationId, id);
      if (!row) throw scimNotFound('Group', id);
      const current = (await repo.listMembers(tx, [id])).map((m) => m.userId);
      const next = change({ displayName: row.displayName, externalId: row.externalId, members: current });
      await save(tx, ctx, row, current, next);
    }),
  );
}

export async function replaceGroup(db: Db, ctx: ScimContext, id: string, body: unknown) {
  const doc = docFromResource(body);
  await updateGroup(db, ctx, id, () => doc);
  return getGroup(db, ctx, id);
}

/** Entra ID expects 204 to a group PATCH; we answer 204 unless the client asks for the resource. */
export async function patchGroup(db: Db, ctx: ScimContext, id: string, body: unknown) {
  await updateGroup(db, ctx, id, (doc) => applyPatch(doc, body));
}

export async function deleteGroup(db: Db, ctx: ScimContext, id: string) {
  await db.transaction(async (tx) => {
    const row = await repo.findGroup(tx, ctx.organisationId, id);
    if (!row) throw scimNotFound('Group', id);
    for (const m of await repo.listMembers(tx, [id])) await removeMember(tx, ctx, id, row.unitId, m.userId);
    await repo.deleteGroup(tx, id);
    await recordAudit(tx, {
      actorId: null,
      action: 'scim.group_deleted',
      entityType: 'scim_group',
      entityId: id,
      organisationId: ctx.organisationId,
      after: { scimTokenId: ctx.tokenId, displayName: row.displayName },
    });
  });
}
