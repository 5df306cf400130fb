import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateRegistration,
  EventParams,
  InvitationTokenParams,
  NetworkInvitationAccepted,
  NetworkInvitationView,
  PublicEvent,
  RegistrationReceipt,
} from '../../../shared/contracts/networks.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import * as events from './events.service.ts';
import * as members from './members.service.ts';

/**
 * The public side of networks: open events' registration pages and invitation links. No login; every
 * route is rate-limited per client like the login route.
 */
export const networkPublicRoutes =
  (deps: members.NetworkDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['networks'];
    const config = { rateLimit: { max: deps.config.authRateLimitPerMinute, timeWindow: '1 minute' } };
    const security: [] = [];

    app.get(
      '/events/:meetingId',
      {
        config,
        schema: {
          tags,
          security,
          summary: 'The public page of an open event: when, where, places left (no login)',
          params: EventParams,
          response: { 200: PublicEvent, ...problems(400, 404, 429) },
        },
      },
      async (req) => events.getPublicEvent(deps, req.params.meetingId),
    );

    app.post(
      '/events/:meetingId/registrations',
      {
        config,
        schema: {
          tags,
          security,
          summary:
            'Register for an open event (no login). 409 `event_full` when no places are left, `already_registered` for the same e-mail twice',
          params: EventParams,
          body: CreateRegistration,
          response: { 201: RegistrationReceipt, ...problems(400, 404, 409, 429) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await events.register(
              deps,
              req.actor?.userId ?? null,
              req.params.meetingId,
              req.body,
              requestLanguage(req),
            ),
          ),
    );

    app.get(
      '/network-invitations/:token',
      {
        config,
        schema: {
          tags,
          security,
          summary: 'What an e-mailed invitation to a group is for (no login)',
          params: InvitationTokenParams,
          response: { 200: NetworkInvitationView, ...problems(400, 404, 429) },
        },
      },
      async (req) => members.viewNetworkInvitation(deps.db, req.params.token),
    );

    app.post(
      '/network-invitations/:token/accept',
      {
        config,
        schema: {
          tags,
          security,
          summary: 'Accept an invitation to a group: the member becomes active (signed in or not)',
          params: InvitationTokenParams,
          response: { 200: NetworkInvitationAccepted, ...problems(400, 404, 429) },
        },
      },
      async (req) => members.acceptNetworkInvitation(deps.db, req.actor, req.params.token),
    );
  };
