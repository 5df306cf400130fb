import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common.ts';
import {
  CreateSteeringReport,
  SaveNarrative,
  SteeringReport,
  SteeringReportList,
  SteeringReportListQuery,
  SteeringReportParams,
  UpdateSteeringReport,
} from '../../../shared/contracts/steering-reports.ts';
import type { Db } from '../../db/client.ts';
import { attachmentDisposition } from '../../lib/file-names.ts';
import { problems } from '../../lib/route-schema.ts';
import { exportFileName } from '../../lib/table-export.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { renderReportPdf } from './report-pdf.ts';
import * as reports from './steering-reports.service.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A download: the title as a file name (the table exports' slug rule), never cached. */
function sendFile(reply: FastifyReply, r: SteeringReport, body: Buffer, type: string, ext: 'pdf' | 'docx') {
  const name = exportFileName(r.title, 'styrgruppsrapport', r.to, ext);
  return reply
    .type(type)
    .header('content-disposition', attachmentDisposition(name, 'styrgruppsrapport'))
    .header('cache-control', 'no-store')
    .send(body as never);
}

/** Steering-group reports: generated from live data, narrative edited, issued, exported (issue 8). */
export const steeringReportRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['steering-reports'];
    const base = '/reports/steering-group';
    app.addHook('preHandler', requireUser);

    app.get(
      base,
      {
        schema: {
          tags,
          summary:
            'Steering-group reports of the organisations the caller reports for (`?organisation=` one)',
          querystring: SteeringReportListQuery,
          response: { 200: SteeringReportList, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => ({ items: await reports.listReports(db, actorOf(req), req.query.organisation) }),
    );

    app.post(
      base,
      {
        schema: {
          tags,
          summary: 'Start a draft report of a region’s or association’s steering group for a period',
          body: CreateSteeringReport,
          response: { 201: SteeringReport, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await reports.createReport(db, actorOf(req), req.body)),
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'The report section by section: live figures while a draft, the issued snapshot after',
          params: SteeringReportParams,
          response: { 200: SteeringReport, ...problems(400, 401, 404) },
        },
      },
      async (req) => reports.getReport(db, actorOf(req), req.params.id),
    );

    app.patch(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'Change the title, diary number or period of a draft (409 once issued)',
          params: SteeringReportParams,
          body: UpdateSteeringReport,
          response: { 200: SteeringReport, ...problems(400, 401, 404, 409) },
        },
      },
      async (req) => reports.updateReport(db, actorOf(req), req.params.id, req.body),
    );

    app.put(
      `${base}/:id/narrative`,
      {
        schema: {
          tags,
          summary:
            'Save some sections’ narrative; `base` (the text last seen) refuses a stale save with 409 narrative_conflict',
          params: SteeringReportParams,
          body: SaveNarrative,
          response: { 200: SteeringReport, ...problems(400, 401, 404, 409) },
        },
      },
      async (req) => reports.saveNarrative(db, actorOf(req), req.params.id, req.body),
    );

    app.post(
      `${base}/:id/issue`,
      {
        schema: {
          tags,
          summary: 'Issue the report: freezes its figures and narrative for good',
          params: SteeringReportParams,
          response: { 200: SteeringReport, ...problems(400, 401, 404, 409) },
        },
      },
      async (req) => reports.issueReport(db, actorOf(req), req.params.id),
    );

    app.delete(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'Delete a draft (409 once issued)',
          params: SteeringReportParams,
          response: { 200: Ok, ...problems(400, 401, 404, 409) },
        },
      },
      async (req) => {
        await reports.deleteReport(db, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      `${base}/:id/pdf`,
      {
        schema: {
          tags,
          summary: 'The report as a tagged, Swedish PDF',
          params: SteeringReportParams,
          produces: ['application/pdf'],
          response: { ...problems(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const r = await reports.getReport(db, actorOf(req), req.params.id);
        return sendFile(reply, r, await renderReportPdf(r), 'application/pdf', 'pdf');
      },
    );

    app.get(
      `${base}/:id/docx`,
      {
        schema: {
          tags,
          summary: 'The report as a Word document (DOCX) for further editing',
          params: SteeringReportParams,
          produces: [DOCX],
          response: { ...problems(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const r = await reports.getReport(db, actorOf(req), req.params.id);
        // The Word writer loads with the first .docx asked for, not at start-up.
        const { renderReportDocx } = await import('./report-docx.ts');
        return sendFile(reply, r, await renderReportDocx(r), DOCX, 'docx');
      },
    );
  };
