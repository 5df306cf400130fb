import { scopeFor, scopeIdsAt } from '../../../shared/access/index.ts';
import type { Localised } from '../../../shared/contracts/course-content.ts';
import type { StartNews } from '../../../shared/contracts/start.ts';
import { pick } from '../learning/course-content.ts';
import * as repo from './start.repo.ts';
import type { StartContext } from './start-context.ts';

/** News shown at most; each source reads no more than this either. */
const NEWS = 10;

const linkOf: Record<repo.NewsRow['kind'], (id: string) => string> = {
  case_published: (id) => `/kunskapsbank/${id}`,
  document_changed: (id) => `/styrdokument/${id}`,
  course_published: (id) => `/utbildning/kurser/${id}`,
  round_opened: (id) => `/bedomningar/${id}`,
  round_closed: (id) => `/bedomningar/${id}`,
};

/**
 * What changed since `since` within the person's scope: cases published (every signed-in person reads
 * them), governing documents and courses of their organisations or those above them, and rounds they
 * run or answer in that opened or closed. Newest first.
 */
export async function collectNews(ctx: StartContext, since: string): Promise<StartNews[]> {
  const { db, actor, today } = ctx;
  const orgIds = [...new Set(actor.memberships.map((m) => m.organisationId))];
  const run = scopeFor(actor, 'assessment.run');
  const answering = scopeIdsAt(scopeFor(actor, 'assessment.answer'), ['municipality']);
  const takesPartInRounds = run.national || run.organisationIds.length > 0 || answering.length > 0;
  const lists = await Promise.all([
    repo.casesPublished(db, since, NEWS),
    orgIds.length ? repo.documentsChanged(db, orgIds, since, NEWS) : [],
    repo.coursesPublished(db, orgIds, since, NEWS),
    takesPartInRounds
      ? repo.roundsChanged(db, { ownerIds: run.restrictTo, municipalityIds: answering }, since, today, NEWS)
      : [],
  ]);
  return lists
    .flat()
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, NEWS)
    .map((r) => ({
      kind: r.kind,
      title: r.content ? pick(r.content as Localised, actor.preferredLanguage).text : r.title,
      place: r.place,
      at: r.at,
      to: linkOf[r.kind](r.id),
    }));
}
