import type { Actor } from '../../../shared/access/index.ts';
import { writesRequirementsFor } from '../../../shared/access/index.ts';
import type { SpecificationItemInput } from '../../../shared/contracts/requirements.ts';
import type { Db } from '../../db/client.ts';
import { badRequest } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './requirements.repo.ts';
import { type TakenVersion, takenVersions } from './specifications.repo.ts';

export interface ResolvedItem {
  requirementId: string;
  version: number;
  level: 'must' | 'should';
}

/**
 * Checks the rows a builder sent: each requirement once, at a version that exists. A 400 names the row
 * and field; nothing is written before every row has passed.
 */
export async function checkItems(db: Db, items: readonly SpecificationItemInput[]) {
  const seen = new Map<string, number>();
  for (const [n, item] of items.entries()) {
    if (seen.has(item.requirementId))
      throw badRequest('validation_failed', [
        { path: `body.items.${n}.requirementId`, code: 'duplicate_requirement' },
      ]);
    seen.set(item.requirementId, n);
  }
  const found = await takenVersions(db, items);
  const byKey = new Map(found.map((v) => [`${v.requirement_id}/${v.version}`, v]));
  const taken: TakenVersion[] = [];
  for (const [n, item] of items.entries()) {
    const v = byKey.get(`${item.requirementId}/${item.version}`);
    if (!v)
      throw badRequest('validation_failed', [
        { path: `body.items.${n}.version`, code: 'unknown_requirement_version' },
      ]);
    taken.push(v);
  }
  return taken;
}

/**
 * A row with an edited text becomes a requirement version of its own, so the library keeps what the
 * specification says: the next version of a requirement the caller's organisation owns, or else a copy
 * owned by the specification's owner (another organisation's requirement is never rewritten by someone
 * else), which names the one it came from.
 */
export async function storeEditedTexts(
  tx: Db,
  actor: Actor,
  specOwnerId: string,
  items: readonly SpecificationItemInput[],
  taken: readonly TakenVersion[],
): Promise<ResolvedItem[]> {
  const out: ResolvedItem[] = [];
  for (const [n, item] of items.entries()) {
    const v = taken[n]!;
    const edited = item.textSv;
    if (edited === undefined || edited === v.text_sv) {
      out.push({ requirementId: item.requirementId, version: item.version, level: item.level });
      continue;
    }
    const values: repo.VersionInput = {
      textSv: edited,
      // The English text said what the old Swedish text said; it is written again when needed.
      textEn: null,
      level: v.level,
      category: v.category,
      source: v.source,
    };
    if (writesRequirementsFor(actor, v.owner_organisation_id)) {
      const locked = await repo.lockRequirement(tx, item.requirementId);
      const version = locked!.current_version + 1;
      await repo.insertVersion(tx, item.requirementId, version, values, actor.userId);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'requirement.version_added',
        entityType: 'requirement',
        entityId: item.requirementId,
        organisationId: v.owner_organisation_id,
        after: { version, ...values, fromSpecification: true },
      });
      out.push({ requirementId: item.requirementId, version, level: item.level });
    } else {
      const copyId = await repo.insertRequirement(tx, specOwnerId, actor.userId, item.requirementId);
      await repo.insertVersion(tx, copyId, 1, values, actor.userId);
      await repo.copyTechnologies(tx, item.requirementId, copyId);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'requirement.created',
        entityType: 'requirement',
        entityId: copyId,
        organisationId: specOwnerId,
        after: { version: 1, ...values, derivedFrom: item.requirementId },
      });
      out.push({ requirementId: copyId, version: 1, level: item.level });
    }
  }
  return out;
}
