import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common.ts';
import {
  CreateExternalContact,
  ExternalContactChoices,
  ExternalContactChoicesQuery,
  ExternalContactList,
  ExternalContactListQuery,
  ExternalContactParams,
  ExternalContactView,
  UpdateExternalContact,
} from '../../../shared/contracts/external-contacts.ts';
import type { Db } from '../../db/client.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import * as contacts from './external-contacts.service.ts';

/** A region's and an association's log of contacts with external actors (issue 17). */
export const externalContactRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['external-contacts'];
    app.addHook('preHandler', requireUser);

    app.get(
      '/external-contacts',
      {
        schema: {
          tags,
          summary:
            'Contacts with external actors in the logs the caller reads (her region’s and associations’), newest first; `q` searches in Swedish',
          querystring: ExternalContactListQuery,
          response: { 200: ExternalContactList, ...problems(400, 401, 403) },
        },
      },
      async (req) => contacts.listContacts(db, actorOf(req), req.query),
    );

    app.post(
      '/external-contacts',
      {
        schema: {
          tags,
          summary: 'Log a contact for a region or association where the caller is a coordinator',
          body: CreateExternalContact,
          response: { 201: ExternalContactView, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await contacts.createContact(db, actorOf(req), req.body)),
    );

    app.get(
      '/external-contacts/choices',
      {
        schema: {
          tags,
          summary:
            'The logs the caller reads and, for one she writes (`owner`), its municipalities, group meetings and procurements; the supplier register',
          querystring: ExternalContactChoicesQuery,
          response: { 200: ExternalContactChoices, ...problems(400, 401, 403) },
        },
      },
      async (req) => contacts.contactChoices(db, actorOf(req), req.query.owner),
    );

    app.get(
      '/external-contacts/:id',
      {
        schema: {
          tags,
          summary: 'One contact with its outcome, follow-up and linked meeting, supplier and procurement',
          params: ExternalContactParams,
          response: { 200: ExternalContactView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => contacts.getContact(db, actorOf(req), req.params.id),
    );

    app.put(
      '/external-contacts/:id',
      {
        schema: {
          tags,
          summary: 'Change a contact (the owner’s coordinators); a new follow-up date waits again until done',
          params: ExternalContactParams,
          body: UpdateExternalContact,
          response: { 200: ExternalContactView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => contacts.updateContact(db, actorOf(req), req.params.id, req.body),
    );

    app.delete(
      '/external-contacts/:id',
      {
        schema: {
          tags,
          summary: 'Delete a contact logged by mistake (the owner’s coordinators)',
          params: ExternalContactParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await contacts.deleteContact(db, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/external-contacts/:id/follow-up-done',
      {
        schema: {
          tags,
          summary: "Mark the contact's follow-up done: it leaves the coordinators' start page",
          params: ExternalContactParams,
          response: { 200: ExternalContactView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => contacts.markFollowUpDone(db, actorOf(req), req.params.id),
    );
  };
