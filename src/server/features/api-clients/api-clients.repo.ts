import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ApiScope } from '../../../shared/access/api-scopes.ts';
import type { OrganisationKind } from '../../../shared/contracts/organisations.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { apiAccessTokens, apiClients, organisations, users } from '../../db/schema/index.ts';

export type ApiClientRow = typeof apiClients.$inferSelect;

/**
 * The client's service account: no e-mail and no password, status `disabled`, so no sign-in path of any
 * kind leads into it. It exists so that what the client does is done by someone (`created_by`, audit).
 */
export async function createServiceAccount(db: Db, values: { clientId: string; name: string }) {
  const [row] = await db
    .insert(users)
    .values({
      username: `api-client:${values.clientId.toLowerCase()}`,
      name: values.name,
      status: 'disabled',
    })
    .returning({ id: users.id });
  return row!.id;
}

export async function insertClient(
  db: Db,
  values: Pick<
    typeof apiClients.$inferInsert,
    'organisationId' | 'clientId' | 'secretHash' | 'name' | 'scopes' | 'userId' | 'createdBy'
  >,
) {
  const [row] = await db.insert(apiClients).values(values).returning();
  return row!;
}

const creator = alias(users, 'creator');
const listColumns = {
  client: apiClients,
  createdByName: creator.name,
};

/** The organisation's clients, newest first, revoked ones too (their history stays visible). */
export async function listClients(db: Db, organisationId: string) {
  return db
    .select(listColumns)
    .from(apiClients)
    .leftJoin(creator, eq(creator.id, apiClients.createdBy))
    .where(eq(apiClients.organisationId, organisationId))
    .orderBy(desc(apiClients.createdAt), desc(apiClients.id));
}

export async function findClient(db: Db, id: string) {
  const [row] = await db
    .select(listColumns)
    .from(apiClients)
    .leftJoin(creator, eq(creator.id, apiClients.createdBy))
    .where(eq(apiClients.id, id));
  return row ?? null;
}

/** A client that may still get tokens, by the id it authenticates with. */
export async function findActiveClientByClientId(db: Db, clientId: string) {
  const [row] = await db
    .select()
    .from(apiClients)
    .where(and(eq(apiClients.clientId, clientId), isNull(apiClients.revokedAt)));
  return row ?? null;
}

/** Revoked at once: its tokens are deleted in the same transaction, and the token lookup checks too. */
export async function revokeClient(db: Db, id: string) {
  const rows = await db
    .update(apiClients)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiClients.id, id), isNull(apiClients.revokedAt)))
    .returning({ id: apiClients.id });
  await db.delete(apiAccessTokens).where(eq(apiAccessTokens.apiClientId, id));
  return rows.length > 0;
}

export async function insertAccessToken(
  db: Db,
  values: { tokenHash: string; apiClientId: string; scopes: ApiScope[]; expiresAt: Date },
) {
  await db.insert(apiAccessTokens).values(values);
  // Expired tokens of this client are of no use to anyone: tidy them as new ones are issued.
  await db
    .delete(apiAccessTokens)
    .where(
      and(eq(apiAccessTokens.apiClientId, values.apiClientId), sql`${apiAccessTokens.expiresAt} < now()`),
    );
  await db.update(apiClients).set({ lastUsedAt: sql`now()` }).where(eq(apiClients.id, values.apiClientId));
}

export interface TokenActorRow {
  api_client_id: string;
  client_id: string;
  name: string;
  user_id: string;
  scopes: string[];
  organisation_id: string;
  organisation_kind: OrganisationKind;
  organisation_name: string;
  organisation_code: string | null;
}

/** Every bearer request starts here: the live token, its client (not revoked) and the organisation. */
export async function findTokenActor(db: Db, tokenHash: string): Promise<TokenActorRow | null> {
  const [row] = await queryRows<TokenActorRow>(
    db,
    sql`select c.id as api_client_id, c.client_id, c.name, c.user_id, t.scopes,
               o.id as organisation_id, o.kind as organisation_kind, o.name as organisation_name,
               o.code as organisation_code
        from api_access_tokens t
        join api_clients c on c.id = t.api_client_id
        join organisations o on o.id = c.organisation_id
        where t.token_hash = ${tokenHash} and t.expires_at > now() and c.revoked_at is null
          and c.user_id is not null`,
  );
  return row ?? null;
}

/** An active client by its client id, with its own scopes and secret hash: HTTP Basic at /xapi. */
export async function findClientActor(
  db: Db,
  clientId: string,
): Promise<(TokenActorRow & { secret_hash: string }) | null> {
  const [row] = await queryRows<TokenActorRow & { secret_hash: string }>(
    db,
    sql`select c.id as api_client_id, c.client_id, c.name, c.user_id, c.scopes, c.secret_hash,
               o.id as organisation_id, o.kind as organisation_kind, o.name as organisation_name,
               o.code as organisation_code
        from api_clients c
        join organisations o on o.id = c.organisation_id
        where c.client_id = ${clientId} and c.revoked_at is null and c.user_id is not null`,
  );
  return row ?? null;
}

export async function organisationKind(db: Db, id: string) {
  const [row] = await db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row?.kind ?? null;
}
