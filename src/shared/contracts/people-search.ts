import { z } from 'zod';
import { PageQuery, ParamText, page, Uuid } from './common.ts';
import { OrganisationKind } from './organisations.ts';
import { Role } from './people.ts';

export const PeopleSearchQuery = PageQuery.extend({
  q: ParamText.trim()
    .min(2)
    .max(100)
    .describe(
      'Name, e-mail, login name or employee number. Every word must begin a word of the person (order free)',
    ),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type PeopleSearchQuery = z.infer<typeof PeopleSearchQuery>;

/** One role of the person in the caller's scope, with what the caller may do with it. */
export const PersonPlacement = z.object({
  membershipId: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  organisationKind: OrganisationKind,
  /** The municipality (or region, for a regional role) the organisation lies in, for telling namesakes apart. */
  parentName: z.string().nullable(),
  role: Role,
  /** The caller may take this role away (`DELETE /memberships/{id}`). */
  canRemove: z.boolean(),
  /** The caller may send the invitation again (`POST /invitations`), for a person who has not accepted. */
  canResendInvitation: z.boolean(),
  /**
   * The roles the caller may give the person here instead of this one (change of role: the new role is
   * added, `POST /organisations/{id}/members`, then this one removed). Empty when she may not remove it.
   */
  grantableRoles: z.array(Role),
  /** The caller may see this unit's learning progress (the unit's team report). */
  canSeeLearning: z.boolean(),
});
export type PersonPlacement = z.infer<typeof PersonPlacement>;

export const PersonHit = z.object({
  userId: Uuid,
  name: z.string(),
  /** Null for people who sign in with a username (no work e-mail). */
  email: z.string().nullable(),
  username: z.string().nullable(),
  employeeNumber: z.string().nullable(),
  status: z.enum(['active', 'invited', 'disabled']),
  /** Only the roles within the caller's scope, in Swedish order of organisation name. */
  placements: z.array(PersonPlacement),
});
export type PersonHit = z.infer<typeof PersonHit>;

export const PeopleSearchPage = page(PersonHit);
export type PeopleSearchPage = z.infer<typeof PeopleSearchPage>;

export const PersonIdParams = z.object({ id: Uuid });
