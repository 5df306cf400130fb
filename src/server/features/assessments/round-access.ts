import { type Actor, authorize, authorizeOwn } from '../../../shared/access/index.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { getMunicipality, requireOrgContext } from '../organisations/organisations.service.ts';
import * as repo from './rounds.repo.ts';

export type LoadedRound = NonNullable<Awaited<ReturnType<typeof repo.findRound>>>;

/** A round is run by coordinators at its owner itself (a region runs its own rounds), or nationally. */
export const runsRound = (actor: Actor, round: LoadedRound) =>
  authorizeOwn(actor, 'assessment.run', { id: round.round.ownerOrganisationId });

/** Closed once the close date has passed (Swedish time) or the owner closed it early. */
export function isClosed(round: LoadedRound['round'], now = new Date()) {
  return round.closedAt !== null || round.closesOn < swedishDate(now);
}

export function swedishDate(d: Date) {
  return d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/**
 * The round, one of its municipalities' sheet and what the actor may do with it. Someone who neither
 * runs the round nor answers for that municipality gets 404: another municipality's sheet is not
 * theirs to know about, not even that it exists.
 */
export async function loadSheet(db: Db, actor: Actor, roundId: string, code: string) {
  const round = await repo.findRound(db, roundId);
  if (!round) throw notFound();
  const municipality = await getMunicipality(db, code);
  const sheet = await repo.findSheet(db, roundId, municipality.id);
  if (!sheet) throw notFound();
  const ctx = await requireOrgContext(db, municipality.id);
  const answers = authorize(actor, 'assessment.answer', ctx);
  const runs = runsRound(actor, round);
  if (!answers && !runs) throw notFound();
  return { round, municipality, sheet, answers, runs };
}

/** For writes: the actor answers for the municipality, the round is open and the sheet not submitted. */
export async function loadEditableSheet(db: Db, actor: Actor, roundId: string, code: string) {
  const loaded = await loadSheet(db, actor, roundId, code);
  if (!loaded.answers) throw forbidden();
  if (isClosed(loaded.round.round)) throw new AppError(409, 'round_closed');
  if (loaded.sheet.status === 'submitted') throw new AppError(409, 'sheet_submitted');
  return loaded;
}
