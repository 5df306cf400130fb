import { type Actor, authorize } from '../../../shared/access/index.ts';
import type { TechnologyDetails, UpdateTechnology } from '../../../shared/contracts/mapping.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { forgetViews } from '../../lib/view-cache.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './technologies.repo.ts';

const details = (t: repo.TechnologyRow): TechnologyDetails => ({
  key: t.key,
  category: t.category as TechnologyDetails['category'],
  nameSv: t.nameSv,
  nameEn: t.nameEn,
  descriptionSv: t.descriptionSv,
  descriptionEn: t.descriptionEn,
});

/** The catalogue is national: only national administrators change it (a null target needs a national role). */
function requireCatalogueManager(actor: Actor) {
  if (!authorize(actor, 'technology.manage', null)) throw forbidden();
}

export async function technologyDetails(db: Db, key: string): Promise<TechnologyDetails> {
  const row = await repo.findTechnology(db, key);
  if (!row) throw notFound();
  return details(row);
}

export async function createTechnology(
  db: Db,
  actor: Actor,
  input: TechnologyDetails,
): Promise<TechnologyDetails> {
  requireCatalogueManager(actor);
  const created = await db.transaction(async (tx) => {
    const row = await repo.insertTechnology(tx, input);
    if (!row) throw new AppError(409, 'technology_exists', [{ path: 'body.key', code: 'technology_exists' }]);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'technology.created',
      entityType: 'technology',
      entityId: row.id,
      after: details(row),
    });
    return details(row);
  });
  forgetViews(db, 'adoption|');
  return created;
}

export async function updateTechnology(
  db: Db,
  actor: Actor,
  key: string,
  input: UpdateTechnology,
): Promise<TechnologyDetails> {
  requireCatalogueManager(actor);
  const updated = await db.transaction(async (tx) => {
    const before = await repo.findTechnology(tx, key);
    if (!before) throw notFound();
    const row = (await repo.updateTechnology(tx, key, input))!;
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'technology.updated',
      entityType: 'technology',
      entityId: row.id,
      before: details(before),
      after: details(row),
    });
    return details(row);
  });
  forgetViews(db, 'adoption|');
  return updated;
}
