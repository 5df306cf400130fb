import { integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './column-types.ts';
import { users } from './people.ts';

/**
 * The columns of an uploaded file kept in the database — a document, an attachment, a contract, a power
 * of attorney — after its type was checked by content (features/documents/document-file.ts). Each
 * table adds its own `check (size_bytes > 0)` under its own name.
 */
export const storedFileColumns = () => ({
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});
