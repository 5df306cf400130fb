import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { DOCUMENT_MAX_BYTES, DocumentFields } from '../../../shared/contracts/documents.ts';
import { issueCode } from '../../../shared/i18n/issue-code.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { refuseNul } from '../../plugins/nul-in-body.ts';
import type { Upload } from './documents.service.ts';

const tooLarge = () =>
  new AppError(413, 'document_too_large', [{ path: 'body.file', code: 'document_too_large' }]);

/** Reads a file part with the document limit (tighter limits than the app-wide one belong here, per route). */
async function readFilePart(part: { toBuffer(): Promise<Buffer>; filename: string }): Promise<Upload | null> {
  try {
    const content = await part.toBuffer();
    return content.length ? { content, fileName: part.filename || 'dokument' } : null;
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
}

/**
 * The metadata fields and optional `file` of a multipart request. Repeated `focusAreas` fields make the
 * list; empty optional fields mean "none".
 */
async function readMultipart(req: FastifyRequest) {
  const values: Record<string, string[]> = {};
  let upload: Upload | null = null;
  for await (const part of req.parts({ limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 40 } })) {
    if (part.type === 'file') {
      if (part.fieldname === 'file') upload = await readFilePart(part);
      else await part.toBuffer();
    } else if (typeof part.value === 'string') {
      values[part.fieldname] = [...(values[part.fieldname] ?? []), part.value];
    }
  }
  const one = (k: string) => {
    const v = values[k]?.[0]?.trim();
    return v ? v : undefined;
  };
  const orNull = (k: string) => one(k) ?? null;
  const fields = {
    title: one('title'),
    kind: one('kind'),
    level: one('level'),
    ownerOrganisationId: one('ownerOrganisationId'),
    status: one('status'),
    adoptedOn: orNull('adoptedOn'),
    validUntil: orNull('validUntil'),
    reviewOn: orNull('reviewOn'),
    focusAreas: (values.focusAreas ?? []).map((v) => v.trim()).filter(Boolean),
    summary: orNull('summary'),
    url: orNull('url'),
  };
  return { fields, upload };
}

/** The same codes as the JSON endpoints and the browser forms (the issues carry their input for it). */
function issueToFieldError(issue: z.core.$ZodIssue): FieldError {
  return {
    path: ['body', ...issue.path.map(String)].join('.'),
    code: issueCode(issue, { value: issue.input }),
  };
}

/**
 * A new document from either multipart/form-data (metadata fields and an optional `file`) or JSON
 * (metadata only). Both are validated by the same contract, with the same field errors.
 */
export async function readNewDocument(
  req: FastifyRequest,
): Promise<{ fields: DocumentFields; upload: Upload | null }> {
  const { fields, upload } = req.isMultipart()
    ? await readMultipart(req)
    : { fields: req.body, upload: null };
  refuseNul(fields);
  const parsed = DocumentFields.safeParse(fields ?? {}, { reportInput: true });
  if (!parsed.success)
    throw new AppError(400, 'validation_failed', parsed.error.issues.map(issueToFieldError));
  return { fields: parsed.data, upload };
}

/** The `file` of a multipart request with the document limit, or a 400 that asks for one. */
export async function readDocumentFile(req: FastifyRequest): Promise<Upload> {
  const missing = () => new AppError(400, 'file_required', [{ path: 'body.file', code: 'required' }]);
  if (!req.isMultipart()) throw missing();
  const part = await req.file({ limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1 } });
  if (!part) throw missing();
  const upload = await readFilePart(part);
  if (!upload) throw missing();
  return upload;
}
