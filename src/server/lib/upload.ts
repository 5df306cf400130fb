import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** The uploaded file of a multipart request (field `file`), or a 400 that says one is needed. */
export async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  const missing = () => new AppError(400, 'file_required', [{ path: 'body.file', code: 'required' }]);
  if (!req.isMultipart()) throw missing();
  const file = await req.file();
  if (!file) throw missing();
  const buffer = await file.toBuffer();
  if (buffer.length === 0) throw missing();
  return buffer;
}
