import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttachmentParams,
  CaseFields,
  CaseIdParams,
  CaseLinkChoices,
  CaseList,
  CaseListQuery,
  CaseSearchQuery,
  CaseSearchResult,
  CaseView,
  ContactCase,
  CreateCase,
  caseAttachmentTypes,
  LinkChoicesQuery,
  ReturnCase,
  WhoHasDoneThis,
  WhoParams,
  WhoQuery,
} from '../../../shared/contracts/cases.ts';
import { Ok } from '../../../shared/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import { attachmentDisposition } from '../../lib/file-names.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { readDocumentFile } from '../documents/document-upload.ts';
import type { Mailer } from '../mail/mailer.ts';
import { addAttachment, attachmentFile, removeAttachment } from './case-attachments.service.ts';
import { contactCase } from './case-contact.service.ts';
import { linkChoices } from './case-link-choices.ts';
import { searchCases } from './case-search.ts';
import { publishCase, returnCase, submitCase, withdrawCase } from './case-workflow.service.ts';
import { createCase, getCase, listCases, updateCase } from './cases.service.ts';
import { whoHasDoneThis } from './who-has-done-this.service.ts';

/** Messages to contact people per sender and minute: enough for real questions, too few for spam. */
const CONTACT_PER_MINUTE = 5;

