import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from './column-types.ts';
import { organisations } from './organisations.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /**
     * Stored lower-cased; the unique index makes "same e-mail → same person". Empty for care staff
     * without a work e-mail, who sign in with a username and a passkey or password (issue 15).
     */
    email: text('email'),
    /** Lower-cased login name for people without e-mail (or their employee number). */
    username: text('username'),
    /** The employer's employee number, from SSO, SCIM or the manager who created the account. */
    employeeNumber: text('employee_number'),
    name: text('name').notNull(),
    /**
     * Byte order of this key is Swedish alphabetical order (å, ä, ö after z; é as e; ü as y), so lists
     * can be sorted and paginated in SQL. The migration gives the column COLLATE "C" so byte order holds
     * on any PostgreSQL, whatever its default collation (drizzle-kit cannot express the collation).
     */
    sortName: text('sort_name')
      .notNull()
      .generatedAlwaysAs(sql`translate(lower(name), 'ÅÄÖåäöÉÈÊËéèêëÜüÁÀáàÆæØø', '{|}{|}eeeeeeeeyyaaaa||}}')`),
    /**
     * Every word of name, e-mail, login name and employee number, for people search by word prefix
     * ('simple': names are not stemmed). Generated, so erasure empties it with the columns it reads.
     */
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(username, '') || ' ' || coalesce(employee_number, ''))`,
    ),
    preferredLanguage: text('preferred_language', { enum: ['sv', 'en'] })
      .notNull()
      .default('sv'),
    /**
     * The language the person reads courses in (a content language tag such as 'ar' or 'sv-x-plain'),
     * separate from the interface language; null until chosen, then courses follow the interface language.
     */
    courseLanguage: text('course_language'),
    gender: text('gender', { enum: ['woman', 'man', 'other', 'not_stated'] }),
    passwordHash: text('password_hash'),
    status: text('status', { enum: ['active', 'invited', 'disabled'] })
      .notNull()
      .default('invited'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(t.email),
    uniqueIndex('users_username_uq').on(t.username),
    index('users_sort_name_idx').on(t.sortName, t.id),
    index('users_search_idx').using('gin', t.searchVector),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', {
      enum: ['staff', 'manager', 'municipal_coordinator', 'regional_coordinator', 'national_admin'],
    }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Copies kept by database triggers (migration 0004) so member lists page through an index: the
     * person's sort key, and the municipality the organisation lies in (itself, or a unit's parent).
     */
    sortName: text('sort_name').notNull().default(''),
    municipalityId: uuid('municipality_id'),
  },
  (t) => [
    uniqueIndex('memberships_user_org_role_uq').on(t.userId, t.organisationId, t.role),
    index('memberships_org_idx').on(t.organisationId, t.id),
    index('memberships_org_sort_idx').on(t.organisationId, t.sortName, t.id),
    index('memberships_municipality_sort_idx').on(t.municipalityId, t.sortName, t.id),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('invitations_token_uq').on(t.tokenHash)],
);
