import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok, Uuid } from '../../../shared/contracts/common.ts';
import {
  DiscoverQuery,
  DiscoverResult,
  IdentityProvider,
  IdentityProviderInput,
  IdentityProviderList,
  SsoOrganisationList,
  SsoOrganisationsQuery,
} from '../../../shared/contracts/identity-providers.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import * as service from './identity-providers.service.ts';

const IdParams = z.object({ id: Uuid });

/** An organisation's identity providers (OIDC, SAML): its coordinator or a national administrator. */
export const identityProviderRoutes =
  (deps: service.IdpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['identity-providers'];
    app.addHook('preHandler', requireUser);

    app.get(
      '/organisations/:id/identity-providers',
      {
        schema: {
          tags,
          summary: "The organisation's identity providers (secrets never included)",
          params: IdParams,
          response: { 200: IdentityProviderList, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => ({ items: await service.listForOrganisation(deps, actorOf(req), req.params.id) }),
    );
    app.post(
      '/organisations/:id/identity-providers',
      {
        schema: {
          tags,
          summary: 'Add an OIDC or SAML identity provider with its e-mail domains and attribute mapping',
          params: IdParams,
          body: IdentityProviderInput,
          response: { 201: IdentityProvider, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        const created = await service.createIdentityProvider(deps, actorOf(req), req.params.id, req.body);
        return reply.status(201).send(created);
      },
    );
    app.get(
      '/identity-providers/:id',
      {
        schema: {
          tags,
          summary: 'One identity provider',
          params: IdParams,
          response: { 200: IdentityProvider, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => service.getIdentityProvider(deps, actorOf(req), req.params.id),
    );
    app.put(
      '/identity-providers/:id',
      {
        schema: {
          tags,
          summary:
            'Change an identity provider; without clientSecret (or metadataXml) the stored one is kept',
          params: IdParams,
          body: IdentityProviderInput,
          response: { 200: IdentityProvider, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => service.updateIdentityProvider(deps, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/identity-providers/:id',
      {
        schema: {
          tags,
          summary: 'Remove an identity provider with its domains and account links (the people stay)',
          params: IdParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await service.deleteIdentityProvider(deps, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
  };

/** Public: which sign-in an address's domain uses, and the organisations that sign in with their own IdP. */
export const ssoDiscoveryRoutes =
  (deps: service.IdpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['auth'];
    const rateLimit = { max: deps.config.authRateLimitPerMinute, timeWindow: '1 minute' };

    app.get(
      '/auth/discover',
      {
        config: { rateLimit },
        schema: {
          tags,
          summary:
            "Home-realm discovery: password or the domain's identity provider (never reveals accounts)",
          querystring: DiscoverQuery,
          response: { 200: DiscoverResult, ...problems(400, 429) },
        },
      },
      async (req) => service.discover(deps.db, req.query.email),
    );
    app.get(
      '/auth/sso-organisations',
      {
        schema: {
          tags,
          summary:
            'Organisations that sign in with their own identity provider, searchable, in Swedish order',
          querystring: SsoOrganisationsQuery,
          response: { 200: SsoOrganisationList, ...problems(400) },
        },
      },
      async (req) => service.listSsoOrganisations(deps.db, req.query.q),
    );
  };
