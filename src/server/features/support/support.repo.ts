import { type SQL, sql } from 'drizzle-orm';
import { rolesAllowing } from '../../../shared/access/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';

/** A timestamp as the API writes it (UTC, microseconds), the same on PGlite and PostgreSQL. */
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface ProviderRow {
  id: string;
  name: string;
  kind: string;
}

/** Whom a municipality may ask: its region and the associations it belongs to. */
export async function providersOf(db: Db, municipalityId: string): Promise<ProviderRow[]> {
  return queryRows<ProviderRow>(
    db,
    sql`select o.id, o.name, o.kind from organisations m join organisations o on o.id = m.parent_id
        where m.id = ${municipalityId} and o.kind = 'region'
        union all
        select o.id, o.name, o.kind from association_members am join organisations o on o.id = am.association_id
        where am.municipality_id = ${municipalityId}
        order by kind desc, name`,
  );
}

export async function findProvider(db: Db, id: string): Promise<ProviderRow | null> {
  const [row] = await queryRows<ProviderRow>(
    db,
    sql`select id, name, kind from organisations where id = ${id} and kind in ('region', 'association')`,
  );
  return row ?? null;
}

export async function findMunicipality(db: Db, code: string) {
  const [row] = await queryRows<{ id: string; name: string; code: string }>(
    db,
    sql`select id, name, code from organisations where kind = 'municipality' and code = ${code}`,
  );
  return row ?? null;
}

export interface OfferRow {
  id: string;
  provider_id: string;
  provider_name: string;
  provider_kind: string;
  title: string;
  description: string;
  kind: string;
  need: string;
  response_days: number;
  status: string;
}

export async function selectOffers(
  db: Db,
  f: {
    providerIds?: readonly string[] | undefined;
    id?: string | undefined;
    need?: string | undefined;
    status?: string | undefined;
  },
): Promise<OfferRow[]> {
  const where: SQL[] = [sql`true`];
  if (f.providerIds) where.push(sql`s.provider_organisation_id = any(${uuidArray(f.providerIds)})`);
  if (f.id) where.push(sql`s.id = ${f.id}`);
  if (f.need) where.push(sql`s.need = ${f.need}`);
  if (f.status) where.push(sql`s.status = ${f.status}`);
  return queryRows<OfferRow>(
    db,
    sql`select s.id, p.id as provider_id, p.name as provider_name, p.kind as provider_kind, s.title,
               s.description, s.kind, s.need, s.response_days, s.status
        from support_offers s join organisations p on p.id = s.provider_organisation_id
        where ${sql.join(where, sql` and `)}
        order by p.name, s.need, s.title
        limit 500`,
  );
}

export interface RequestRow {
  id: string;
  subject: string;
  body: string;
  municipality_id: string;
  municipality_code: string;
  municipality_name: string;
  provider_id: string;
  provider_name: string;
  offer_id: string | null;
  offer_title: string | null;
  offer_response_days: number | null;
  need: string;
  urgency: string;
  status: string;
  assignee_id: string | null;
  assignee_name: string | null;
  created_at: string;
  updated_at: string;
  first_answer_at: string | null;
  unread: boolean;
}

export interface RequestFilter {
  /** Null: every request (national); otherwise requests of these municipalities or to these providers. */
  municipalityIds: readonly string[] | null;
  providerIds: readonly string[] | null;
  id?: string | undefined;
  status?: string | undefined;
  municipalityCode?: string | undefined;
  providerId?: string | undefined;
  offerId?: string | undefined;
  need?: string | undefined;
  assigneeId?: string | undefined;
  /** Keyset: requests created before this (created_at, id). */
  before?: { at: string; id: string } | undefined;
  limit?: number | undefined;
}

