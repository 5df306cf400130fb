import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ScormCommit,
  ScormCommitResult,
  ScormLaunch,
  ScormRuntimeParams,
} from '../../../shared/contracts/scorm-runtime.ts';
import type { Db } from '../../db/client.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { commitSco, launchSco } from './scorm-runtime.service.ts';

/**
 * The SCORM run-time of an imported course (ADR 21): the player launches a SCO with the learner's
 * attempt and commits what scorm-again collects. Not audited per commit (a SCO commits often); the
 * learning statement written when a module is done is the record.
 */
export const scormRuntimeRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['learning'];
    const { db } = deps;

    app.get(
      '/enrolments/:id/modules/:moduleKey/scorm',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Launch a SCO of my SCORM course: its URL and the attempt to resume or start',
          description:
            'Only the enrolment’s learner (403 for anyone else: the attempt is private). A finished attempt (completed and not suspended) is followed by a new one with empty data; nothing is stored until its first commit. The data includes the elements the LMS sets (learner id and name, entry, credit, launch data, passing score, completion threshold).',
          params: ScormRuntimeParams,
          response: { 200: ScormLaunch, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => launchSco(db, actorOf(req), req.params.id, req.params.moduleKey),
    );

    app.put(
      '/enrolments/:id/modules/:moduleKey/scorm',
      {
        preHandler: requireUser,
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Commit the SCO’s run-time data (exactly once per commit number)',
          description:
            'A commit numbered at or below the attempt’s last answers the current state and changes nothing. A commit for an attempt other than the latest or the next is 409 (`body.attempt` stale) and nothing is written. The first time the module is completed (and passed where it has a passing score) it counts towards the enrolment, with one learning statement.',
          params: ScormRuntimeParams,
          body: ScormCommit,
          response: { 200: ScormCommitResult, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => commitSco(db, actorOf(req), req.params.id, req.params.moduleKey, req.body),
    );
  };
