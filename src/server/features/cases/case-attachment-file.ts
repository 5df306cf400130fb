import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { caseAttachmentTypes } from '../../../shared/contracts/cases.ts';
import { DOCUMENT_MAX_BYTES } from '../../../shared/contracts/documents.ts';
import { AppError } from '../../lib/errors.ts';
import { uploadedFileName } from '../../lib/file-names.ts';
import { inspectDocumentFile } from '../documents/document-file.ts';

export interface InspectedAttachment {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
}

const imageTypes: Record<string, string> = { png: caseAttachmentTypes.png, jpg: caseAttachmentTypes.jpg };

const refuse = (status: number, code: 'attachment_type_not_allowed' | 'document_content_mismatch') =>
  new AppError(status, code, [{ path: 'body.file', code }]);

/**
 * Checks an attachment by its content. Documents (PDF, DOCX, ODT) go through the governing documents'
 * check — programs, damaged files and zip bombs are refused there; photos (PNG, JPEG) are recognised
 * here. Anything else is refused before anything is written.
 */
export async function inspectAttachment(content: Buffer, originalName: string): Promise<InspectedAttachment> {
  if (content.length > DOCUMENT_MAX_BYTES)
    throw new AppError(413, 'document_too_large', [{ path: 'body.file', code: 'document_too_large' }]);
  const detected = await fileTypeFromBuffer(content);
  const claimed = path.extname(originalName).slice(1).toLowerCase().replace('jpeg', 'jpg');
  if (detected && imageTypes[detected.ext]) {
    return {
      fileName: uploadedFileName(originalName, detected.ext, 'bild'),
      mediaType: imageTypes[detected.ext]!,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    };
  }
  if (!detected && claimed in imageTypes) throw refuse(415, 'document_content_mismatch');
  try {
    const { text: _text, ...file } = await inspectDocumentFile(content, originalName);
    return file;
  } catch (err) {
    // The documents' message names only their three types; attachments take images too.
    if (err instanceof AppError && err.code === 'document_type_not_allowed')
      throw refuse(415, 'attachment_type_not_allowed');
    throw err;
  }
}
