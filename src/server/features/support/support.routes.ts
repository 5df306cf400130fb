import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseAttachmentTypes } from '../../../shared/contracts/cases.ts';
import {
  CreateSupportOffer,
  CreateSupportRequest,
  PostSupportMessage,
  SupportAttachmentParams,
  SupportIdParams,
  SupportNeedLinks,
  SupportNeedLinksQuery,
  SupportOffer,
  SupportOfferList,
  SupportOfferListQuery,
  SupportReport,
  SupportReportQuery,
  SupportRequestList,
  SupportRequestListQuery,
  SupportRequestView,
  UpdateSupportOffer,
  UpdateSupportRequest,
} from '../../../shared/contracts/support.ts';
import type { Db } from '../../db/client.ts';
import { attachmentDisposition } from '../../lib/file-names.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { exportMediaType } from '../../lib/table-export.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { readDocumentFile } from '../documents/document-upload.ts';
import type { Mailer } from '../mail/mailer.ts';
import { addAttachment, attachmentFile } from './support-attachments.service.ts';
import { supportNeedLinks } from './support-needs.ts';
import { createOffer, getOffer, listOffers, updateOffer } from './support-offers.service.ts';
import { supportReport, supportReportExport } from './support-report.ts';
import {
  createRequest,
  getRequest,
  listRequests,
  postMessage,
  updateRequest,
} from './support-requests.service.ts';

/** Support offers and requests between municipalities and their region or associations (issue 17). */
export const supportRoutes =
  ({ db, mailer, publicUrl }: { db: Db; mailer: Mailer; publicUrl: string }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['support'];
    const deps = { db, mailer, publicUrl };
    app.addHook('preHandler', requireUser);

    app.get(
      '/support-offers',
      {
        schema: {
          tags,
          summary:
            "Support offers the caller may read: her own region's or association's, or those of the providers her municipality may ask",
          querystring: SupportOfferListQuery,
          response: { 200: SupportOfferList, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => listOffers(db, actorOf(req), req.query),
    );

    app.post(
      '/support-offers',
      {
        schema: {
          tags,
          summary: 'Publish a support offer for a region or association the caller coordinates',
          body: CreateSupportOffer,
          response: { 201: SupportOffer, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await createOffer(db, actorOf(req), req.body)),
    );

    app.get(
      '/support-offers/:id',
      {
        schema: {
          tags,
          summary: 'One support offer',
          params: SupportIdParams,
          response: { 200: SupportOffer, ...problems(400, 401, 404) },
        },
      },
      async (req) => getOffer(db, actorOf(req), req.params.id),
    );

    app.put(
      '/support-offers/:id',
      {
        schema: {
          tags,
          summary: "Change a support offer (the provider's coordinators); closing it stops new requests",
          params: SupportIdParams,
          body: UpdateSupportOffer,
          response: { 200: SupportOffer, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => updateOffer(db, actorOf(req), req.params.id, req.body),
    );

    app.get(
      '/support-needs',
      {
        schema: {
          tags,
          summary:
            "A municipality's support needs in the order of its submitted ranking, each with the offers open to it and its requests",
          querystring: SupportNeedLinksQuery,
          response: { 200: SupportNeedLinks, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => supportNeedLinks(db, actorOf(req), req.query),
    );

    app.get(
      '/support-requests',
      {
        schema: {
          tags,
          summary:
            "Support requests the caller may see (her municipality's, or those to her region or association), newest first",
          querystring: SupportRequestListQuery,
          response: { 200: SupportRequestList, ...problems(400, 401, 403) },
        },
      },
      async (req) => listRequests(db, actorOf(req), req.query),
    );

    app.post(
      '/support-requests',
      {
        schema: {
          tags,
          summary:
            "Ask the municipality's region or one of its associations for support; its coordinators are e-mailed",
          body: CreateSupportRequest,
          response: { 201: SupportRequestView, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await createRequest(deps, actorOf(req), req.body)),
    );

    app.get(
      '/support-requests/report',
      {
        schema: {
          tags,
          summary:
            'Requests to a region or association per municipality, need and month, and the median working days to a first answer against each offer’s target; `format=csv|xlsx` for a file',
          querystring: SupportReportQuery.extend({ format: z.enum(['csv', 'xlsx']).optional() }),
          produces: ['application/json', exportMediaType.csv, exportMediaType.xlsx],
          response: { 200: SupportReport, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const report = await supportReport(db, actorOf(req), req.query);
        if (!req.query.format) return report;
        const lang = req.query.lang ?? requestLanguage(req);
        const file = await supportReportExport(report, lang, req.query.format);
        return reply
          .type(exportMediaType[req.query.format])
          .header('content-disposition', attachmentDisposition(file.fileName, 'stodforfragningar'))
          .header('cache-control', 'no-store')
          .send(file.body as never);
      },
    );

    app.get(
      '/support-requests/:id',
      {
        schema: {
          tags,
          summary: 'A support request with its whole history (messages, assignments, status changes)',
          params: SupportIdParams,
          response: { 200: SupportRequestView, ...problems(400, 401, 404) },
        },
      },
      async (req) => getRequest(db, actorOf(req), req.params.id),
    );

    app.patch(
      '/support-requests/:id',
      {
        schema: {
          tags,
          summary: "Assign a request to one of the provider's coordinators, change its status or close it",
          params: SupportIdParams,
          body: UpdateSupportRequest,
          response: { 200: SupportRequestView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => updateRequest(deps, actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/support-requests/:id/messages',
      {
        schema: {
          tags,
          summary:
            "Write in a request's thread: the provider's message answers it, the municipality's puts it back in the queue",
          params: SupportIdParams,
          body: PostSupportMessage,
          response: { 201: SupportRequestView, ...problems(400, 401, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await postMessage(deps, actorOf(req), req.params.id, req.body.body)),
    );

    app.post(
      '/support-requests/:id/attachments',
      {
        schema: {
          tags,
          summary:
            'Attach a file (multipart field `file`: PDF, DOCX, ODT, PNG or JPEG, at most 10 MB, checked by content) to an open request',
          consumes: ['multipart/form-data'],
          params: SupportIdParams,
          response: { 201: SupportRequestView, ...problems(400, 401, 404, 409, 413, 415) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await addAttachment(db, actorOf(req), req.params.id, await readDocumentFile(req))),
    );

    app.get(
      '/support-requests/:id/attachments/:attachmentId',
      {
        schema: {
          tags,
          summary: "Download a request's attachment (both sides)",
          params: SupportAttachmentParams,
          produces: Object.values(caseAttachmentTypes),
          response: { 200: z.any().describe('The file'), ...problems(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const file = await attachmentFile(db, actorOf(req), req.params.id, req.params.attachmentId);
        // nosniff: the browser must take the type we checked, never guess one from the bytes.
        return reply
          .header('content-disposition', attachmentDisposition(file.fileName, 'bilaga'))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-cache')
          .type(file.mediaType)
          .send(file.content);
      },
    );
  };
