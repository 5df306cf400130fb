import { sql } from 'drizzle-orm';
import {
  type Actor,
  isNationalAdmin,
  providesSupportAt,
  supportProviderAt,
  supportRequesterAt,
  usesSupport,
} from '../../../shared/access/index.ts';
import type {
  CreateSupportOffer,
  SupportOffer,
  SupportOfferList,
  UpdateSupportOffer,
} from '../../../shared/contracts/support.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './support.repo.ts';

/**
 * Offers are published by a region's or association's coordinators. A municipality's coordinators read
 * the offers of the providers they may ask (their region, their associations); a provider reads its own.
 */

const toOffer = (actor: Actor, r: repo.OfferRow): SupportOffer => ({
  id: r.id,
  provider: { id: r.provider_id, name: r.provider_name, kind: r.provider_kind },
  title: r.title,
  description: r.description,
  kind: r.kind as SupportOffer['kind'],
  need: r.need as SupportOffer['need'],
  responseDays: r.response_days,
  status: r.status as SupportOffer['status'],
  canEdit: providesSupportAt(actor, { id: r.provider_id }),
});

/** The providers whose offers the actor reads; null for everyone's (national administrators). */
export async function readableProviders(db: Db, actor: Actor): Promise<string[] | null> {
  if (isNationalAdmin(actor)) return null;
  const own = supportProviderAt(actor);
  const asked = await Promise.all(supportRequesterAt(actor).map((m) => repo.providersOf(db, m)));
  return [...new Set([...own, ...asked.flat().map((p) => p.id)])];
}

export async function listOffers(
  db: Db,
  actor: Actor,
  q: {
    municipality?: string | undefined;
    provider?: string | undefined;
    need?: string | undefined;
    status?: string | undefined;
  },
): Promise<SupportOfferList> {
  if (!usesSupport(actor)) throw forbidden();
  let providerIds = await readableProviders(db, actor);
  let askable: repo.ProviderRow[] = [];
  if (q.municipality) {
    const m = await repo.findMunicipality(db, q.municipality);
    if (!m) throw notFound();
    askable = await repo.providersOf(db, m.id);
    const ids = askable.map((p) => p.id);
    providerIds = providerIds ? providerIds.filter((id) => ids.includes(id)) : ids;
  }
  if (q.provider) providerIds = (providerIds ?? [q.provider]).filter((id) => id === q.provider);
  const rows = await repo.selectOffers(db, { providerIds: providerIds ?? undefined, ...q });
  const providers = await Promise.all(supportProviderAt(actor).map((id) => repo.findProvider(db, id)));
  return {
    items: rows.map((r) => toOffer(actor, r)),
    providers: providers.flatMap((p) => (p ? [{ id: p.id, name: p.name }] : [])),
    askable: askable.map((p) => ({ id: p.id, name: p.name })),
  };
}

async function requireOffer(db: Db, actor: Actor, id: string) {
  const providerIds = await readableProviders(db, actor);
  const [row] = await repo.selectOffers(db, { id, providerIds: providerIds ?? undefined });
  if (!row) throw notFound();
  return row;
}

export async function getOffer(db: Db, actor: Actor, id: string): Promise<SupportOffer> {
  return toOffer(actor, await requireOffer(db, actor, id));
}

const offerValues = (input: UpdateSupportOffer) => ({
  title: input.title,
  description: input.description,
  kind: input.kind,
  need: input.need,
  responseDays: input.responseDays,
  status: input.status,
});

export async function createOffer(db: Db, actor: Actor, input: CreateSupportOffer): Promise<SupportOffer> {
  const provider = await repo.findProvider(db, input.providerOrganisationId);
  if (!provider)
    throw new AppError(400, 'validation_failed', [
      { path: 'body.providerOrganisationId', code: 'support_provider_kind' },
    ]);
  if (!providesSupportAt(actor, provider)) throw forbidden();
  const values = offerValues(input);
  const id = await db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into support_offers (provider_organisation_id, title, description, kind, need,
                                      response_days, status, created_by)
          values (${provider.id}, ${values.title}, ${values.description}, ${values.kind}, ${values.need},
                  ${values.responseDays}, ${values.status}, ${actor.userId})
          returning id`,
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'support_offer.created',
      entityType: 'support_offer',
      entityId: row!.id,
      organisationId: provider.id,
      after: values,
    });
    return row!.id;
  });
  return getOffer(db, actor, id);
}

export async function updateOffer(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateSupportOffer,
): Promise<SupportOffer> {
  const before = await requireOffer(db, actor, id);
  if (!providesSupportAt(actor, { id: before.provider_id })) throw forbidden();
  const values = offerValues(input);
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`update support_offers set title = ${values.title}, description = ${values.description},
                 kind = ${values.kind}, need = ${values.need}, response_days = ${values.responseDays},
                 status = ${values.status}, updated_at = now()
          where id = ${id}`,
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'support_offer.updated',
      entityType: 'support_offer',
      entityId: id,
      organisationId: before.provider_id,
      before: {
        title: before.title,
        description: before.description,
        kind: before.kind,
        need: before.need,
        responseDays: before.response_days,
        status: before.status,
      },
      after: values,
    });
  });
  return getOffer(db, actor, id);
}

/** Whether the municipality may ask this provider (its region or one of its associations). */
export async function mayAsk(db: Db, municipalityId: string, providerId: string): Promise<boolean> {
  return (await repo.providersOf(db, municipalityId)).some((p) => p.id === providerId);
}
