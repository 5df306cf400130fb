import { type SQL, sql } from 'drizzle-orm';

/**
 * The one register of personal data (GDPR): every table and column that holds something about a
 * person, how a row is tied to the person, what the export (art. 15) shows of it and what erasure
 * (art. 17) does to it. `personal-data-run.ts` runs both from this list; a test fails when the live
 * schema has a column that looks personal and is neither here nor in `NOT_PERSONAL` below.
 *
 * Erasure keeps the `users` row as a tombstone ("Borttagen person", `erased-<id>@invalid`, no
 * password), so that columns which only say who did something (`created_by`, `changed_by`, the audit
 * log's actor) keep pointing at an account that names nobody (`keep`). What is about the person —
 * sessions, memberships, contact details, free text, her name on certificates — is deleted, nulled or
 * scrubbed. Learning progress stays as anonymous figures so that programme reports given to funders
 * stay true; the name on a certificate goes (the public check says it is valid for an erased holder).
 */

export interface Person {
  id: string;
  email: string | null;
  name: string;
}

/** How a row is tied to the person; an entry's conditions are OR'ed. */
export type Tie =
  /** The column holds the person's user id. */
  | { user: string }
  /** The column holds the person's e-mail address (any case). */
  | { email: string }
  /**
   * The column holds the person's name as typed by someone (any case, outer blanks ignored) and the
   * row's e-mail column `email`, if given, is empty: a namesake with another address is someone else.
   */
  | { name: string; email?: string }
  /** The column holds one of the person's enrolments. */
  | { enrolment: string }
  /** The jsonb column has the person's user id at `path` (a top-level key). */
  | { jsonUser: string; path: string }
  /** A text or jsonb column whose free text mentions the person's name or e-mail address. */
  | { mentions: string }
  /** The audit entries whose subject is the person's account. */
  | { auditOfUser: true };

/** What erasure does with the tied rows. */
export type Erasure =
  | { delete: true }
  /** Nothing: the id now names the anonymised account (see above), or the row is anonymous figures. */
  | { keep: string }
  /** Set columns: null, a value, or an SQL expression. */
  | { set: Record<string, SQL | string | boolean | number | null> }
  /** Replace the person's name and e-mail address wherever they occur in the `mentions` columns. */
  | { scrub: true };

export interface PersonalDataEntry {
  /** Unique; the export's section name and the erasure result's key. */
  key: string;
  table: string;
  /** Every personal column of `table` this entry answers for (the schema guard test checks these). */
  columns: string[];
  tiedBy: Tie[];
  /** The columns the export shows of each tied row (at least one). */
  show: string[];
  erase: Erasure;
}

/** What replaces the person's name and e-mail address in free text. */
export const ERASED_NAME = 'Borttagen person';
export const ERASED_EMAIL = 'borttagen@invalid';

const keepAuthor = { keep: 'who did it: the id now names the anonymised account' } as const;

/** `who did it` columns on organisational records: shown in the export, kept by erasure. */
function authored(table: string, columns: string[], show: string[]): PersonalDataEntry {
  return {
    key: `${table}.${columns.join('+')}`,
    table,
    columns,
    tiedBy: columns.map((user) => ({ user })),
    show: [...show, ...columns],
    erase: keepAuthor,
  };
}