export async function selectRequests(db: Db, f: RequestFilter): Promise<RequestRow[]> {
  const where: SQL[] = [sql`true`];
  if (f.municipalityIds && f.providerIds) {
    // Only the sides the actor has: an empty list in an OR would keep the planner off the index.
    const sides = [
      ...(f.municipalityIds.length ? [sql`r.municipality_id = any(${uuidArray(f.municipalityIds)})`] : []),
      ...(f.providerIds.length ? [sql`r.provider_organisation_id = any(${uuidArray(f.providerIds)})`] : []),
    ];
    where.push(sides.length ? sql`(${sql.join(sides, sql` or `)})` : sql`false`);
  }
  if (f.id) where.push(sql`r.id = ${f.id}`);
  if (f.status) where.push(sql`r.status = ${f.status}`);
  if (f.municipalityCode) where.push(sql`m.code = ${f.municipalityCode}`);
  if (f.providerId) where.push(sql`r.provider_organisation_id = ${f.providerId}`);
  if (f.offerId) where.push(sql`r.offer_id = ${f.offerId}`);
  if (f.need) where.push(sql`r.need = ${f.need}`);
  if (f.assigneeId) where.push(sql`r.assignee_id = ${f.assigneeId}`);
  if (f.before) where.push(sql`(r.created_at, r.id) < (${f.before.at}::timestamptz, ${f.before.id}::uuid)`);
  return queryRows<RequestRow>(
    db,
    sql`select r.id, r.subject, r.body, m.id as municipality_id, m.code as municipality_code,
               m.name as municipality_name, p.id as provider_id, p.name as provider_name,
               o.id as offer_id, o.title as offer_title, o.response_days as offer_response_days,
               r.need, r.urgency, r.status, a.id as assignee_id, a.name as assignee_name,
               ${iso(sql`r.created_at`)} as created_at, ${iso(sql`r.updated_at`)} as updated_at,
               ${iso(sql`r.first_answer_at`)} as first_answer_at,
               (r.last_answer_at is not null
                and (r.municipality_read_at is null or r.municipality_read_at < r.last_answer_at)) as unread
        from support_requests r
        join organisations m on m.id = r.municipality_id
        join organisations p on p.id = r.provider_organisation_id
        left join support_offers o on o.id = r.offer_id
        left join users a on a.id = r.assignee_id
        where ${sql.join(where, sql` and `)}
        order by r.created_at desc, r.id desc
        limit ${f.limit ?? 200}`,
  );
}

export async function lockRequest(tx: Db, id: string) {
  const [row] = await queryRows<{
    id: string;
    municipality_id: string;
    provider_id: string;
    status: string;
    assignee_id: string | null;
    first_answer_at: string | null;
    subject: string;
    created_by: string | null;
  }>(
    tx,
    sql`select id, municipality_id, provider_organisation_id as provider_id, status, assignee_id,
               first_answer_at::text, subject, created_by
        from support_requests where id = ${id} for update`,
  );
  return row ?? null;
}

export async function requestDetails(db: Db, id: string) {
  const [technologies, attachments, events] = await Promise.all([
    queryRows<{ key: string; name: string }>(
      db,
      sql`select t.key, t.name_sv as name from support_request_technologies rt
          join technologies t on t.id = rt.technology_id where rt.request_id = ${id} order by t.name_sv`,
    ),
    queryRows<{ id: string; file_name: string; media_type: string; size_bytes: number }>(
      db,
      sql`select id, file_name, media_type, size_bytes from support_request_attachments
          where request_id = ${id} order by uploaded_at, id`,
    ),
    queryRows<{
      id: string;
      kind: string;
      side: string;
      body: string | null;
      status: string | null;
      assignee_id: string | null;
      assignee_name: string | null;
      author: string | null;
      at: string;
    }>(
      db,
      sql`select e.id, e.kind, e.side, e.body, e.status, a.id as assignee_id, a.name as assignee_name,
                 u.name as author, ${iso(sql`e.created_at`)} as at
          from support_request_events e
          left join users a on a.id = e.assignee_id
          left join users u on u.id = e.author_id
          where e.request_id = ${id} order by e.created_at, e.id`,
    ),
  ]);
  return { technologies, attachments, events };
}

export interface Recipient {
  id: string;
  name: string;
  email: string | null;
  lang: 'sv' | 'en';
}

/** The active people holding a role that allows `action` at the organisation itself. */
export async function peopleAt(
  db: Db,
  organisationId: string,
  action: 'support.request' | 'support.provide',
): Promise<Recipient[]> {
  const roles = rolesAllowing(action);
  return queryRows<Recipient>(
    db,
    sql`select distinct u.id, u.name, u.email, u.preferred_language as lang
        from memberships ms join users u on u.id = ms.user_id
        where ms.organisation_id = ${organisationId} and u.status = 'active'
          and ms.role in (${sql.join(
            roles.map((r) => sql`${r}`),
            sql`, `,
          )})
        order by u.name`,
  );
}

export async function insertEvent(
  tx: Db,
  e: {
    requestId: string;
    kind: 'message' | 'assigned' | 'status';
    side: 'municipality' | 'provider';
    body?: string | null;
    status?: string | null;
    assigneeId?: string | null;
    authorId: string;
  },
) {
  await tx.execute(
    // clock_timestamp, not now(): a message and the status change it causes share a transaction and
    // must keep their order in the history.
    sql`insert into support_request_events (request_id, kind, side, body, status, assignee_id, author_id,
                                            created_at)
        values (${e.requestId}, ${e.kind}, ${e.side}, ${e.body ?? null}, ${e.status ?? null},
                ${e.assigneeId ?? null}, ${e.authorId}, clock_timestamp())`,
  );
}
