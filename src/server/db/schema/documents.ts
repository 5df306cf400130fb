import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from './column-types.ts';
import { organisations } from './organisations.ts';
import { users } from './people.ts';
import { storedFileColumns } from './stored-file.ts';

/**
 * A governing document — policy, strategy, action plan, guideline, routine, mission statement, report —
 * at local, regional or national level. `body_text` is the text extracted from its uploaded file, so
 * that search finds words inside the document, stemmed in Swedish ("strategier" finds "strategi").
 */
export const governingDocuments = pgTable(
  'governing_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    /** The organisation that owns the document: a municipality, a region, an association or the nation. */
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    adoptedOn: date('adopted_on'),
    validUntil: date('valid_until'),
    reviewOn: date('review_on'),
    focusAreas: text('focus_areas').array().notNull().default(sql`'{}'::text[]`),
    summary: text('summary'),
    url: text('url'),
    bodyText: text('body_text'),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('swedish', coalesce(title, '')), 'A') || setweight(to_tsvector('swedish', coalesce(summary, '')), 'B') || setweight(to_tsvector('swedish', coalesce(body_text, '')), 'C')`,
    ),
    /**
     * Title and summary only: a small vector to find the documents that are about the words, among many
     * that merely mention them (see `searchDocuments`).
     */
    headVector: tsvector('head_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('swedish', coalesce(title, '')), 'A') || setweight(to_tsvector('swedish', coalesce(summary, '')), 'B')`,
    ),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('governing_documents_owner_idx').on(t.ownerOrganisationId),
    index('governing_documents_review_idx').on(t.reviewOn),
    index('governing_documents_search_idx').using('gin', t.searchVector),
    index('governing_documents_head_idx').using('gin', t.headVector),
    index('governing_documents_adopted_idx').on(t.adoptedOn.desc().nullsLast(), t.id),
  ],
);

/** The uploaded file of a document (PDF, DOCX or ODT, type checked by content), kept in the database. */
export const documentFiles = pgTable(
  'document_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .unique()
      .references(() => governingDocuments.id, { onDelete: 'cascade' }),
    ...storedFileColumns(),
  },
  (t) => [check('document_files_size_ck', sql`${t.sizeBytes} > 0`)],
);
