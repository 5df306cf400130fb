import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { users } from './people.ts';

/**
 * A network, reference group, steering group or project group. A group that should have representatives
 * from every municipality in an area (`coverage_organisation_id`, e.g. a region) names how many
 * (`representatives_min`–`representatives_max`), so that the municipalities without one show.
 */
export const networks = pgTable(
  'networks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    purpose: text('purpose'),
    coverageOrganisationId: uuid('coverage_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    representativesMin: smallint('representatives_min'),
    representativesMax: smallint('representatives_max'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('networks_owner_idx').on(t.ownerOrganisationId),
    uniqueIndex('networks_owner_name_uq').on(t.ownerOrganisationId, t.name),
  ],
);

/**
 * A member: a user of the platform or a named external person (with an e-mail address for invitations),
 * with the organisation they represent and their role in the group. An invited member stays `invited`
 * until they accept the e-mailed invitation.
 */
export const networkMembers = pgTable(
  'network_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    externalName: text('external_name'),
    email: text('email'),
    representsOrganisationId: uuid('represents_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    /** For an external person whose organisation is not on the platform (a company, a university). */
    representsName: text('represents_name'),
    roleInGroup: text('role_in_group').notNull(),
    status: text('status').notNull().default('active'),
    /** SHA-256 of the invitation token; the token itself is only in the e-mail. */
    invitationTokenHash: text('invitation_token_hash'),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('network_members_network_idx').on(t.networkId),
    index('network_members_represents_idx').on(t.representsOrganisationId),
    uniqueIndex('network_members_user_uq').on(t.networkId, t.userId),
    uniqueIndex('network_members_token_uq').on(t.invitationTokenHash),
    check('network_members_who_ck', sql`${t.userId} is not null or ${t.externalName} is not null`),
  ],
);

/**
 * A meeting of a group (agenda, minutes, decisions, attendance), or an open event — a conference or a
 * webinar, on site and/or online — with a registration page and a capacity.
 */
export const networkMeetings = pgTable(
  'network_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    location: text('location'),
    onlineUrl: text('online_url'),
    agenda: text('agenda'),
    minutes: text('minutes'),
    decisions: text('decisions').array().notNull().default(sql`'{}'::text[]`),
    isOpenEvent: boolean('is_open_event').notNull().default(false),
    description: text('description'),
    capacity: integer('capacity'),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('network_meetings_network_idx').on(t.networkId, t.startsAt)],
);

/** Who of the group's members attended a meeting. */
export const networkMeetingAttendance = pgTable(
  'network_meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => networkMeetings.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => networkMembers.id, { onDelete: 'cascade' }),
    present: boolean('present').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })],
);

/** A registration for an open event; anyone may register with a name and an e-mail address. */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => networkMeetings.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    organisationName: text('organisation_name'),
    /** `on_site` or `online`, for an event that is both. */
    attendance: text('attendance').notNull().default('on_site'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('event_registrations_meeting_idx').on(t.meetingId),
    uniqueIndex('event_registrations_email_uq').on(t.meetingId, sql`lower(${t.email})`),
  ],
);
