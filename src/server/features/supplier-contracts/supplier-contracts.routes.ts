import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok } from '../../../shared/contracts/common.ts';
import { documentFileTypes } from '../../../shared/contracts/documents.ts';
import {
  ContractDocumentFields,
  ContractDocumentParams,
  ContractHistory,
  ContractIdParams,
  ContractInput,
  ContractListQuery,
  ContractOwnerCandidates,
  ContractPage,
  ContractView,
  MunicipalityContractsParams,
  UpdateContract,
} from '../../../shared/contracts/supplier-contracts.ts';
import type { Db } from '../../db/client.ts';
import { attachmentDisposition } from '../../lib/file-names.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { readDocumentFile } from '../documents/document-upload.ts';
import {
  addContractDocument,
  contractDocumentFile,
  removeContractDocument,
} from './contract-documents.service.ts';
import * as contracts from './supplier-contracts.service.ts';

/**
 * A municipality's contract register (issue 17): its own coordinators write it; its region, its
 * associations and national administrators read it (values and documents not for the nation).
 */
export const supplierContractRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['contracts'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);

    app.get(
      '/municipalities/:code/contracts',
      {
        schema: {
          tags,
          summary:
            "A municipality's contracts, soonest end first: filter by technology, supplier and end before a date",
          params: MunicipalityContractsParams,
          querystring: ContractListQuery,
          response: { 200: ContractPage, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) =>
        contracts.listContracts(db, actorOf(req), req.params.code, req.query, requestLanguage(req)),
    );

    app.get(
      '/municipalities/:code/contract-owners',
      {
        schema: {
          tags,
          summary:
            "Whom a contract may name as responsible: the municipality's coordinators and managers (its own coordinators)",
          params: MunicipalityContractsParams,
          response: { 200: ContractOwnerCandidates, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => contracts.ownerCandidates(db, actorOf(req), req.params.code),
    );

    app.post(
      '/municipalities/:code/contracts',
      {
        schema: {
          tags,
          summary: "Record a contract in the municipality's register (its own municipal coordinators)",
          params: MunicipalityContractsParams,
          body: ContractInput,
          response: { 201: ContractView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await contracts.createFromForm(db, actorOf(req), req.params.code, req.body, requestLanguage(req)),
          ),
    );

    app.get(
      '/contracts/:id',
      {
        schema: {
          tags,
          summary: 'A contract with its options, products and documents (value and documents when visible)',
          params: ContractIdParams,
          response: { 200: ContractView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => contracts.getContract(db, actorOf(req), req.params.id, requestLanguage(req)),
    );

    app.put(
      '/contracts/:id',
      {
        schema: {
          tags,
          summary:
            'Change a contract (and use or decline an extension option) from the version read: a stale version is a 409',
          params: ContractIdParams,
          body: UpdateContract,
          response: { 200: ContractView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        contracts.updateFromForm(db, actorOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.delete(
      '/contracts/:id',
      {
        schema: {
          tags,
          summary: 'Remove a contract from the register with its documents and history',
          params: ContractIdParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => contracts.removeContract(db, actorOf(req), req.params.id),
    );

    app.get(
      '/contracts/:id/history',
      {
        schema: {
          tags,
          summary: 'Every change of a contract, newest first: who, when, which fields from → to',
          params: ContractIdParams,
          response: { 200: ContractHistory, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => contracts.contractHistory(db, actorOf(req), req.params.id),
    );

    app.post(
      '/contracts/:id/documents',
      {
        schema: {
          tags,
          summary:
            'Attach a file (multipart field `file`: PDF, DOCX, ODT, PNG or JPEG, at most 10 MB, checked by content) of a kind',
          consumes: ['multipart/form-data'],
          params: ContractIdParams,
          querystring: ContractDocumentFields,
          response: {
            201: z.object({ id: z.uuid() }),
            ...problems(400, 401, 403, 404, 413, 415),
          },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await addContractDocument(
              db,
              actorOf(req),
              req.params.id,
              req.query.kind,
              await readDocumentFile(req),
            ),
          ),
    );

    app.get(
      '/contracts/:id/documents/:docId',
      {
        schema: {
          tags,
          summary: "Download a contract's file (the municipality, its region and associations)",
          params: ContractDocumentParams,
          produces: Object.values(documentFileTypes),
          response: { 200: z.any().describe('The file'), ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const file = await contractDocumentFile(db, actorOf(req), req.params.id, req.params.docId);
        // nosniff: the browser must take the type we checked, never guess one from the bytes.
        return reply
          .header('content-disposition', attachmentDisposition(file.fileName, 'avtal'))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-cache')
          .type(file.mediaType)
          .send(file.content);
      },
    );

    app.delete(
      '/contracts/:id/documents/:docId',
      {
        schema: {
          tags,
          summary: "Remove a file from a contract (the municipality's own coordinators)",
          params: ContractDocumentParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => removeContractDocument(db, actorOf(req), req.params.id, req.params.docId),
    );
  };
