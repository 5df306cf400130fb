import { type Actor, authorizeOwn } from '../../../shared/access/index.ts';
import type { Db } from '../../db/client.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import * as repo from './networks.repo.ts';

/**
 * Managing a network (details, members, meetings, minutes, invitations) needs `network.manage` held at
 * its owner itself: a municipality's own group is not the region's to run (see `authorizeOwn`).
 */
export async function canManage(db: Db, actor: Actor, ownerOrganisationId: string) {
  return authorizeOwn(actor, 'network.manage', await requireOrgContext(db, ownerOrganisationId));
}

/** The network if the actor may read it (see `visibleTo`); 404 otherwise, so that its existence stays private. */
export async function requireReadable(db: Db, actor: Actor, id: string) {
  const row = await repo.findVisibleNetwork(db, actor, id);
  if (!row) throw notFound();
  return row;
}

/**
 * The network if the actor may manage it: 403 for someone who can read it, 404 for anyone else.
 * With `lock`, the row is locked for the rest of the transaction.
 */
export async function requireManageable(db: Db, actor: Actor, id: string, lock = false) {
  const network = await repo.findNetwork(db, id, lock);
  if (!network) throw notFound();
  if (!(await canManage(db, actor, network.ownerOrganisationId))) {
    if (await repo.findVisibleNetwork(db, actor, id)) throw forbidden();
    throw notFound();
  }
  return network;
}
