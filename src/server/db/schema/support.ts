import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { technologies } from './mapping.ts';
import { organisations } from './organisations.ts';
import { users } from './people.ts';
import { storedFileColumns } from './stored-file.ts';

/**
 * Support a region or an association offers its municipalities (issue 17), mapped to one of the four
 * support needs of the maturity template so that a municipality's ranked needs lead to it.
 */
export const supportOffers = pgTable(
  'support_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerOrganisationId: uuid('provider_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** SupportOfferKind: advice, procurement_help, training, stimulus_application, evaluation. */
    kind: text('kind').notNull(),
    /** SupportNeedKey of the default assessment template. */
    need: text('need').notNull(),
    /** The provider's promise: a first answer within this many working days. */
    responseDays: integer('response_days').notNull(),
    /** active or closed (no new requests; old ones keep their link). */
    status: text('status').notNull().default('active'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_offers_provider_idx').on(t.providerOrganisationId, t.status),
    check('support_offers_response_days_ck', sql`${t.responseDays} between 1 and 60`),
  ],
);

/** A municipality's request for support to its region or one of its associations. */
export const supportRequests = pgTable(
  'support_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    providerOrganisationId: uuid('provider_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    offerId: uuid('offer_id').references(() => supportOffers.id, { onDelete: 'set null' }),
    need: text('need').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** low, normal, high. */
    urgency: text('urgency').notNull().default('normal'),
    /** new, assigned, answered, waiting (for the municipality), closed. */
    status: text('status').notNull().default('new'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The provider's first message: the response time measured against the offer's target. */
    firstAnswerAt: timestamp('first_answer_at', { withTimezone: true }),
    /** The provider's latest message, compared with `municipality_read_at` for "answers to read". */
    lastAnswerAt: timestamp('last_answer_at', { withTimezone: true }),
    municipalityReadAt: timestamp('municipality_read_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('support_requests_provider_idx').on(t.providerOrganisationId, t.status, t.createdAt),
    index('support_requests_municipality_idx').on(t.municipalityId, t.createdAt),
  ],
);

export const supportRequestTechnologies = pgTable(
  'support_request_technologies',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => supportRequests.id, { onDelete: 'cascade' }),
    technologyId: uuid('technology_id')
      .notNull()
      .references(() => technologies.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.technologyId] })],
);

/**
 * The request's history as both sides see it: messages from either side, assignments and status
 * changes, in order. Nothing here is edited or deleted (except by erasure of a person).
 */
export const supportRequestEvents = pgTable(
  'support_request_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => supportRequests.id, { onDelete: 'cascade' }),
    /** message, assigned, status. */
    kind: text('kind').notNull(),
    /** municipality or provider: which side wrote or acted. */
    side: text('side').notNull(),
    body: text('body'),
    status: text('status'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('support_request_events_request_idx').on(t.requestId, t.createdAt)],
);

/** Files attached to a request, checked by content like the knowledge bank's attachments. */
export const supportRequestAttachments = pgTable(
  'support_request_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => supportRequests.id, { onDelete: 'cascade' }),
    ...storedFileColumns(),
  },
  (t) => [
    index('support_request_attachments_request_idx').on(t.requestId),
    check('support_request_attachments_size_ck', sql`${t.sizeBytes} > 0`),
  ],
);