export const personalData: PersonalDataEntry[] = [
  // Accounts and access.
  {
    key: 'sessions',
    table: 'sessions',
    columns: ['user_id', 'user_agent'],
    tiedBy: [{ user: 'user_id' }],
    show: ['id', 'user_agent', 'created_at', 'last_seen_at', 'expires_at', 'revoked_at'],
    erase: { delete: true },
  },
  {
    // When the person last opened the start page (for "new since your last visit").
    key: 'start_visits',
    table: 'start_visits',
    columns: ['user_id'],
    tiedBy: [{ user: 'user_id' }],
    show: ['seen_at', 'previous_seen_at'],
    erase: { delete: true },
  },
  {
    key: 'password_resets',
    table: 'password_resets',
    columns: ['user_id'],
    tiedBy: [{ user: 'user_id' }],
    show: ['created_at', 'expires_at', 'used_at'],
    erase: { delete: true },
  },
  {
    key: 'account_unlocks',
    table: 'account_unlocks',
    columns: ['user_id'],
    tiedBy: [{ user: 'user_id' }],
    show: ['created_at', 'expires_at', 'used_at'],
    erase: { delete: true },
  },
  {
    key: 'invitations',
    table: 'invitations',
    columns: ['user_id'],
    tiedBy: [{ user: 'user_id' }],
    show: ['organisation_id', 'role', 'created_at', 'expires_at', 'accepted_at'],
    erase: { delete: true },
  },
  authored('invitations', ['invited_by'], ['id', 'organisation_id', 'role', 'created_at']),
  // Sign-in with the organisation's identity, passkeys and second factors (issue 15).
  {
    key: 'user_identities',
    table: 'user_identities',
    columns: ['user_id', 'subject'],
    tiedBy: [{ user: 'user_id' }],
    show: ['identity_provider_id', 'subject', 'created_at', 'last_login_at'],
    erase: { delete: true },
  },
  {
    key: 'identity_provider_memberships',
    table: 'identity_provider_memberships',
    columns: ['user_id'],
    tiedBy: [{ user: 'user_id' }],
    show: ['membership_id', 'identity_provider_id'],
    erase: { delete: true },
  },
  {
    key: 'scim_users',
    table: 'scim_users',
    columns: ['user_id', 'user_name', 'external_id', 'given_name', 'family_name', 'department'],
    tiedBy: [{ user: 'user_id' }],
    show: [
      'organisation_id',
      'user_name',
      'external_id',
      'given_name',
      'family_name',
      'department',
      'active',
      'created_at',
      'updated_at',
    ],
    erase: { delete: true },
  },
  {
    key: 'scim_group_members',
    table: 'scim_group_members',
    columns: ['user_id'],
    tiedBy: [{ user: 'user_id' }],
    show: ['group_id'],
    erase: { delete: true },
  },
  {
    key: 'passkeys',
    table: 'passkeys',
    columns: ['user_id', 'name', 'credential_id', 'public_key'],
    tiedBy: [{ user: 'user_id' }],
    show: ['id', 'name', 'device_type', 'backed_up', 'created_at', 'last_used_at'],
    erase: { delete: true },
  },
  {
    key: 'auth_challenges',
    table: 'auth_challenges',
    columns: ['user_id'],
    tiedBy: [{ user: 'user_id' }],
    show: ['purpose', 'created_at', 'expires_at'],
    erase: { delete: true },
  },
  {
    key: 'totp_secrets',
    table: 'totp_secrets',
    columns: ['user_id', 'secret_enc'],
    tiedBy: [{ user: 'user_id' }],
    show: ['created_at', 'confirmed_at'],
    erase: { delete: true },
  },
  {
    key: 'recovery_codes',
    table: 'recovery_codes',
    columns: ['user_id'],
    tiedBy: [{ user: 'user_id' }],
    show: ['created_at', 'used_at'],
    erase: { delete: true },
  },
  {
    key: 'activation_codes',
    table: 'activation_codes',
    columns: ['user_id'],
    tiedBy: [{ user: 'user_id' }],
    show: ['organisation_id', 'created_at', 'expires_at', 'used_at', 'revoked_at'],
    erase: { delete: true },
  },
  authored('activation_codes', ['created_by'], ['id', 'organisation_id', 'created_at']),
  authored('identity_providers', ['created_by'], ['id', 'organisation_id', 'name', 'created_at']),
  authored('scim_tokens', ['created_by'], ['id', 'organisation_id', 'name', 'created_at']),
  authored('api_clients', ['created_by'], ['id', 'organisation_id', 'name', 'created_at']),
  {
    key: 'memberships',
    table: 'memberships',
    columns: ['user_id', 'sort_name'],
    tiedBy: [{ user: 'user_id' }],
    show: ['id', 'organisation_id', 'role', 'created_at'],
    erase: { delete: true },
  },

  // Learning: the person's own records.
  {
    key: 'enrolments',
    table: 'enrolments',
    columns: ['user_id'],
    tiedBy: [{ user: 'user_id' }],
    show: [
      'id',
      'course_id',
      'programme_id',
      'organisation_id',
      'enrolled_at',
      'started_at',
      'last_activity_at',
      'completed_at',
      'items_completed',
      'seconds_spent',
    ],
    erase: { keep: 'anonymous progress: programme reports given to funders stay true' },
  },
  authored('enrolments', ['enrolled_by'], ['id', 'course_id', 'enrolled_at']),
  {
    key: 'enrolment_items',
    table: 'enrolment_items',
    columns: ['enrolment_id'],
    tiedBy: [{ enrolment: 'enrolment_id' }],
    show: ['enrolment_id', 'item', 'completed_at', 'score'],
    erase: { keep: 'anonymous progress of an anonymous enrolment' },
  },
  {
    key: 'enrolment_months',
    table: 'enrolment_months',
    columns: ['enrolment_id'],
    tiedBy: [{ enrolment: 'enrolment_id' }],
    show: ['enrolment_id', 'month', 'statements', 'seconds'],
    erase: { keep: 'anonymous monthly figures of an anonymous enrolment' },
  },
  {
    key: 'learning_statements',
    table: 'learning_statements',
    columns: ['user_id', 'result', 'context'],
    tiedBy: [{ user: 'user_id' }],
    show: [
      'id',
      'verb',
      'object_id',
      'course_id',
      'enrolment_id',
      'result',
      'context',
      'timestamp',
      'stored',
    ],
    erase: { keep: 'anonymous learning records: answers and scores, no name or address' },
  },
  {
    key: 'certificates',
    table: 'certificates',
    columns: ['learner_name'],
    tiedBy: [{ enrolment: 'enrolment_id' }],
    show: ['code', 'enrolment_id', 'learner_name', 'course_title', 'issuer', 'issued_at'],
    // Still verifiable as valid, but for a holder whose name has been erased.
    erase: { set: { learner_name: null } },
  },
  {
    key: 'module_feedback',
    table: 'module_feedback',
    columns: ['comment'],
    tiedBy: [{ enrolment: 'enrolment_id' }],
    show: ['enrolment_id', 'course_id', 'module_key', 'rating', 'comment', 'updated_at'],
    // The rating stays as an anonymous figure; her words go.
    erase: { set: { comment: null } },
  },
  {
    key: 'study_group_members',
    table: 'study_group_members',
    columns: ['user_id'],
    tiedBy: [{ user: 'user_id' }],
    show: ['group_id', 'enrolment_id', 'added_at'],
    erase: { delete: true },
  },
  {
    key: 'study_group_attendance',
    table: 'study_group_attendance',
    columns: ['user_id'],
    tiedBy: [{ user: 'user_id' }],
    show: ['meeting_id', 'statement_id'],
    erase: { keep: "a meeting's head count, for the anonymised account" },
  },
  authored('study_groups', ['created_by'], ['id', 'name', 'created_at']),
  authored(
    'study_group_meetings',
    ['created_by', 'attendance_recorded_by', 'cancelled_by', 'changed_by'],
    ['id', 'group_id', 'starts_at'],
  ),
  {
    key: 'learning_reminders',
    table: 'learning_reminders',
    columns: ['user_id'],
    tiedBy: [{ user: 'user_id' }],
    show: ['id', 'sent_at'],
    erase: { delete: true },
  },
  authored('learning_reminders', ['sent_by'], ['id', 'sent_at']),
  authored('course_versions', ['published_by'], ['course_id', 'version', 'published_at']),
  authored('programmes', ['created_by'], ['id', 'name', 'created_at']),

  // Networks and events.
  {
    key: 'network_members',
    table: 'network_members',
    columns: ['user_id', 'external_name', 'email', 'represents_name'],
    tiedBy: [{ user: 'user_id' }, { email: 'email' }],
    show: [
      'id',
      'network_id',
      'external_name',
      'email',
      'represents_name',
      'role_in_group',
      'status',
      'joined_at',
    ],
    erase: { delete: true },
  },
  {
    key: 'event_registrations',
    table: 'event_registrations',
    columns: ['user_id', 'name', 'email', 'organisation_name'],
    tiedBy: [{ user: 'user_id' }, { email: 'email' }],
    show: [
      'id',
      'meeting_id',
      'name',
      'email',
      'organisation_name',
      'attendance',
      'registered_at',
      'cancelled_at',
    ],
    erase: { delete: true },
  },
  authored('networks', ['created_by'], ['id', 'name', 'created_at']),
  authored('network_meetings', ['created_by'], ['id', 'network_id', 'title', 'starts_at']),

  // Assessments.
  {
    key: 'assessment_answers',
    table: 'assessment_answers',
    columns: ['updated_by'],
    tiedBy: [{ user: 'updated_by' }],
    show: ['round_id', 'municipality_id', 'question_key', 'value', 'comment', 'evidence_url', 'updated_at'],
    erase: keepAuthor,
  },
  {
    key: 'assessment_answer_history',
    table: 'assessment_answer_history',
    columns: ['changed_by'],
    tiedBy: [{ user: 'changed_by' }],
    show: ['id', 'round_id', 'municipality_id', 'question_key', 'changed_at', 'before', 'after'],
    erase: keepAuthor,
  },
  authored('assessment_sheets', ['submitted_by'], ['round_id', 'municipality_id', 'status', 'submitted_at']),
  authored('assessment_templates', ['created_by'], ['id', 'key', 'created_at']),
  authored(
    'assessment_template_versions',
    ['published_by'],
    ['id', 'template_id', 'version', 'published_at'],
  ),
  authored('assessment_rounds', ['created_by'], ['id', 'name', 'created_at']),

  // Initiatives, plans and needs.
  {
    key: 'initiatives.responsible',
    table: 'initiatives',
    columns: ['responsible_user_id', 'responsible_name'],
    tiedBy: [{ user: 'responsible_user_id' }, { name: 'responsible_name' }],
    show: ['id', 'title', 'responsible_name'],
    // Nobody answers for it any more: the owner sees that one must be named.
    erase: { set: { responsible_user_id: null, responsible_name: null } },
  },
  authored('initiatives', ['created_by'], ['id', 'title', 'created_at']),
  authored('initiative_history', ['changed_by'], ['id', 'initiative_id', 'valid_from']),
  authored(
    'initiative_checklist_items',
    ['updated_by'],
    ['initiative_id', 'phase', 'item_key', 'updated_at'],
  ),
  authored('benefit_indicators', ['created_by'], ['id', 'initiative_id', 'name', 'created_at']),
  authored('benefit_measurements', ['created_by'], ['id', 'indicator_id', 'measured_on', 'created_at']),
  authored('action_plans', ['created_by'], ['id', 'title', 'created_at']),
  authored(
    'action_plan_items',
    ['changed_by', 'closed_by'],
    ['id', 'plan_id', 'initiative_id', 'valid_from'],
  ),
  authored('needs', ['created_by', 'decided_by'], ['id', 'title', 'created_at']),
  authored('need_endorsements', ['endorsed_by'], ['need_id', 'municipality_id', 'endorsed_at']),

  // Knowledge bank, documents and reports.
  {
    key: 'cases.contact',
    table: 'cases',
    columns: ['contact_name', 'contact_title', 'contact_email', 'contact_phone', 'contact_consent'],
    tiedBy: [{ email: 'contact_email' }, { name: 'contact_name', email: 'contact_email' }],
    show: ['id', 'title', 'contact_name', 'contact_title', 'contact_phone', 'contact_consent'],
    erase: {
      set: {
        contact_name: null,
        contact_title: null,
        contact_email: null,
        contact_phone: null,
        contact_consent: false,
        updated_at: sql`now()`,
      },
    },
  },
  authored('cases', ['created_by', 'updated_by', 'reviewed_by'], ['id', 'title', 'created_at']),
  authored('case_attachments', ['uploaded_by'], ['id', 'case_id', 'file_name', 'uploaded_at']),
  authored('definition_versions', ['created_by'], ['definition_id', 'version', 'created_at']),
  authored('governing_documents', ['created_by', 'updated_by'], ['id', 'title', 'created_at']),
  authored('document_files', ['uploaded_by'], ['id', 'document_id', 'file_name', 'uploaded_at']),
  authored('steering_reports', ['created_by', 'updated_by', 'issued_by'], ['id', 'title', 'created_at']),

  // Technology adoption.
  {
    key: 'technology_adoptions.contact',
    table: 'technology_adoptions',
    columns: ['contact_name', 'contact_email'],
    tiedBy: [{ email: 'contact_email' }, { name: 'contact_name', email: 'contact_email' }],
    show: ['municipality_id', 'technology_id', 'contact_name', 'contact_email', 'updated_at'],
    erase: { set: { contact_name: null, contact_email: null } },
  },
  authored('technology_adoptions', ['updated_by'], ['municipality_id', 'technology_id', 'updated_at']),
  {
    key: 'technology_adoption_history.mentions',
    table: 'technology_adoption_history',
    columns: ['before', 'after'],
    tiedBy: [{ mentions: 'before' }, { mentions: 'after' }],
    show: ['id', 'municipality_id', 'technology_id', 'changed_at'],
    erase: { scrub: true },
  },
  authored(
    'technology_adoption_history',
    ['changed_by'],
    ['id', 'municipality_id', 'technology_id', 'changed_at'],
  ),

  // Imports, mail and the audit log.
  {
    key: 'import_jobs.rows',
    table: 'import_jobs',
    columns: ['rows'],
    tiedBy: [{ mentions: 'rows' }],
    show: ['id', 'organisation_id', 'status', 'created_at'],
    erase: { scrub: true },
  },
  authored('import_jobs', ['created_by'], ['id', 'organisation_id', 'status', 'created_at']),
  {
    key: 'outbox.to',
    table: 'outbox',
    columns: ['to'],
    tiedBy: [{ email: 'to' }],
    show: ['id', 'subject', 'text', 'created_at', 'sent_at'],
    erase: { delete: true },
  },
  {
    key: 'outbox.reply_to',
    table: 'outbox',
    columns: ['reply_to'],
    tiedBy: [{ email: 'reply_to' }],
    show: ['id', 'subject', 'created_at'],
    erase: { set: { reply_to: null } },
  },
  {
    key: 'outbox.mentions',
    table: 'outbox',
    columns: ['subject', 'text'],
    tiedBy: [{ mentions: 'subject' }, { mentions: 'text' }],
    show: ['id', 'created_at'],
    erase: { scrub: true },
  },
  {
    key: 'audit_log.actor',
    table: 'audit_log',
    columns: ['actor_id'],
    tiedBy: [{ user: 'actor_id' }],
    show: ['id', 'at', 'action', 'entity_type', 'entity_id'],
    erase: { keep: 'the audit log says who did what: the id now names the anonymised account' },
  },
  {
    key: 'audit_log.about',
    table: 'audit_log',
    columns: ['before', 'after'],
    tiedBy: [
      { auditOfUser: true },
      { jsonUser: 'before', path: 'userId' },
      { jsonUser: 'after', path: 'userId' },
    ],
    show: ['id', 'at', 'action', 'entity_type', 'entity_id'],
    erase: { set: { before: null, after: null } },
  },
  {
    key: 'audit_log.mentions',
    table: 'audit_log',
    columns: ['before', 'after'],
    tiedBy: [{ mentions: 'before' }, { mentions: 'after' }],
    show: ['id', 'at', 'action', 'entity_type', 'entity_id'],
    erase: { scrub: true },
  },

  // The account itself, last: the ties above read her e-mail and name from the person passed in.
  {
    key: 'users',
    table: 'users',
    columns: [
      'email',
      'username',
      'employee_number',
      'name',
      'sort_name',
      'gender',
      'password_hash',
      'preferred_language',
      'course_language',
      'locked_until',
    ],
    tiedBy: [{ user: 'id' }],
    show: [
      'id',
      'email',
      'username',
      'employee_number',
      'name',
      'preferred_language',
      'course_language',
      'gender',
      'status',
      'created_at',
      'updated_at',
    ],
    erase: {
      set: {
        email: sql`'erased-' || id || '@invalid'`,
        username: null,
        employee_number: null,
        name: ERASED_NAME,
        gender: null,
        course_language: null,
        password_hash: null,
        status: 'disabled',
        failed_logins: 0,
        locked_until: null,
        updated_at: sql`now()`,
      },
    },
  },
  // The national register of suppliers (issue 17): the people to talk to at a supplier.
  {
    key: 'supplier_contacts',
    table: 'supplier_contacts',
    columns: ['name', 'role', 'email', 'phone'],
    tiedBy: [{ email: 'email' }, { name: 'name', email: 'email' }],
    show: ['supplier_id', 'name', 'role', 'email', 'phone'],
    erase: { delete: true },
  },
  authored('suppliers', ['created_by'], ['id', 'name', 'created_at']),
  // Support offers and requests (issue 17): who wrote and handled them, and what the thread says.
  authored('support_offers', ['created_by'], ['id', 'title', 'created_at']),
  authored('support_requests', ['created_by', 'assignee_id'], ['id', 'subject', 'created_at']),
  {
    key: 'support_requests.mentions',
    table: 'support_requests',
    columns: ['subject', 'body'],
    tiedBy: [{ mentions: 'subject' }, { mentions: 'body' }],
    show: ['id', 'created_at'],
    erase: { scrub: true },
  },
  authored(
    'support_request_events',
    ['author_id', 'assignee_id'],
    ['id', 'request_id', 'kind', 'created_at'],
  ),
  {
    key: 'support_request_events.mentions',
    table: 'support_request_events',
    columns: ['body'],
    tiedBy: [{ mentions: 'body' }],
    show: ['id', 'request_id', 'created_at'],
    erase: { scrub: true },
  },
  authored('support_request_attachments', ['uploaded_by'], ['id', 'request_id', 'file_name', 'uploaded_at']),
  // Requirements library (issue 17): who wrote a requirement, a version, a lesson or a specification.
  authored('requirements', ['created_by'], ['id', 'owner_organisation_id', 'created_at']),
  authored('requirement_versions', ['created_by'], ['requirement_id', 'version', 'created_at']),
  authored('requirement_lessons', ['created_by'], ['id', 'requirement_id', 'rating', 'created_at']),
  authored('requirement_specifications', ['created_by', 'updated_by'], ['id', 'title', 'created_at']),
  // Contracts, joint procurements, contacts with external actors and stimulus funds (issue 17).
  authored('contracts', ['created_by', 'updated_by', 'responsible_user_id'], ['id', 'title', 'created_at']),
  {
    key: 'contracts.mentions',
    table: 'contracts',
    columns: ['notes'],
    tiedBy: [{ mentions: 'notes' }],
    show: ['id', 'title'],
    erase: { scrub: true },
  },
  authored('contract_history', ['changed_by'], ['contract_id', 'action', 'changed_at']),
  authored('contract_documents', ['uploaded_by'], ['id', 'contract_id', 'file_name', 'uploaded_at']),
  authored('procurements', ['created_by'], ['id', 'title', 'created_at']),
  authored('procurement_checklist_items', ['done_by'], ['id', 'procurement_id', 'label', 'done_at']),
  authored('procurement_documents', ['uploaded_by'], ['id', 'procurement_id', 'file_name', 'uploaded_at']),
  authored(
    'procurement_participants',
    ['responded_by'],
    ['procurement_id', 'municipality_id', 'responded_at'],
  ),
  authored('external_contacts', ['created_by'], ['id', 'occurred_on', 'topic', 'created_at']),
  {
    key: 'external_contacts.mentions',
    table: 'external_contacts',
    columns: ['topic', 'outcome', 'follow_up'],
    tiedBy: [{ mentions: 'topic' }, { mentions: 'outcome' }, { mentions: 'follow_up' }],
    show: ['id', 'occurred_on'],
    erase: { scrub: true },
  },
  authored('funding_calls', ['created_by'], ['id', 'title', 'created_at']),
  authored(
    'funding_allocations',
    ['requisitioned_by', 'reported_by'],
    ['call_id', 'municipality_id', 'requisitioned_at', 'reported_at'],
  ),
  {
    key: 'funding_allocations.mentions',
    table: 'funding_allocations',
    columns: ['report_text'],
    tiedBy: [{ mentions: 'report_text' }],
    show: ['call_id', 'municipality_id'],
    erase: { scrub: true },
  },
  {
    key: 'lrs_statements',
    table: 'learning_statements',
    columns: ['statement'],
    // A statement sent to /xapi about the person (its actor is her), or naming her anywhere (instructor,
    // team, a group's member) by her e-mail address or name.
    tiedBy: [{ user: 'user_id' }, { mentions: 'statement' }],
    show: ['id', 'statement', 'stored'],
    erase: { scrub: true },
  },
  {
    key: 'lrs_statement_keys',
    table: 'learning_statements',
    columns: ['agent_keys', 'related_agent_keys'],
    tiedBy: [{ user: 'user_id' }],
    show: ['id', 'agent_keys'],
    // The keys hold a hash of her address; her statements stay hers through `user_id` (the tombstone).
    erase: { set: { agent_keys: sql`'{}'::text[]`, related_agent_keys: sql`'{}'::text[]` } },
  },
  {
    key: 'xapi_documents',
    table: 'xapi_documents',
    columns: ['user_id', 'agent', 'agent_key', 'content'],
    tiedBy: [{ user: 'user_id' }],
    show: ['kind', 'activity_id', 'document_id', 'content_type', 'updated_at'],
    // Activity state and profiles an e-learning tool kept about her: nothing in them is needed afterwards.
    erase: { delete: true },
  },
  authored('course_packages', ['uploaded_by'], ['id', 'course_id', 'kind', 'uploaded_at']),
  {
    key: 'scorm_attempts',
    table: 'scorm_attempts',
    columns: ['user_id', 'cmi'],
    tiedBy: [{ user: 'user_id' }],
    show: ['enrolment_id', 'module_key', 'attempt', 'completion', 'success', 'score_scaled', 'updated_at'],
    // What a SCORM course recorded of her (answers, suspend data): not needed once she is gone; the
    // enrolment's own progress is kept anonymously like a lesson's.
    erase: { delete: true },
  },
  {
    key: 'cmi5_registrations',
    table: 'cmi5_registrations',
    columns: ['user_id', 'actor', 'actor_key'],
    tiedBy: [{ user: 'user_id' }],
    show: ['registration', 'course_id', 'progress', 'created_at'],
    // Her cmi5 registrations (and with them their launch sessions): the LRS keeps what the AUs recorded.
    erase: { delete: true },
  },
  // @features-personal-data (entries above this line)
];

