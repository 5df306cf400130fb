import { type SQL, sql } from 'drizzle-orm';
import {
  type Actor,
  authorizeOwn,
  isNationalAdmin,
  scopeFor,
  scopeIdsAt,
} from '../../../shared/access/index.ts';
import { uuidList } from '../../lib/sql-lists.ts';

/**
 * Who sees and changes which case — one rule, used as SQL in lists and as TypeScript for one case:
 *
 * - A published case is read by every signed-in user.
 * - Authors are the coordinators of the case's municipality itself (`authorizeOwn` `case.write`): they
 *   see its cases in every state. A region's role does not make it an author of a municipality's case.
 * - Reviewers hold `case.publish` over the municipality (`authorize`: a region over its municipalities,
 *   an association over its members, national administrators everywhere): they see its unpublished
 *   cases too, so that they can publish or return them.
 * - Everyone else gets 404 for an unpublished case and never meets it in a list, a search or
 *   "who has done this?".
 */
export interface CaseScope {
  national: boolean;
  /** Municipalities whose cases the actor writes. */
  authorOf: string[];
  /** Regions and associations whose municipalities' cases the actor reviews. */
  reviewerAt: string[];
}

export function caseScopeOf(actor: Actor): CaseScope {
  return {
    national: isNationalAdmin(actor),
    authorOf: scopeIdsAt(scopeFor(actor, 'case.write'), ['municipality']),
    reviewerAt: scopeIdsAt(scopeFor(actor, 'case.publish'), ['region', 'association']),
  };
}

/** SQL: the actor reviews the case `c` of municipality `m` (same rule as `authorize(…, 'case.publish')`). */
export function reviewsSql(scope: CaseScope): SQL {
  if (scope.national) return sql`true`;
  if (scope.reviewerAt.length === 0) return sql`false`;
  return sql`(m.parent_id in (${uuidList(scope.reviewerAt)})
    or exists (select 1 from association_members am
               where am.municipality_id = c.municipality_id and am.association_id in (${uuidList(scope.reviewerAt)})))`;
}

/** SQL: the actor may read case `c` (joined with its municipality `m`). */
export function visibleSql(scope: CaseScope): SQL {
  const own = scope.authorOf.length ? sql`c.municipality_id in (${uuidList(scope.authorOf)})` : sql`false`;
  return sql`(c.status = 'published' or ${own} or ${reviewsSql(scope)})`;
}

export const isAuthor = (actor: Actor, municipalityId: string) =>
  authorizeOwn(actor, 'case.write', { id: municipalityId });

/** Authors change a case while it is theirs to work on; a withdrawn case may be reworked and sent again. */
export const EDITABLE_STATUSES = new Set(['draft', 'returned', 'withdrawn']);
