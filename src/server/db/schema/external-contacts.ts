import { sql } from 'drizzle-orm';
import { date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from './column-types.ts';
import { technologies } from './mapping.ts';
import { networkMeetings } from './networks.ts';
import { organisations } from './organisations.ts';
import { users } from './people.ts';
import { procurements } from './procurements.ts';
import { suppliers } from './suppliers.ts';

/**
 * A region's or an association's contact with an external actor (issue 17): a supplier, Inera, the
 * region's health care, a university. Kept so that the next municipality with the same question finds
 * what was said. A meeting or market dialogue held as a group meeting links to it (`meeting_id`).
 * `actor_kind`: supplier, inera, region_health_care, university, authority, other.
 * `kind`: meeting, market_dialogue, call, email, visit, other.
 */
export const externalContacts = pgTable(
  'external_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorName: text('actor_name').notNull(),
    supplierId: uuid('supplier_id').references(() => suppliers.id, { onDelete: 'set null' }),
    meetingId: uuid('meeting_id').references(() => networkMeetings.id, { onDelete: 'set null' }),
    procurementId: uuid('procurement_id').references(() => procurements.id, { onDelete: 'set null' }),
    topic: text('topic').notNull(),
    outcome: text('outcome'),
    followUp: text('follow_up'),
    followUpOn: date('follow_up_on', { mode: 'string' }),
    followUpDoneAt: timestamp('follow_up_done_at', { withTimezone: true }),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('swedish', coalesce(topic, '') || ' ' || coalesce(actor_name, '')), 'A') || setweight(to_tsvector('swedish', coalesce(outcome, '') || ' ' || coalesce(follow_up, '')), 'B')`,
    ),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('external_contacts_owner_idx').on(t.ownerOrganisationId, t.occurredOn),
    index('external_contacts_search_idx').using('gin', t.searchVector),
    index('external_contacts_supplier_idx').on(t.supplierId),
  ],
);

export const externalContactTechnologies = pgTable(
  'external_contact_technologies',
  {
    contactId: uuid('contact_id')
      .notNull()
      .references(() => externalContacts.id, { onDelete: 'cascade' }),
    technologyId: uuid('technology_id')
      .notNull()
      .references(() => technologies.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.contactId, t.technologyId] }),
    index('external_contact_technologies_technology_idx').on(t.technologyId),
  ],
);

/** The municipalities a contact concerns. */
export const externalContactMunicipalities = pgTable(
  'external_contact_municipalities',
  {
    contactId: uuid('contact_id')
      .notNull()
      .references(() => externalContacts.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.contactId, t.municipalityId] }),
    index('external_contact_municipalities_municipality_idx').on(t.municipalityId),
  ],
);