/**
 * Columns whose names look personal but are not, each with the reason. The guard test accepts a
 * suspicious column only when it is in `personalData` or here.
 */
export const NOT_PERSONAL: Record<string, string> = {
  'organisations.name': 'an organisation',
  'networks.name': "a group's name",
  'study_groups.name': "a study group's name",
  'programmes.name': "a programme's name",
  'assessment_rounds.name': "a round's name",
  'benefit_indicators.name': "an indicator's name",
  'technologies.name_sv': "a technology's name",
  'technologies.name_en': "a technology's name",
  'document_files.file_name': 'the name of an uploaded document file',
  'case_attachments.file_name': 'the name of an uploaded attachment',
  'server_keys.name': "a server key's name",
  'technology_adoptions.users_served': 'how many care recipients use a technology (a figure)',
  'technology_adoptions.eligible_users': 'how many care recipients could use it (a figure)',
  'login_throttles.address_hash': 'a keyed hash of a submitted address, gone after the lockout window',
  'account_unlocks.address_hash': 'a keyed hash of a submitted address; the row is deleted with the user id',
  'identity_providers.name': "an identity provider's name (e.g. 'Borlänge kommun Entra ID')",
  'scim_tokens.name': "a SCIM token's label",
  'api_clients.name': "a system's name (e.g. 'Power BI')",
  'api_clients.user_id': "the client's own service account (a system's account, never a person's)",
  'scim_groups.display_name': "an HR group's name (e.g. 'Hemtjänst Norr')",
  'suppliers.name': "a supplier's (a company's) name",
  'suppliers.sort_name': "a supplier's name as its sort key",
  'supplier_products.name': "a product's name",
  'support_request_attachments.file_name': 'the name of an uploaded attachment',
  'contract_documents.file_name': 'the name of an uploaded contract file',
  'contract_extensions.decide_by': 'the last date to decide on an extension option (a date, not a person)',
  'contracts.framework_name': "a framework agreement's name (e.g. 'Adda Trygghetslarm 2023')",
  'external_contact_municipalities.contact_id': 'a contact log entry (the log, not a person)',
  'external_contact_technologies.contact_id': 'a contact log entry (the log, not a person)',
  'external_contacts.actor_kind': 'the kind of organisation contacted (supplier, university …)',
  'external_contacts.actor_name': "the organisation contacted (a company's or an authority's name)",
  'initiative_funding.recipient_municipality_id': 'the municipality receiving the money',
  'procurement_documents.file_name': 'the name of an uploaded procurement file',
};
