import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common.ts';
import {
  MergeSupplier,
  ProductIdParams,
  ProductInput,
  ProductList,
  ProductView,
  SupplierIdParams,
  SupplierInput,
  SupplierListQuery,
  SupplierPage,
  SupplierView,
} from '../../../shared/contracts/suppliers.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import * as products from './products.service.ts';
import * as suppliers from './suppliers.service.ts';

/** The national register of suppliers and products (issue 17): everyone signed in reads it. */
export const supplierRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['suppliers'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);

    app.get(
      '/suppliers',
      {
        schema: {
          tags,
          summary: 'Suppliers in Swedish order: search by name or organisation number, filter by technology',
          querystring: SupplierListQuery,
          response: { 200: SupplierPage, ...problems(400, 401) },
        },
      },
      async (req) => suppliers.listSuppliers(db, req.query, requestLanguage(req)),
    );

    app.post(
      '/suppliers',
      {
        schema: {
          tags,
          summary:
            'Add a supplier with its contacts and technologies (national administrators, regional coordinators)',
          body: SupplierInput,
          response: { 201: SupplierView, ...problems(400, 401, 403, 409) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await suppliers.createSupplier(db, actorOf(req), req.body, requestLanguage(req))),
    );

    app.get(
      '/suppliers/:id',
      {
        schema: {
          tags,
          summary: 'A supplier with contacts and technologies; a merged duplicate names the kept supplier',
          params: SupplierIdParams,
          response: { 200: SupplierView, ...problems(400, 401, 404) },
        },
      },
      async (req) => suppliers.getSupplier(db, actorOf(req), req.params.id, requestLanguage(req)),
    );

    app.put(
      '/suppliers/:id',
      {
        schema: {
          tags,
          summary: 'Change a supplier: its details, contacts and technologies replace what was held',
          params: SupplierIdParams,
          body: SupplierInput,
          response: { 200: SupplierView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        suppliers.updateSupplier(db, actorOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.post(
      '/suppliers/:id/merge',
      {
        schema: {
          tags,
          summary:
            'Merge a duplicate into this supplier: every link moves here and the duplicate points here',
          params: SupplierIdParams,
          body: MergeSupplier,
          response: { 200: SupplierView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        suppliers.mergeSupplier(db, actorOf(req), req.params.id, req.body.duplicateId, requestLanguage(req)),
    );

    app.get(
      '/suppliers/:id/products',
      {
        schema: {
          tags,
          summary: "A supplier's products with their technologies and the standards they meet",
          params: SupplierIdParams,
          response: { 200: ProductList, ...problems(400, 401, 404) },
        },
      },
      async (req) => ({ items: await products.listProducts(db, req.params.id, requestLanguage(req)) }),
    );

    app.post(
      '/suppliers/:id/products',
      {
        schema: {
          tags,
          summary: 'Add a product to a supplier',
          params: SupplierIdParams,
          body: ProductInput,
          response: { 201: ProductView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await products.createProduct(db, actorOf(req), req.params.id, req.body, requestLanguage(req)),
          ),
    );

    app.put(
      '/products/:id',
      {
        schema: {
          tags,
          summary: "Change a product's name, technologies, standards and interoperability",
          params: ProductIdParams,
          body: ProductInput,
          response: { 200: ProductView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => products.updateProduct(db, actorOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.delete(
      '/products/:id',
      {
        schema: {
          tags,
          summary: 'Remove a product from the register',
          params: ProductIdParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => products.deleteProduct(db, actorOf(req), req.params.id),
    );
  };