/** Cases (kunskapsbank): write, review, publish, search, who has done this (issue 8). */
export const caseRoutes =
  ({ db, mailer }: { db: Db; mailer: Mailer }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['cases'];
    app.addHook('preHandler', requireUser);
    const lang = (req: FastifyRequest) => requestLanguage(req);
    const one = { params: CaseIdParams, response: { 200: CaseView, ...problems(400, 401, 403, 404, 409) } };

    app.get(
      '/cases',
      {
        schema: {
          tags,
          summary:
            'Cases: published ones for everyone, plus unpublished ones of municipalities the caller writes for or reviews; model municipalities first, then newest. `?status=submitted` is the review queue',
          querystring: CaseListQuery,
          response: { 200: CaseList, ...problems(400, 401) },
        },
      },
      async (req) => listCases(db, actorOf(req), lang(req), req.query),
    );

    app.post(
      '/cases',
      {
        schema: {
          tags,
          summary: 'Write a new draft case for a municipality the caller coordinates',
          body: CreateCase,
          response: { 201: CaseView, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await createCase(db, actorOf(req), lang(req), req.body)),
    );

    app.get(
      '/cases/search',
      {
        schema: {
          tags,
          summary:
            'Swedish full-text search over the cases the caller may read ("nattillsynen" finds "nattillsyn"), ranked, with highlighted hits as plain text parts',
          querystring: CaseSearchQuery,
          response: { 200: CaseSearchResult, ...problems(400, 401) },
        },
      },
      async (req) => searchCases(db, actorOf(req), lang(req), req.query),
    );

    app.get(
      '/cases/link-choices',
      {
        schema: {
          tags,
          summary:
            "What the caller may link a case of this municipality to: its initiatives and their benefit indicators (the municipality's coordinators)",
          querystring: LinkChoicesQuery,
          response: { 200: CaseLinkChoices, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => linkChoices(db, actorOf(req), req.query.municipality),
    );

    app.get(
      '/cases/:id',
      {
        schema: {
          tags,
          summary:
            'One case with results, attachments and its contact person (only when they consented); 404 for an unpublished case the caller neither writes nor reviews',
          ...one,
        },
      },
      async (req) => getCase(db, actorOf(req), lang(req), req.params.id),
    );

    app.put(
      '/cases/:id',
      {
        schema: {
          tags,
          summary:
            'Change a case while it is a draft, returned or withdrawn (its municipality’s coordinators)',
          body: CaseFields,
          ...one,
        },
      },
      async (req) => updateCase(db, actorOf(req), lang(req), req.params.id, req.body),
    );

    app.post(
      '/cases/:id/submit',
      { schema: { tags, summary: 'Send a case for review (its authors)', ...one } },
      async (req) => submitCase(db, actorOf(req), lang(req), req.params.id),
    );

    app.post(
      '/cases/:id/publish',
      {
        schema: { tags, summary: 'Publish a submitted case (a reviewer covering its municipality)', ...one },
      },
      async (req) => publishCase(db, actorOf(req), lang(req), req.params.id),
    );

    app.post(
      '/cases/:id/return',
      {
        schema: {
          tags,
          summary: 'Return a submitted case to its authors with a note (a reviewer)',
          body: ReturnCase,
          ...one,
        },
      },
      async (req) => returnCase(db, actorOf(req), lang(req), req.params.id, req.body.note),
    );

    app.post(
      '/cases/:id/withdraw',
      { schema: { tags, summary: 'Withdraw a published case (its authors or a reviewer)', ...one } },
      async (req) => withdrawCase(db, actorOf(req), lang(req), req.params.id),
    );

    app.post(
      '/cases/:id/attachments',
      {
        schema: {
          tags,
          summary:
            'Attach a file (multipart field `file`: PDF, DOCX, ODT, PNG or JPEG, at most 10 MB, checked by content) to a case its authors may edit',
          consumes: ['multipart/form-data'],
          params: CaseIdParams,
          response: { 201: CaseView, ...problems(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await addAttachment(db, actorOf(req), lang(req), req.params.id, await readDocumentFile(req))),
    );

    app.get(
      '/cases/:id/attachments/:attachmentId',
      {
        schema: {
          tags,
          summary: 'Download an attachment (readable by whoever may read the case)',
          params: AttachmentParams,
          produces: Object.values(caseAttachmentTypes),
          response: { 200: z.any().describe('The file'), ...problems(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const file = await attachmentFile(
          db,
          actorOf(req),
          lang(req),
          req.params.id,
          req.params.attachmentId,
        );
        // nosniff: the browser must take the type we checked, never guess one from the bytes.
        return reply
          .header('content-disposition', attachmentDisposition(file.fileName, 'bilaga'))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-cache')
          .type(file.mediaType)
          .send(file.content);
      },
    );

    app.delete(
      '/cases/:id/attachments/:attachmentId',
      {
        schema: {
          tags,
          summary: 'Remove an attachment from a case its authors may edit',
          params: AttachmentParams,
          response: { 200: CaseView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => removeAttachment(db, actorOf(req), lang(req), req.params.id, req.params.attachmentId),
    );

    app.post(
      '/cases/:id/contact',
      {
        // Per sender: a signed-in person may ask a few questions a minute, wherever they sit.
        config: {
          rateLimit: {
            max: CONTACT_PER_MINUTE,
            timeWindow: '1 minute',
            keyGenerator: (req: FastifyRequest) => req.actor?.userId ?? req.ip,
          },
        },
        schema: {
          tags,
          summary:
            "Ask a published case's consenting contact person a question: an e-mail with the sender's name, organisation and address is queued (the message is not kept in the audit log)",
          params: CaseIdParams,
          body: ContactCase,
          response: { 202: Ok, ...problems(400, 401, 404, 409, 429) },
        },
      },
      async (req, reply) =>
        reply
          .status(202)
          .send(await contactCase({ db, mailer }, actorOf(req), lang(req), req.params.id, req.body.message)),
    );

    app.get(
      '/technologies/:key/who-has-done-this',
      {
        schema: {
          tags,
          summary:
            'Who has done this? Municipalities running the technology (key or id) or with a published case about it, nearest first, with their published cases and consenting contacts',
          params: WhoParams,
          querystring: WhoQuery,
          response: { 200: WhoHasDoneThis, ...problems(400, 401, 404) },
        },
      },
      async (req) => whoHasDoneThis(db, actorOf(req), lang(req), req.params.key, req.query.from),
    );
  };
