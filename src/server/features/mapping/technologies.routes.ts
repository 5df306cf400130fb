import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdoptionMatrix,
  AdoptionMatrixQuery,
  MunicipalityTechnologies,
  PutMunicipalityTechnologies,
  TechnologyDetails,
  TechnologyKeyParams,
  TechnologyLanguageQuery,
  TechnologyList,
  UpdateTechnology,
} from '../../../shared/contracts/mapping.ts';
import { MunicipalityCodeParams } from '../../../shared/contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { uploadedFile } from '../../lib/upload.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { createTechnology, technologyDetails, updateTechnology } from './catalogue.service.ts';
import {
  adoptionMatrix,
  importAdoptionCsv,
  listTechnologies,
  municipalityTechnologies,
  updateMunicipalityTechnologies,
} from './technologies.service.ts';

export const technologyRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['mapping'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);

    app.get(
      '/technologies',
      {
        schema: {
          tags,
          summary: 'The national catalogue of welfare technologies',
          querystring: TechnologyLanguageQuery,
          response: { 200: TechnologyList, ...problems(400, 401) },
        },
      },
      async (req) => ({ items: await listTechnologies(db, req.query.lang ?? requestLanguage(req)) }),
    );

    app.get(
      '/technologies/:key',
      {
        schema: {
          tags,
          summary: 'One catalogue entry in Swedish and English, as national administrators edit it',
          params: TechnologyKeyParams,
          response: { 200: TechnologyDetails, ...problems(400, 401, 404) },
        },
      },
      async (req) => technologyDetails(db, req.params.key),
    );

    app.post(
      '/technologies',
      {
        schema: {
          tags,
          summary: 'Add a technology to the national catalogue (national administrators)',
          body: TechnologyDetails,
          response: { 201: TechnologyDetails, ...problems(400, 401, 403, 409) },
        },
      },
      async (req, reply) => reply.status(201).send(await createTechnology(db, actorOf(req), req.body)),
    );

    app.put(
      '/technologies/:key',
      {
        schema: {
          tags,
          summary: 'Change a catalogue entry: names, descriptions and category (national administrators)',
          params: TechnologyKeyParams,
          body: UpdateTechnology,
          response: { 200: TechnologyDetails, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => updateTechnology(db, actorOf(req), req.params.key, req.body),
    );

    app.get(
      '/municipalities/:code/technologies',
      {
        schema: {
          tags,
          summary:
            "A municipality's welfare technologies: status, since when, scope, users served and eligible, contact",
          params: MunicipalityCodeParams,
          querystring: TechnologyLanguageQuery,
          response: { 200: MunicipalityTechnologies, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) =>
        municipalityTechnologies(db, actorOf(req), req.params.code, req.query.lang ?? requestLanguage(req)),
    );

    app.put(
      '/municipalities/:code/technologies',
      {
        schema: {
          tags,
          summary: "Update some of a municipality's technology records (its coordinators); history is kept",
          params: MunicipalityCodeParams,
          querystring: TechnologyLanguageQuery,
          body: PutMunicipalityTechnologies,
          response: { 200: MunicipalityTechnologies, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) =>
        updateMunicipalityTechnologies(
          db,
          actorOf(req),
          req.params.code,
          req.body.items,
          req.query.lang ?? requestLanguage(req),
        ),
    );

    app.get(
      '/adoption',
      {
        schema: {
          tags,
          summary:
            'Municipality × technology matrix for a region (?region=county code), an association (?association=id) or the whole country',
          querystring: AdoptionMatrixQuery,
          response: { 200: AdoptionMatrix, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? requestLanguage(req);
        const { value, json } = await adoptionMatrix(db, actorOf(req), req.query, lang);
        // Checked against the contract and serialised once per snapshot: reuse that text.
        return reply.serializer(() => json).send(value);
      },
    );

    app.post(
      '/municipalities/:code/technologies/import',
      {
        schema: {
          tags,
          summary:
            "Update a municipality's technologies from a CSV (multipart field `file`; columns teknik, läge, sedan, omfattning, användare, möjliga användare, kontaktperson, kommentar, underlag); all rows or none",
          consumes: ['multipart/form-data'],
          params: MunicipalityCodeParams,
          querystring: TechnologyLanguageQuery,
          response: { 200: MunicipalityTechnologies, ...problems(400, 401, 403, 404, 413) },
        },
      },
      async (req) =>
        importAdoptionCsv(
          db,
          actorOf(req),
          req.params.code,
          await uploadedFile(req),
          req.query.lang ?? requestLanguage(req),
        ),
    );
  };
