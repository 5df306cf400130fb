import {
  type Actor,
  authorize,
  canGrantRole,
  grantableRoles,
  isPlacementRole,
  type OrgContext,
  peopleSearchScope,
} from '../../../shared/access/index.ts';
import type {
  PeopleSearchPage,
  PersonHit,
  PersonPlacement,
} from '../../../shared/contracts/people-search.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import * as repo from './people-search.repo.ts';

async function requireScope(db: Db, actor: Actor): Promise<repo.SearchScope> {
  const scope = peopleSearchScope(actor);
  if (scope === false) throw forbidden();
  return scope === null ? null : repo.expandScope(db, scope);
}

function encodeCursor(row: repo.PersonRow): string {
  return Buffer.from(JSON.stringify([row.sort_name, row.id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { sortName: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [sortName, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof sortName === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) {
      return { sortName, id };
    }
  } catch {
    // An unreadable cursor is the caller's mistake: answered below as a 400.
  }
  throw new AppError(400, 'validation_failed', [{ path: 'querystring.cursor', code: 'invalid_format' }]);
}

/** What the actor may do with one role of the person, by the same rules the people endpoints apply. */
function placementOf(actor: Actor, person: repo.PersonRow, row: repo.PlacementRow): PersonPlacement {
  const ctx: OrgContext = {
    id: row.organisation_id,
    kind: row.organisation_kind,
    lineage: row.lineage.filter((id): id is string => id !== null),
    associationIds: row.association_ids ?? [],
  };
  const grantable = canGrantRole(actor, row.role, ctx);
  const canRemove = grantable && person.id !== actor.userId;
  return {
    membershipId: row.membership_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationKind: row.organisation_kind,
    parentName: row.parent_name,
    role: row.role,
    canRemove,
    grantableRoles: canRemove ? grantableRoles(actor, ctx).filter((r) => r !== row.role) : [],
    canResendInvitation: grantable && person.status === 'invited' && person.email !== null,
    canSeeLearning:
      row.organisation_kind === 'unit' &&
      isPlacementRole(row.role) &&
      authorize(actor, 'learning.report', ctx),
  };
}

async function withPlacements(
  db: Db,
  actor: Actor,
  people: repo.PersonRow[],
  scope: repo.SearchScope,
): Promise<PersonHit[]> {
  const placements = await repo.placementsOf(
    db,
    people.map((p) => p.id),
    scope,
  );
  return people.map((p) => ({
    userId: p.id,
    name: p.name,
    email: p.email,
    username: p.username,
    employeeNumber: p.employee_number,
    status: p.status,
    placements: placements
      .filter((row) => row.user_id === p.id)
      .map((row) => placementOf(actor, p, row))
      .sort((a, b) => swedishCollator.compare(a.organisationName, b.organisationName)),
  }));
}

/**
 * People in the caller's whole scope whose words start with the query's words. People come in
 * `users.sort_name` order, whose byte order is Swedish alphabetical order, so that pages follow on from
 * each other at any depth; their roles are sorted by organisation with the Swedish collator.
 */
export async function searchPeople(
  db: Db,
  actor: Actor,
  query: { q: string; limit: number; cursor?: string | undefined },
): Promise<PeopleSearchPage> {
  const scope = await requireScope(db, actor);
  const rows = await repo.searchPeople(db, {
    q: query.q,
    scope,
    limit: query.limit,
    after: decodeCursor(query.cursor),
  });
  const people = rows.slice(0, query.limit);
  return {
    items: await withPlacements(db, actor, people, scope),
    nextCursor: rows.length > query.limit ? encodeCursor(people.at(-1)!) : null,
  };
}

/** One person with her roles in the caller's scope; 404 for anyone outside it (nothing is revealed). */
export async function getPerson(db: Db, actor: Actor, userId: string): Promise<PersonHit> {
  const scope = await requireScope(db, actor);
  const [row] = await repo.searchPeople(db, { q: '', userId, scope, limit: 1, after: null });
  if (!row) throw notFound();
  const [person] = await withPlacements(db, actor, [row], scope);
  return person!;
}
