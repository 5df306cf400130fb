import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './column-types.ts';
import { organisations } from './organisations.ts';
import { users } from './people.ts';

/**
 * The LRS's documents (xAPI Communication §2.2–2.6): activity state, activity profiles and agent
 * profiles. `organisation_id` is the organisation of the client that wrote it, which bounds who may read
 * it; `user_id` links a document about one of our people, so that erasing the person erases it.
 */
export const xapiDocuments = pgTable(
  'xapi_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['state', 'activity_profile', 'agent_profile'] }).notNull(),
    /** State and activity profile; '' for an agent profile. */
    activityId: text('activity_id').notNull().default(''),
    /** Key of the agent (agent-keys.ts) of a state or agent profile; '' for an activity profile. */
    agentKey: text('agent_key').notNull().default(''),
    /** The agent as sent, for the agents resource. */
    agent: jsonb('agent'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** '' when the state has no registration. */
    registration: text('registration').notNull().default(''),
    documentId: text('document_id').notNull(),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
    /** Quoted SHA-1 of the content, as sent in `ETag`. */
    etag: text('etag').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('xapi_documents_key_uq').on(
      t.organisationId,
      t.kind,
      t.activityId,
      t.agentKey,
      t.registration,
      t.documentId,
    ),
    index('xapi_documents_user_idx').on(t.userId),
  ],
);

/** The canonical definition of each activity an organisation's statements defined (xAPI Data §2.4.4.1). */
export const xapiActivities = pgTable(
  'xapi_activities',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    activityId: text('activity_id').notNull(),
    definition: jsonb('definition').notNull().default(sql`'{}'::jsonb`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.activityId] })],
);

/**
 * Statement attachments' raw content, addressed by their SHA-256 (the `sha2` a statement names). The same
 * bytes are the same attachment whoever sent them; a signature's JWS is kept byte for byte.
 */
export const xapiAttachments = pgTable('xapi_attachments', {
  sha2: text('sha2').primaryKey(),
  contentType: text('content_type').notNull(),
  length: integer('length').notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
