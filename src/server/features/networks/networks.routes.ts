import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common.ts';
import {
  AddMember,
  CreateMeeting,
  CreateNetwork,
  MeetingList,
  MeetingParams,
  MeetingView,
  MemberList,
  MemberParams,
  MemberView,
  NetworkIdParams,
  NetworkList,
  NetworkListQuery,
  NetworkView,
  RegistrationList,
  UpdateMeeting,
  UpdateMember,
  UpdateNetwork,
} from '../../../shared/contracts/networks.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import * as meetings from './meetings.service.ts';
import * as members from './members.service.ts';
import * as networks from './networks.service.ts';

/** Networks and groups, their members and meetings: for signed-in people (issue 5). */
export const networkRoutes =
  (deps: members.NetworkDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['networks'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);

    app.get(
      '/networks',
      {
        schema: {
          tags,
          summary: 'Networks and groups the caller may read (filter by owner, county or kind)',
          querystring: NetworkListQuery,
          response: { 200: NetworkList, ...problems(400, 401) },
        },
      },
      async (req) => ({ items: await networks.listNetworks(db, actorOf(req), req.query) }),
    );

    app.post(
      '/networks',
      {
        schema: {
          tags,
          summary: 'Create a network, reference, steering or project group (network.manage on the owner)',
          body: CreateNetwork,
          response: { 201: NetworkView, ...problems(400, 401, 403, 409) },
        },
      },
      async (req, reply) => reply.status(201).send(await networks.createNetwork(db, actorOf(req), req.body)),
    );

    app.get(
      '/networks/:id',
      {
        schema: {
          tags,
          summary:
            'A network with its coverage: each municipality of the area and its active representatives',
          params: NetworkIdParams,
          response: { 200: NetworkView, ...problems(400, 401, 404) },
        },
      },
      async (req) => networks.getNetwork(db, actorOf(req), req.params.id),
    );

    app.put(
      '/networks/:id',
      {
        schema: {
          tags,
          summary: "Update a network's name, kind, level, purpose and coverage",
          params: NetworkIdParams,
          body: UpdateNetwork,
          response: { 200: NetworkView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => networks.updateNetwork(db, actorOf(req), req.params.id, req.body),
    );

    app.get(
      '/networks/:id/members',
      {
        schema: {
          tags,
          summary: 'Members with their role and whom they represent (e-mail addresses for managers only)',
          params: NetworkIdParams,
          response: { 200: MemberList, ...problems(400, 401, 404) },
        },
      },
      async (req) => ({ items: await members.listMembers(db, actorOf(req), req.params.id) }),
    );

    app.post(
      '/networks/:id/members',
      {
        schema: {
          tags,
          summary: 'Add a platform user or an external person; `invite: true` e-mails an invitation link',
          params: NetworkIdParams,
          body: AddMember,
          response: { 201: MemberView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await members.addMember(deps, actorOf(req), req.params.id, req.body, requestLanguage(req))),
    );

    app.patch(
      '/networks/:id/members/:memberId',
      {
        schema: {
          tags,
          summary: "Change a member's role, represented organisation or status (left, active)",
          params: MemberParams,
          body: UpdateMember,
          response: { 200: MemberView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => members.updateMember(db, actorOf(req), req.params.id, req.params.memberId, req.body),
    );

    app.delete(
      '/networks/:id/members/:memberId',
      {
        schema: {
          tags,
          summary: 'Remove a member added by mistake (mark one who leaves as `left` instead)',
          params: MemberParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => members.removeMember(db, actorOf(req), req.params.id, req.params.memberId),
    );

    app.get(
      '/networks/:id/meetings',
      {
        schema: {
          tags,
          summary: "A group's meetings and open events, oldest first",
          params: NetworkIdParams,
          response: { 200: MeetingList, ...problems(400, 401, 404) },
        },
      },
      async (req) => ({ items: await meetings.listMeetings(db, actorOf(req), req.params.id) }),
    );

    app.post(
      '/networks/:id/meetings',
      {
        schema: {
          tags,
          summary: 'Schedule a meeting, or an open event (conference, webinar) with a registration page',
          params: NetworkIdParams,
          body: CreateMeeting,
          response: { 201: MeetingView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await meetings.createMeeting(db, actorOf(req), req.params.id, req.body)),
    );

    app.get(
      '/networks/:id/meetings/:meetingId',
      {
        schema: {
          tags,
          summary: 'A meeting with agenda, minutes, decisions and attendance',
          params: MeetingParams,
          response: { 200: MeetingView, ...problems(400, 401, 404) },
        },
      },
      async (req) => meetings.getMeeting(db, actorOf(req), req.params.id, req.params.meetingId),
    );

    app.put(
      '/networks/:id/meetings/:meetingId',
      {
        schema: {
          tags,
          summary: 'Record agenda, minutes, decisions and attendance, or change the details',
          params: MeetingParams,
          body: UpdateMeeting,
          response: { 200: MeetingView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => meetings.updateMeeting(db, actorOf(req), req.params.id, req.params.meetingId, req.body),
    );

    app.get(
      '/networks/:id/meetings/:meetingId/registrations',
      {
        schema: {
          tags,
          summary: "An open event's participant list (the group's managers only)",
          params: MeetingParams,
          response: { 200: RegistrationList, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => ({
        items: await meetings.listRegistrations(db, actorOf(req), req.params.id, req.params.meetingId),
      }),
    );
  };
