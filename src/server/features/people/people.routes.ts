import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Me } from '../../../shared/contracts/auth.ts';
import { Ok } from '../../../shared/contracts/common.ts';
import { OrganisationIdParams } from '../../../shared/contracts/organisations.ts';
import {
  AcceptInvitation,
  AddMembership,
  ChangeMembershipRole,
  CreateInvitation,
  InvitationCreated,
  InvitationTokenParams,
  InvitationView,
  MemberListQuery,
  MemberPage,
  MembershipIdParams,
} from '../../../shared/contracts/people.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser, SESSION_COOKIE, sessionCookieOptions } from '../../plugins/session.ts';
import { getMe } from '../me/me.service.ts';
import { acceptInvitation, createInvitation, viewInvitation } from './invitations.service.ts';
import {
  addMembership,
  changeMembershipRole,
  listMembers,
  type PeopleDeps,
  removeMembership,
} from './members.service.ts';

export const peopleRoutes =
  (deps: PeopleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['people'];

    app.get(
      '/organisations/:id/members',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary:
            'People with a role in the organisation (and, with includeBelow, its units), in Swedish order',
          params: OrganisationIdParams,
          querystring: MemberListQuery,
          response: { 200: MemberPage, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => listMembers(deps.db, actorOf(req), req.params.id, req.query),
    );

    app.post(
      '/organisations/:id/members',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Give an existing user a role in the organisation',
          params: OrganisationIdParams,
          body: AddMembership,
          response: { 201: Ok, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        await addMembership(deps, actorOf(req), req.params.id, req.body);
        return reply.status(201).send({ ok: true as const });
      },
    );

    app.delete(
      '/memberships/:id',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Remove a role from a person',
          params: MembershipIdParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        await removeMembership(deps.db, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.patch(
      '/memberships/:id',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary:
            'Change a person’s role at the organisation (the old role replaced by the new, atomically)',
          params: MembershipIdParams,
          body: ChangeMembershipRole,
          response: { 200: Ok, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        await changeMembershipRole(deps.db, actorOf(req), req.params.id, req.body.role);
        return { ok: true as const };
      },
    );

    app.post(
      '/invitations',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Invite a person by e-mail to a role in an organisation',
          body: CreateInvitation,
          response: { 201: InvitationCreated, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => reply.status(201).send(await createInvitation(deps, actorOf(req), req.body)),
    );

    app.get(
      '/invitations/:token',
      {
        schema: {
          tags,
          summary: 'What an invitation is for (public: the token is the key)',
          security: [],
          params: InvitationTokenParams,
          response: { 200: InvitationView, ...problems(400, 404) },
        },
      },
      async (req) => viewInvitation(deps, req.params.token),
    );

    app.post(
      '/invitations/:token/accept',
      {
        config: { rateLimit: { max: deps.config.authRateLimitPerMinute, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Accept an invitation: choose name, password and language; logs the person in',
          security: [],
          params: InvitationTokenParams,
          body: AcceptInvitation,
          response: { 200: Me, ...problems(400, 403, 404, 429) },
        },
      },
      async (req, reply) => {
        const { userId, sessionToken, expiresAt } = await acceptInvitation(
          deps,
          req.params.token,
          req.body,
          req.headers['user-agent']?.slice(0, 300) ?? null,
        );
        reply.setCookie(SESSION_COOKIE, sessionToken, {
          ...sessionCookieOptions(deps.config, req),
          expires: expiresAt,
        });
        return getMe(deps.db, userId);
      },
    );
  };
