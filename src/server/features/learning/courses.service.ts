import { type Actor, authorize } from '../../../shared/access/index.ts';
import { CourseDetail, type CourseSummary } from '../../../shared/contracts/learning.ts';
import type { Db } from '../../db/client.ts';
import { defineCache } from '../../lib/caches.ts';
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

export interface CourseView {
  detail: CourseDetail;
  /** The detail checked against its contract and serialised: ~60 KiB for a starter course. */
  json: string;
  /** A published version never changes: version and language identify the answer. */
  etag: string;
}

const views = defineCache<CourseView>('course-views', { max: 500 });
/** Part of the ETag: a client holding a view of an older shape must not be told it is current. */
const VIEW_FORMAT = 'md2';

/** A course as a learner reads it, built and serialised once per published version and language. */
export async function getCourseView(db: Db, actor: Actor, id: string, lang: string): Promise<CourseView> {
  const row = await repo.findPublishedCourse(db, id);
  if (!row || !(await canSeeCourse(db, actor, row))) throw notFound();
  const key = `${row.id}@${row.version}|${lang}`;
  return views(db).get(key, async () => {
    const detail = CourseDetail.parse(toDetail(row, lang));
    return {
      detail,
      json: JSON.stringify(detail),
      etag: `"course-${VIEW_FORMAT}-${row.id}-v${row.version}-${lang}"`,
    };
  });
}
