import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DocumentFields,
  DocumentIdParams,
  DocumentItems,
  DocumentList,
  DocumentListQuery,
  DocumentOwners,
  DocumentSearchQuery,
  DocumentSearchResult,
  documentFileTypes,
  GoverningDocument,
} from '../../../shared/contracts/documents.ts';
import type { Db } from '../../db/client.ts';
import { attachmentDisposition } from '../../lib/file-names.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { readDocumentFile, readNewDocument } from './document-upload.ts';
import {
  createDocument,
  documentFile,
  getDocument,
  listDocuments,
  ownerChoices,
  replaceFile,
  reviewReminders,
  searchDocuments,
  updateDocument,
} from './documents.service.ts';

export const documentRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['documents'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);

    app.get(
      '/documents',
      {
        schema: {
          tags,
          summary:
            'Governing documents (policy, strategy, action plan …), newest first; readable by every signed-in user',
          querystring: DocumentListQuery,
          response: { 200: DocumentList, ...problems(400, 401) },
        },
      },
      async (req) => listDocuments(db, actorOf(req), req.query),
    );

    app.post(
      '/documents',
      {
        schema: {
          tags,
          summary:
            'Add a governing document (document.manage on its owner). multipart/form-data: the metadata fields ' +
            '(focusAreas repeated) and an optional `file` — PDF, DOCX or ODT, at most 10 MB, checked by content; ' +
            'or JSON with the metadata only. A refused file stores nothing',
          consumes: ['multipart/form-data', 'application/json'],
          multipart: { file: 'optional', fields: DocumentFields },
          response: { 201: GoverningDocument, ...problems(400, 401, 403, 413, 415) },
        },
      },
      async (req, reply) => {
        const { fields, upload } = await readNewDocument(req);
        reply.status(201);
        return createDocument(db, actorOf(req), fields, upload);
      },
    );

    app.get(
      '/documents/search',
      {
        schema: {
          tags,
          summary:
            'Swedish full-text search over title, summary and file text ("strategier" finds "strategi"), ranked, ' +
            'with highlighted hits as plain text parts',
          querystring: DocumentSearchQuery,
          response: { 200: DocumentSearchResult, ...problems(400, 401) },
        },
      },
      async (req) => searchDocuments(db, actorOf(req), req.query),
    );

    app.get(
      '/documents/reminders',
      {
        schema: {
          tags,
          summary: "Documents past their review date, owned by the caller's own organisations",
          response: { 200: DocumentItems, ...problems(401) },
        },
      },
      async (req) => reviewReminders(db, actorOf(req)),
    );

    app.get(
      '/documents/owners',
      {
        schema: {
          tags,
          summary:
            'Organisations the caller can add documents for (where they hold a role that manages them)',
          response: { 200: DocumentOwners, ...problems(401) },
        },
      },
      async (req) => ownerChoices(actorOf(req)),
    );

    app.get(
      '/documents/:id',
      {
        schema: {
          tags,
          summary: 'One governing document',
          params: DocumentIdParams,
          response: { 200: GoverningDocument, ...problems(400, 401, 404) },
        },
      },
      async (req) => getDocument(db, actorOf(req), req.params.id),
    );

    app.put(
      '/documents/:id',
      {
        schema: {
          tags,
          summary: "Change a document's metadata (document.manage on its owner, and on a new owner)",
          params: DocumentIdParams,
          body: DocumentFields,
          response: { 200: GoverningDocument, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => updateDocument(db, actorOf(req), req.params.id, req.body),
    );

    app.put(
      '/documents/:id/file',
      {
        schema: {
          tags,
          summary:
            "Add or replace a document's file (multipart field `file`: PDF, DOCX or ODT, at most 10 MB, checked by content)",
          consumes: ['multipart/form-data'],
          params: DocumentIdParams,
          response: { 200: GoverningDocument, ...problems(400, 401, 403, 404, 413, 415) },
        },
      },
      async (req) => replaceFile(db, actorOf(req), req.params.id, await readDocumentFile(req)),
    );

    app.get(
      '/documents/:id/file',
      {
        schema: {
          tags,
          summary: "Download a document's file",
          params: DocumentIdParams,
          produces: Object.values(documentFileTypes),
          response: { 200: z.any().describe('The file'), ...problems(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const file = await documentFile(db, req.params.id);
        // nosniff: the browser must take the type we checked, never guess one from the bytes.
        return reply
          .header('content-disposition', attachmentDisposition(file.fileName, 'dokument'))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-cache')
          .type(file.mediaType)
          .send(file.content);
      },
    );
  };
