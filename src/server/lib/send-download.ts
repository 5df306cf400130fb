import type { FastifyReply } from 'fastify';
import { attachmentDisposition } from './file-names.ts';

/**
 * Sends a generated file (an export, a PDF) as a download that is never cached: it holds what the
 * caller may see now. The route's response schema describes JSON, so the Buffer goes past the
 * serialiser as it is.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { body: Buffer; fileName: string; type: string },
  /** An ASCII name for clients that cannot read the real one. */
  fallback: string,
) {
  return reply
    .type(file.type)
    .header('content-disposition', attachmentDisposition(file.fileName, fallback))
    .header('cache-control', 'no-store')
    .send(file.body as never);
}
