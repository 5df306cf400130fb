import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { documentFileTypes } from '../../../shared/contracts/documents.ts';
import {
  AddChecklistItem,
  ChecklistItemParams,
  CreateProcurement,
  InviteParticipants,
  LinkSpecification,
  ParticipantParams,
  ProcurementDocumentParams,
  ProcurementLinks,
  ProcurementList,
  ProcurementListQuery,
  ProcurementParams,
  ProcurementView,
  RespondToInvitation,
  TickChecklistItem,
  UpdateProcurement,
} from '../../../shared/contracts/procurements.ts';
import { ContractInput } from '../../../shared/contracts/supplier-contracts.ts';
import type { Db } from '../../db/client.ts';
import { attachmentDisposition } from '../../lib/file-names.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { writeResultingContracts } from './procurement-contracts.ts';
import {
  inviteParticipants,
  procurementDocument,
  readInvitationAnswer,
  respondToInvitation,
} from './procurement-participants.ts';
import { updateProcurement } from './procurement-update.ts';
import {
  addChecklistItem,
  buildSpecification,
  linkSpecification,
  replaceLinks,
  tickChecklistItem,
} from './procurement-work.ts';
import { createProcurement, getProcurement, invitableFor, listProcurements } from './procurements.service.ts';

const InvitableQuery = z.object({ lead: z.uuid().describe('The organisation that would lead it') });
const Invitable = z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) });

/** Joint procurements led by a region, an association or a municipality (issue 17). */
export const procurementRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['procurements'];
    const base = '/procurements';
    app.addHook('preHandler', requireUser);

    app.get(
      base,
      {
        schema: {
          tags,
          summary:
            'Joint procurements the caller leads or takes part in, or (for a region or association) that involve its municipalities; newest change first',
          querystring: ProcurementListQuery,
          response: { 200: ProcurementList, ...problems(400, 401, 403) },
        },
      },
      async (req) => listProcurements(db, actorOf(req), requestLanguage(req), req.query),
    );

    app.post(
      base,
      {
        schema: {
          tags,
          summary:
            'Start a joint procurement for an organisation the caller coordinates, inviting municipalities of its region or association',
          body: CreateProcurement,
          response: { 201: ProcurementView, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createProcurement(db, actorOf(req), requestLanguage(req), req.body)),
    );

    app.get(
      `${base}/invitable`,
      {
        schema: {
          tags,
          summary: 'The municipalities a procurement led by this organisation may invite',
          querystring: InvitableQuery,
          response: { 200: Invitable, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => invitableFor(db, actorOf(req), req.query.lead),
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary:
            'A joint procurement: phases with dates and checklists, participants, specification, links, contracts',
          params: ProcurementParams,
          response: { 200: ProcurementView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => getProcurement(db, actorOf(req), requestLanguage(req), req.params.id),
    );

    app.patch(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary:
            'Change title, description, phase (back only with a reason), phase dates, status or awarded supplier (the lead); a stale version gives 409',
          params: ProcurementParams,
          body: UpdateProcurement,
          response: { 200: ProcurementView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => updateProcurement(db, actorOf(req), requestLanguage(req), req.params.id, req.body),
    );

    app.post(
      `${base}/:id/participants`,
      {
        schema: {
          tags,
          summary:
            "Invite municipalities (the lead; only the lead region's or association's, any for a national lead)",
          params: ProcurementParams,
          body: InviteParticipants,
          response: { 200: ProcurementView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => inviteParticipants(db, actorOf(req), requestLanguage(req), req.params.id, req.body),
    );

    app.post(
      `${base}/:id/participants/:code/confirm`,
      {
        schema: {
          tags,
          summary:
            "The invited municipality's own coordinator answers: multipart fields `decision` (confirmed|declined), `decisionOn` (YYYY-MM-DD, needed to confirm) and `file` (the signed power of attorney: PDF, DOCX or ODT, checked by content)",
          consumes: ['multipart/form-data', 'application/json'],
          multipart: { file: 'optional', fields: RespondToInvitation },
          params: ParticipantParams,
          response: { 200: ProcurementView, ...problems(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (req) => {
        const answer = await readInvitationAnswer(req);
        return respondToInvitation(
          db,
          actorOf(req),
          requestLanguage(req),
          req.params.id,
          req.params.code,
          answer,
        );
      },
    );

    app.get(
      `${base}/:id/documents/:documentId`,
      {
        schema: {
          tags,
          summary:
            'Download a power of attorney (the municipality, its region and associations, and the lead)',
          params: ProcurementDocumentParams,
          produces: Object.values(documentFileTypes),
          response: { 200: z.any().describe('The file'), ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const file = await procurementDocument(db, actorOf(req), req.params.id, req.params.documentId);
        return reply
          .header('content-disposition', attachmentDisposition(file.fileName, 'fullmakt'))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-cache')
          .type(file.mediaType)
          .send(file.content);
      },
    );

    app.post(
      `${base}/:id/checklist`,
      {
        schema: {
          tags,
          summary: "Add an item to a phase's checklist (the lead)",
          params: ProcurementParams,
          body: AddChecklistItem,
          response: { 201: ProcurementView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await addChecklistItem(db, actorOf(req), requestLanguage(req), req.params.id, req.body)),
    );

    app.patch(
      `${base}/:id/checklist/:itemId`,
      {
        schema: {
          tags,
          summary: 'Tick or untick a checklist item (the lead)',
          params: ChecklistItemParams,
          body: TickChecklistItem,
          response: { 200: ProcurementView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) =>
        tickChecklistItem(
          db,
          actorOf(req),
          requestLanguage(req),
          req.params.id,
          req.params.itemId,
          req.body.done,
        ),
    );

    app.put(
      `${base}/:id/specification`,
      {
        schema: {
          tags,
          summary:
            "Link one of the lead organisation's requirement specifications (replacing the one linked)",
          params: ProcurementParams,
          body: LinkSpecification,
          response: { 200: ProcurementView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => linkSpecification(db, actorOf(req), requestLanguage(req), req.params.id, req.body),
    );

    app.post(
      `${base}/:id/specification/build`,
      {
        schema: {
          tags,
          summary:
            "Build the procurement's requirement specification from the library: every requirement for its technology, must-requirements first",
          params: ProcurementParams,
          response: { 201: ProcurementView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await buildSpecification(db, actorOf(req), requestLanguage(req), req.params.id)),
    );

    app.put(
      `${base}/:id/links`,
      {
        schema: {
          tags,
          summary:
            'The initiatives that depend on the procurement and the backlog needs it answers (replaces both lists)',
          params: ProcurementParams,
          body: ProcurementLinks,
          response: { 200: ProcurementView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => replaceLinks(db, actorOf(req), requestLanguage(req), req.params.id, req.body),
    );
    app.post(
      `${base}/:id/contracts`,
      {
        schema: {
          tags,
          summary:
            "When the contract is signed: write it into each confirmed participant's contract register (procurementForm must be 'joint'; participants that have it already are skipped)",
          params: ProcurementParams,
          body: ContractInput,
          response: { 201: ProcurementView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await writeResultingContracts(db, actorOf(req), requestLanguage(req), req.params.id, req.body),
          ),
    );
  };
