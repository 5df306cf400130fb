import {
  type Actor,
  authorize,
  authorizeOwn,
  type OrgContext,
  scopeFor,
} from '../../../shared/access/index.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import type { ParticipantRow, RoundRow } from './results.repo.ts';

export interface ResultsAccess {
  /** Every municipality of the round by name: the round's owner, national admins, or a shared round. */
  all: boolean;
  /** Runs the round (owner's coordinators or national admin): may see and export everything. */
  runs: boolean;
  /** Participants the caller may see by name (its own; a region's or association's members). */
  named: ReadonlySet<string>;
}

export const contextOf = (p: ParticipantRow): OrgContext => ({
  id: p.id,
  kind: 'municipality',
  lineage: [p.id, p.region_id, ...(p.nation_id ? [p.nation_id] : [])],
  associationIds: p.association_ids,
});

/**
 * Who sees what of a round's results (DESIGN.md §4). Staff and managers may not see results at all
 * (403). A coordinator who neither runs the round nor covers a participating municipality gets 404 —
 * the round is not theirs to know about. A participant sees its own municipalities by name and the
 * others only when the round shares its results; otherwise aggregates.
 */
export function resultsAccess(actor: Actor, round: RoundRow, participants: ParticipantRow[]): ResultsAccess {
  if (scopeFor(actor, 'assessment.results').organisationIds.length === 0) throw forbidden();
  const runs = authorizeOwn(actor, 'assessment.run', { id: round.owner_id });
  const covered = participants.filter((p) => authorize(actor, 'assessment.results', contextOf(p)));
  if (!runs && covered.length === 0) throw notFound();
  const all = runs || round.share_results;
  return { all, runs, named: new Set(all ? participants.map((p) => p.id) : covered.map((p) => p.id)) };
}

/** Which sheets' answers a view shows, and which it counts towards averages, groups and rankings. */
export interface SheetScope {
  /** Submitted sheets; for whoever runs the round also open and reopened ones, marked preliminary. */
  shown: ReadonlySet<string>;
  /** Submitted sheets; open ones too only when the runner asks, so "5 of 15" averages those 5. */
  counted: ReadonlySet<string>;
}

export const isSubmitted = (p: Pick<ParticipantRow, 'status'>) => p.status === 'submitted';

/**
 * A sheet not submitted is a draft: results show it only to whoever runs the round (the municipality
 * reads its own draft on the sheet itself), and count it only when they ask. Anyone else asking for
 * preliminary sheets is answered as if they had not.
 */
export function sheetScope(
  access: ResultsAccess,
  participants: ParticipantRow[],
  includePreliminary: boolean,
): SheetScope {
  const submitted = participants.filter(isSubmitted).map((p) => p.id);
  const shown = new Set(access.runs ? participants.map((p) => p.id) : submitted);
  return { shown, counted: access.runs && includePreliminary ? shown : new Set(submitted) };
}
