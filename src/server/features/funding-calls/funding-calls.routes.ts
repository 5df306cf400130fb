import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AllocationDetail,
  AllocationOverview,
  CreateFundingCall,
  FundingAllocationParams,
  FundingCallList,
  FundingCallParams,
  FundingCallView,
  FundingReport,
  KeyPreview,
  KeyUploadQuery,
  LinkableCalls,
  LinkableCallsQuery,
  Requisition,
  SetAllocations,
  UpdateFundingCall,
} from '../../../shared/contracts/funding-calls.ts';
import type { Db } from '../../db/client.ts';
import { problems } from '../../lib/route-schema.ts';
import { uploadedFile } from '../../lib/upload.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import {
  allocationDetail,
  allocationOverview,
  report,
  requisition,
  setAllocations,
  uploadKey,
} from './allocations.service.ts';
import { createCall, getCall, listCalls, updateCall } from './funding-calls.service.ts';
import { linkableCalls } from './linkable-calls.service.ts';

/** Stimulus funds: calls, allocations per municipality, requisitions and reports (issue 17). */
export const fundingCallRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['funding-calls'];
    app.addHook('preHandler', requireUser);

    app.get(
      '/funding-calls',
      {
        schema: {
          tags,
          summary:
            'Stimulus-fund calls the caller takes part in (owned by her organisation, or opened and covering her municipality, region or association), and where she may create one',
          response: { 200: FundingCallList, ...problems(401, 403) },
        },
      },
      async (req) => listCalls(db, actorOf(req)),
    );

    app.post(
      '/funding-calls',
      {
        schema: {
          tags,
          summary:
            'Create a call (as a draft): a national administrator for the whole country, a regional coordinator for her region',
          body: CreateFundingCall,
          response: { 201: FundingCallView, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await createCall(db, actorOf(req), req.body)),
    );

    app.get(
      '/funding-calls/linkable',
      {
        schema: {
          tags,
          summary:
            "The opened calls an initiative's stimulus funding rows can be linked to, each with the initiative's municipalities that have an allocation in it (anyone who sees the initiative)",
          querystring: LinkableCallsQuery,
          response: { 200: LinkableCalls, ...problems(400, 401, 404) },
        },
      },
      async (req) => linkableCalls(db, actorOf(req), req.query.initiativeId),
    );

    app.get(
      '/funding-calls/:id',
      {
        schema: {
          tags,
          summary: 'One call',
          params: FundingCallParams,
          response: { 200: FundingCallView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => getCall(db, actorOf(req), req.params.id),
    );

    app.patch(
      '/funding-calls/:id',
      {
        schema: {
          tags,
          summary: "Open or close a call, change its title or deadlines (the call's owners)",
          params: FundingCallParams,
          body: UpdateFundingCall,
          response: { 200: FundingCallView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => updateCall(db, actorOf(req), req.params.id, req.body),
    );

    app.get(
      '/funding-calls/:id/allocations',
      {
        schema: {
          tags,
          summary:
            'Per municipality: key value, allocated, requisitioned, used (linked initiative funding), reported and at risk of being paid back, with totals. Owners see every municipality, regional coordinators theirs, a municipality its own',
          params: FundingCallParams,
          response: { 200: AllocationOverview, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => allocationOverview(db, actorOf(req), req.params.id),
    );

    app.put(
      '/funding-calls/:id/allocations',
      {
        schema: {
          tags,
          summary:
            'Enter the allocations by hand (replaces them); none below what is already requisitioned, the sum at most the total',
          params: FundingCallParams,
          body: SetAllocations,
          response: { 200: AllocationOverview, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => setAllocations(db, actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/funding-calls/:id/allocations/key',
      {
        schema: {
          tags,
          summary:
            'Compute the allocations from a key CSV (multipart field `file`, as Excel saves it: municipality code or name; residents aged 80+), shared by the largest remainder so the sum is the total exactly. `dryRun=true` lists allocations and errors per row without writing; otherwise any error is a 400 and nothing is written',
          consumes: ['multipart/form-data'],
          params: FundingCallParams,
          querystring: KeyUploadQuery,
          response: { 200: KeyPreview, ...problems(400, 401, 403, 404, 413) },
        },
      },
      async (req) =>
        uploadKey(db, actorOf(req), req.params.id, await uploadedFile(req), req.query.dryRun === 'true'),
    );

    app.get(
      '/funding-calls/:id/allocations/:code',
      {
        schema: {
          tags,
          summary:
            "One municipality's allocation with its report and the initiative funding rows it is used on",
          params: FundingAllocationParams,
          response: { 200: AllocationDetail, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => allocationDetail(db, actorOf(req), req.params.id, req.params.code),
    );

    app.post(
      '/funding-calls/:id/allocations/:code/requisition',
      {
        schema: {
          tags,
          summary:
            "Requisition (part of) the municipality's allocation: its own coordinators, while the call is open and until the requisition deadline",
          params: FundingAllocationParams,
          body: Requisition,
          response: { 200: AllocationDetail, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => requisition(db, actorOf(req), req.params.id, req.params.code, req.body),
    );

    app.post(
      '/funding-calls/:id/allocations/:code/report',
      {
        schema: {
          tags,
          summary:
            'Report what the requisitioned money was used for; the answer lists the linked initiative funding rows',
          params: FundingAllocationParams,
          body: FundingReport,
          response: { 200: AllocationDetail, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => report(db, actorOf(req), req.params.id, req.params.code, req.body),
    );
  };
