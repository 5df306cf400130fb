import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ContractImportParams } from '../../../shared/contracts/contract-import.ts';
import {
  ImportIdParams,
  ImportJob,
  ImportModeQuery,
  StaffImportQuery,
} from '../../../shared/contracts/imports.ts';
import type { JobQueue } from '../../lib/jobs/job-queue.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { uploadedFile } from '../../lib/upload.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import type { PeopleDeps } from '../people/members.service.ts';
import { previewContractImport } from './contract-import.service.ts';
import { commitImport, getImport } from './import-pipeline.ts';
import { previewStaffImport } from './staff-import.service.ts';

export const importRoutes =
  (deps: PeopleDeps & { jobs: JobQueue }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['imports'];
    app.addHook('preHandler', requireUser);

    app.post(
      '/imports/staff',
      {
        schema: {
          tags,
          summary:
            'Upload a staff CSV (multipart field `file`): preview per row, or with mode=commit start importing the valid rows',
          consumes: ['multipart/form-data'],
          querystring: StaffImportQuery,
          response: { 200: ImportJob, 202: ImportJob, ...problems(400, 401, 403, 404, 409, 413) },
        },
      },
      async (req, reply) => {
        const buffer = await uploadedFile(req);
        const actor = actorOf(req);
        const lang = requestLanguage(req);
        const preview = await previewStaffImport(deps, actor, req.query.organisationId, buffer, lang);
        if (req.query.mode === 'preview') return preview;
        return reply.status(202).send(await commitImport(deps, actor, preview.id, lang));
      },
    );

    app.post(
      '/municipalities/:code/contracts/import',
      {
        schema: {
          tags,
          summary:
            'Upload the municipality’s contract list as CSV (multipart field `file`, as Excel saves it): preview per row — new, changed, unchanged or the errors naming the file’s column — or with mode=commit start importing the valid rows. The same contract number twice in the file is a 422 naming the lines.',
          consumes: ['multipart/form-data'],
          params: ContractImportParams,
          querystring: ImportModeQuery,
          response: { 200: ImportJob, 202: ImportJob, ...problems(400, 401, 403, 404, 409, 413, 422) },
        },
      },
      async (req, reply) => {
        const buffer = await uploadedFile(req);
        const actor = actorOf(req);
        const lang = requestLanguage(req);
        const preview = await previewContractImport(deps, actor, req.params.code, buffer, lang);
        if (req.query.mode === 'preview') return preview;
        return reply.status(202).send(await commitImport(deps, actor, preview.id, lang));
      },
    );

    app.post(
      '/imports/:id/commit',
      {
        schema: {
          tags,
          summary:
            'Import the valid rows of a previewed file (staff or contracts), in the background; poll GET /imports/{id}',
          params: ImportIdParams,
          response: { 202: ImportJob, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(202).send(await commitImport(deps, actorOf(req), req.params.id, requestLanguage(req))),
    );

    app.get(
      '/imports/:id',
      {
        schema: {
          tags,
          summary: 'An import with its progress and, once finished, the rows that were not imported',
          params: ImportIdParams,
          response: { 200: ImportJob, ...problems(400, 401, 404) },
        },
      },
      async (req) => getImport(deps.db, actorOf(req), req.params.id, requestLanguage(req)),
    );
  };
