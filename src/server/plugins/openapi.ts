import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { Config } from '../config.ts';
import { contractComponentNames, registerContractComponents } from '../lib/openapi/components.ts';
import { documentTransform } from '../lib/openapi/document-transform.ts';
import { routeTransform } from '../lib/openapi/route-transform.ts';
import { openApiSecuritySchemes } from './openapi-security.ts';

/**
 * The OpenAPI 3.1 document at /api/openapi.json (and its viewer at /api/docs), made from the routes'
 * zod contracts: operationIds, named contract components, problem+json errors, uploads and files
 * (lib/openapi). Registered before the routes, so that it sees each of them.
 */
export async function registerOpenApi(app: FastifyInstance, config: Pick<Config, 'publicUrl'>) {
  const names = await contractComponentNames();
  const routeSchemas: FastifySchema[] = [];
  app.addHook('onRoute', (route) => {
    if (route.schema) routeSchemas.push(route.schema);
  });
  // Before the first request can ask for the document, and after every route is known.
  app.addHook('onReady', async () => registerContractComponents(names, routeSchemas));

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Välfärdsnavet API',
        version: '1.0.0',
        description:
          'REST API of Välfärdsnavet. Log in with POST /api/v1/auth/login (session cookie). Every state-changing ' +
          'request needs the token from GET /api/v1/auth/csrf in the X-CSRF-Token header. Errors are RFC 9457 ' +
          'problem+json with a stable `code`. Systems use an API client instead (OAuth 2.0 client credentials): ' +
          'POST /oauth/token, then `Authorization: Bearer <token>` — no cookie and no CSRF token.',
      },
      servers: [{ url: config.publicUrl }],
      components: { securitySchemes: openApiSecuritySchemes },
      // A person's session cookie, or an API client's bearer token (issue 15).
      security: [{ session: [] }, { oauth2: [] }, { bearer: [] }],
    },
    transform: routeTransform,
    transformObject: documentTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
