import type { FastifyInstance } from 'fastify';

/**
 * Answers under /api/v1 carry personal data, so no browser or proxy may keep them: `no-store`, unless
 * the route chose its own caching because its answer is public or fixed per version and revalidated by
 * ETag (a published course version, municipality borders, the municipality list). Open data under
 * /api/open/v1 and the OpenAPI document live outside this scope and keep their own headers.
 */
export function registerNoStore(api: FastifyInstance) {
  api.addHook('onSend', async (_req, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
