import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateSpecification,
  SpecificationDetail,
  SpecificationExportQuery,
  SpecificationList,
  SpecificationParams,
  UpdateSpecification,
} from '../../../shared/contracts/requirements.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { sendDownload } from '../../lib/send-download.ts';
import { exportFileName, exportMediaType, tablesToXlsx } from '../../lib/table-export.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { swedishToday } from '../action-plans/plan-history.ts';
import { answerSheet } from './specification-document.ts';
import * as specifications from './specifications.service.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Requirement specifications built from the library, and their DOCX and XLSX for the tender documents. */
export const specificationRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['requirements'];
    const base = '/requirement-specifications';
    app.addHook('preHandler', requireUser);

    app.get(
      base,
      {
        schema: {
          tags,
          summary: 'Every requirement specification, the most recently changed first',
          response: { 200: SpecificationList, ...problems(400, 401, 403) },
        },
      },
      async (req) => specifications.listSpecifications(db, actorOf(req), requestLanguage(req)),
    );

    app.post(
      base,
      {
        schema: {
          tags,
          summary: 'Start a specification for an organisation where the caller is a coordinator',
          body: CreateSpecification,
          response: { 201: SpecificationDetail, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await specifications.createSpecification(db, actorOf(req), requestLanguage(req), req.body)),
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'A specification with its rows in order, each at the requirement version it took',
          params: SpecificationParams,
          response: { 200: SpecificationDetail, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => specifications.getSpecification(db, actorOf(req), requestLanguage(req), req.params.id),
    );

    app.put(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'Save the whole specification (the owner’s coordinators): its rows replace the old ones',
          params: SpecificationParams,
          body: UpdateSpecification,
          response: { 200: SpecificationDetail, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) =>
        specifications.updateSpecification(db, actorOf(req), requestLanguage(req), req.params.id, req.body),
    );

    app.get(
      `${base}/:id/export`,
      {
        schema: {
          tags,
          summary:
            'The specification in Swedish as a Word document (`format=docx`, headings by category, numbered) or an answer sheet (`format=xlsx`, one row per requirement)',
          params: SpecificationParams,
          querystring: SpecificationExportQuery,
          produces: [DOCX, exportMediaType.xlsx],
          response: { ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const s = await specifications.getSpecification(db, actorOf(req), 'sv', req.params.id);
        const format = req.query.format;
        const body =
          format === 'docx'
            ? // The Word writer loads with the first .docx asked for, not at start-up.
              await (await import('./specification-docx.ts')).renderSpecificationDocx(s)
            : await tablesToXlsx([answerSheet(s)], new Date());
        const fileName = exportFileName(s.title, 'kravspecifikation', swedishToday(), format);
        return sendDownload(
          reply,
          { body, fileName, type: format === 'docx' ? DOCX : exportMediaType.xlsx },
          'kravspecifikation',
        );
      },
    );
  };
