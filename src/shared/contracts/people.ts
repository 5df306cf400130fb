import { z } from 'zod';
import { roles } from '../access/roles.ts';
import { IsoDateTime, PageQuery, ParamText, page, UiLanguage, Uuid } from './common.ts';
import { OrganisationKind } from './organisations.ts';

export { roles };
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const genders = ['woman', 'man', 'other', 'not_stated'] as const;
export const Gender = z.enum(genders);
export type Gender = z.infer<typeof Gender>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'invalid_email' }));

export const PersonName = z.string().trim().min(1).max(120);

export const MembershipView = z.object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  organisationKind: OrganisationKind,
  organisationCode: z.string().nullable(),
  role: Role,
});
export type MembershipView = z.infer<typeof MembershipView>;

export const Member = z.object({
  membershipId: Uuid,
  userId: Uuid,
  name: z.string(),
  /** Null for people who sign in with a username (no work e-mail). */
  email: z.string().nullable(),
  /** The login name of a person without e-mail (issue 15). */
  username: z.string().nullable(),
  role: Role,
  status: z.enum(['active', 'invited', 'disabled']),
  organisationId: Uuid,
  organisationName: z.string(),
  since: IsoDateTime,
});
export type Member = z.infer<typeof Member>;

export const MemberListQuery = PageQuery.extend({
  q: ParamText.trim().max(100).optional().describe('Filter on name or e-mail'),
  role: Role.optional(),
  includeBelow: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Also list members of units below this organisation'),
});
export const MemberPage = page(Member);

export const AddMembership = z.object({
  email: Email,
  role: Role,
});
export const MembershipIdParams = z.object({ id: Uuid });
/** A person's role at one organisation exchanged for another in one step (PATCH /memberships/{id}). */
export const ChangeMembershipRole = z.object({ role: Role });

export const CreateInvitation = z.object({
  email: Email,
  name: PersonName,
  organisationId: Uuid,
  role: Role,
  language: UiLanguage.default('sv'),
});
export type CreateInvitation = z.infer<typeof CreateInvitation>;

export const InvitationCreated = z.object({
  id: Uuid,
  email: z.string(),
  organisationId: Uuid,
  role: Role,
  /** When the invitation link stops working; null when no link was needed (existing account). */
  expiresAt: IsoDateTime.nullable(),
  /** True when the e-mail already had an account: the membership was added directly. */
  existingUser: z.boolean(),
});

export const InvitationTokenParams = z.object({ token: ParamText.min(20).max(200) });
export const InvitationView = z.object({
  email: z.string(),
  name: z.string(),
  organisationName: z.string(),
  role: Role,
  expiresAt: IsoDateTime,
});
export const AcceptInvitation = z.object({
  name: PersonName,
  password: z.string().max(200),
  preferredLanguage: UiLanguage.default('sv'),
  gender: Gender.optional(),
});
