import { type Actor, authorize } from '../../../shared/access/index.ts';
import type { CourseDetail, CourseSummary } from '../../../shared/contracts/learning.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { loadOrgContext } from '../organisations/organisations.repo.ts';
import { type CourseRow, toDetail, toSummary } from './course-content.ts';
import * as repo from './courses.repo.ts';

/**
 * National courses are open to everyone "regardless of where they are or what hours they work"; a
 * regional or municipal course is visible inside its owner organisation (and to those who cover it).
 */
export async function canSeeCourse(
  db: Db,
  actor: Actor,
  course: Pick<CourseRow, 'visibility' | 'ownerOrganisationId'>,
) {
  if (course.visibility === 'national') return true;
  const owner = await loadOrgContext(db, course.ownerOrganisationId);
  if (!owner) return false;
  if (authorize(actor, 'organisation.read', owner)) return true;
  for (const m of actor.memberships) {
    const ctx = await loadOrgContext(db, m.organisationId);
    if (ctx?.lineage.includes(owner.id) || ctx?.associationIds.includes(owner.id)) return true;
  }
  return false;
}

export async function listCourses(db: Db, actor: Actor, lang: string): Promise<CourseSummary[]> {
  const rows = await repo.listPublishedCourses(db);
  const visible: CourseSummary[] = [];
  for (const row of rows) if (await canSeeCourse(db, actor, row)) visible.push(toSummary(row, lang));
  return visible.sort((a, b) => a.track.localeCompare(b.track) || swedishCollator.compare(a.title, b.title));
}

export async function getCourse(db: Db, actor: Actor, id: string, lang: string): Promise<CourseDetail> {
  const row = await repo.findPublishedCourse(db, id);
  if (!row || !(await canSeeCourse(db, actor, row))) throw notFound();
  return toDetail(row, lang);
}
