import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateMeeting,
  CreateStudyGroup,
  MeetingParams,
  MeetingView,
  RecordAttendance,
  StudyGroupIdParams,
  StudyGroupList,
  StudyGroupListQuery,
  StudyGroupQuery,
  StudyGroupView,
  UpdateMeeting,
} from '../../../shared/contracts/study-groups.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import type { Mailer } from '../mail/mailer.ts';
import { cancelMeeting, updateMeeting } from './meeting-changes.service.ts';
import {
  createStudyGroup,
  getStudyGroup,
  listStudyGroups,
  planMeeting,
  recordAttendance,
} from './study-groups.service.ts';

export const studyGroupRoutes =
  (deps: { db: Db; mailer: Mailer; publicUrl: string }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['study groups'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);

    app.post(
      '/study-groups',
      {
        schema: {
          tags,
          summary: 'Form a study group of people in a unit around a course (a manager of the unit)',
          body: CreateStudyGroup,
          querystring: StudyGroupQuery,
          response: { 201: StudyGroupView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await createStudyGroup(db, actorOf(req), req.body, req.query.lang ?? requestLanguage(req))),
    );

    app.get(
      '/study-groups',
      {
        schema: {
          tags,
          summary: 'Study groups I run or belong to',
          querystring: StudyGroupListQuery,
          response: { 200: StudyGroupList, ...problems(400, 401, 404) },
        },
      },
      async (req) => ({ items: await listStudyGroups(db, actorOf(req), req.query.organisationId) }),
    );

    app.get(
      '/study-groups/:id',
      {
        schema: {
          tags,
          summary: 'A study group with members and meetings, each with its module’s reflection questions',
          params: StudyGroupIdParams,
          querystring: StudyGroupQuery,
          response: { 200: StudyGroupView, ...problems(400, 401, 404) },
        },
      },
      async (req) => getStudyGroup(db, actorOf(req), req.params.id, req.query.lang ?? requestLanguage(req)),
    );

    app.post(
      '/study-groups/:id/meetings',
      {
        schema: {
          tags,
          summary: 'Plan a reflection meeting on a module of the course',
          params: StudyGroupIdParams,
          body: CreateMeeting,
          querystring: StudyGroupQuery,
          response: { 201: MeetingView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await planMeeting(
              db,
              actorOf(req),
              req.params.id,
              req.body,
              req.query.lang ?? requestLanguage(req),
            ),
          ),
    );

    app.put(
      '/study-groups/:id/meetings/:meetingId/attendance',
      {
        schema: {
          tags,
          summary:
            'Record who attended and a short note; attendance is recorded as xAPI `attended` statements and counts in progress',
          params: MeetingParams,
          body: RecordAttendance,
          querystring: StudyGroupQuery,
          response: { 200: MeetingView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        recordAttendance(
          db,
          actorOf(req),
          req.params.id,
          req.params.meetingId,
          req.body,
          req.query.lang ?? requestLanguage(req),
        ),
    );

    app.patch(
      '/study-groups/:id/meetings/:meetingId',
      {
        schema: {
          tags,
          summary:
            'Change a meeting’s time, length, place or module (not once cancelled; time and module not once attendance is recorded)',
          params: MeetingParams,
          body: UpdateMeeting,
          querystring: StudyGroupQuery,
          response: { 200: MeetingView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        updateMeeting(
          deps,
          actorOf(req),
          req.params.id,
          req.params.meetingId,
          req.body,
          req.query.lang ?? requestLanguage(req),
        ),
    );

    app.post(
      '/study-groups/:id/meetings/:meetingId/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a meeting without recorded attendance; it stays listed as cancelled',
          params: MeetingParams,
          querystring: StudyGroupQuery,
          response: { 200: MeetingView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        cancelMeeting(
          deps,
          actorOf(req),
          req.params.id,
          req.params.meetingId,
          req.query.lang ?? requestLanguage(req),
        ),
    );
  };
