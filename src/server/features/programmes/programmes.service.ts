import {
  type Actor,
  authorize,
  isNationalAdmin,
  type OrgContext,
  trackOfPlacement,
} from '../../../shared/access/index.ts';
import type { Track } from '../../../shared/contracts/learning.ts';
import type {
  CreateProgramme,
  ProgrammeFunding,
  ProgrammeView,
  UpdateProgramme,
} from '../../../shared/contracts/programmes.ts';
import type { Db } from '../../db/client.ts';
import { AppError, type FieldError, forbidden, notFound } from '../../lib/errors.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { pick } from '../learning/course-content.ts';
import * as courseRepo from '../learning/courses.repo.ts';
import { canSeeCourse } from '../learning/courses.service.ts';
import { findMunicipalitiesByCodes } from '../organisations/organisations.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import { forgetProgrammeReports } from '../reports/report-cache.ts';
import * as repo from './programmes.repo.ts';

const ownerKinds = new Set(['region', 'association', 'municipality']);

/** A programme with everything the service needs to decide access: owner context, municipalities, courses. */
export interface LoadedProgramme {
  row: repo.ProgrammeRow;
  ownerCtx: OrgContext;
  municipalities: { id: string; code: string; name: string }[];
  courses: { track: Track; courseId: string; courseKey: string }[];
}

export async function loadProgramme(db: Db, id: string): Promise<LoadedProgramme | null> {
  const row = await repo.findProgramme(db, id);
  if (!row) return null;
  // Sequential on purpose: `db` may be a transaction, whose single connection runs one query at a time.
  const ownerCtx = await requireOrgContext(db, row.ownerOrganisationId);
  const municipalities = await repo.programmeMunicipalityRows(db, [id]);
  const courseRows = await repo.programmeCourseRows(db, [id]);
  return {
    row,
    ownerCtx,
    municipalities: municipalities.map((m) => ({ id: m.id, code: m.code ?? '', name: m.name })),
    courses: courseRows.map((c) => ({ track: c.track, courseId: c.courseId, courseKey: c.courseKey })),
  };
}

/** Loads a programme the actor may see, or 404 (an invisible programme does not reveal that it exists). */
export async function requireVisibleProgramme(db: Db, actor: Actor, id: string): Promise<LoadedProgramme> {
  const p = await loadProgramme(db, id);
  if (!p) throw notFound();
  if (!isNationalAdmin(actor)) {
    const visible = await repo.visibleProgrammeIds(db, actor);
    if (!visible.includes(id)) throw notFound();
  }
  return p;
}

/**
 * The participating municipalities whose report the actor may read: all of them for the owner's
 * coordinators (and national administrators), otherwise those the actor coordinates.
 */
export async function reportableMunicipalities(
  db: Db,
  actor: Actor,
  p: Pick<LoadedProgramme, 'ownerCtx' | 'municipalities'>,
): Promise<{ complete: boolean; municipalityIds: string[] }> {
  if (authorize(actor, 'programme.report', p.ownerCtx)) {
    return { complete: true, municipalityIds: p.municipalities.map((m) => m.id) };
  }
  const ctxs = await repo.orgContexts(
    db,
    p.municipalities.map((m) => m.id),
  );
  const ids = p.municipalities
    .filter((m) => {
      const ctx = ctxs.get(m.id);
      return ctx !== undefined && authorize(actor, 'programme.report', ctx);
    })
    .map((m) => m.id);
  return { complete: false, municipalityIds: ids };
}

async function resolveMunicipalities(
  db: Db,
  actor: Actor,
  owner: { id: string; kind: OrgContext['kind'] },
  codes: string[],
) {
  const unique = [...new Set(codes)];
  const known = await findMunicipalitiesByCodes(db, unique);
  const unknown = unique.filter((c) => !known.some((m) => m.code === c));
  if (unknown.length) {
    throw new AppError(
      400,
      'unknown_municipality',
      unknown.map((c) => ({
        path: `body.municipalityCodes.${codes.indexOf(c)}`,
        code: 'unknown_municipality',
      })),
    );
  }
  if (!isNationalAdmin(actor)) {
    const inScope = new Set((await repo.municipalitiesUnder(db, owner)).map((m) => m.id));
    const outside = known.filter((m) => !inScope.has(m.id));
    if (outside.length) {
      throw new AppError(
        400,
        'programme_municipality_out_of_scope',
        outside.map((m) => ({
          path: `body.municipalityCodes.${codes.indexOf(m.code ?? '')}`,
          code: 'programme_municipality_out_of_scope',
        })),
      );
    }
  }
  return known.map((m) => m.id);
}

async function resolveCourses(db: Db, actor: Actor, list: { track: Track; courseId: string }[]) {
  const errors: FieldError[] = [];
  for (const [i, c] of list.entries()) {
    const course = await courseRepo.findPublishedCourse(db, c.courseId);
    if (!course || !(await canSeeCourse(db, actor, course))) {
      errors.push({ path: `body.courses.${i}.courseId`, code: 'invalid_value' });
    }
  }
  if (errors.length) throw new AppError(400, 'validation_failed', errors);
  return list;
}

const compactFunding = (f: ProgrammeFunding): ProgrammeFunding =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as ProgrammeFunding;

export async function createProgramme(db: Db, actor: Actor, input: CreateProgramme, lang: string) {
  const ownerCtx = await requireOrgContext(db, input.ownerOrganisationId);
  if (!authorize(actor, 'programme.manage', ownerCtx)) throw forbidden();
  if (!ownerKinds.has(ownerCtx.kind)) {
    throw new AppError(400, 'invalid_programme_owner', [
      { path: 'body.ownerOrganisationId', code: 'invalid_programme_owner' },
    ]);
  }
  const municipalityIds = await resolveMunicipalities(
    db,
    actor,
    { id: ownerCtx.id, kind: ownerCtx.kind },
    input.municipalityCodes,
  );
  const courseList = await resolveCourses(db, actor, input.courses);
  const id = await db.transaction(async (tx) => {
    const id = await repo.insertProgramme(tx, {
      name: input.name,
      ownerOrganisationId: ownerCtx.id,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      targetParticipants: input.targetParticipants,
      selfEnrolment: input.selfEnrolment,
      funding: compactFunding(input.funding),
      createdBy: actor.userId,
    });
    await repo.replaceMunicipalities(tx, id, municipalityIds);
    await repo.replaceCourses(tx, id, courseList);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'programme.created',
      entityType: 'programme',
      entityId: id,
      organisationId: ownerCtx.id,
      after: { ...input, municipalityCodes: [...new Set(input.municipalityCodes)].sort() },
    });
    return id;
  });
  return getProgramme(db, actor, id, lang);
}

export async function updateProgramme(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateProgramme,
  lang: string,
) {
  const p = await requireVisibleProgramme(db, actor, id);
  if (!authorize(actor, 'programme.manage', p.ownerCtx)) throw forbidden();
  const startsOn = input.startsOn ?? p.row.startsOn;
  const endsOn = input.endsOn ?? p.row.endsOn;
  if (endsOn < startsOn) {
    throw new AppError(400, 'validation_failed', [{ path: 'body.endsOn', code: 'ends_before_start' }]);
  }
  const municipalityIds = input.municipalityCodes
    ? await resolveMunicipalities(
        db,
        actor,
        { id: p.ownerCtx.id, kind: p.ownerCtx.kind },
        input.municipalityCodes,
      )
    : undefined;
  const courseList = input.courses ? await resolveCourses(db, actor, input.courses) : undefined;
  await db.transaction(async (tx) => {
    await repo.updateProgramme(tx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.startsOn !== undefined ? { startsOn: input.startsOn } : {}),
      ...(input.endsOn !== undefined ? { endsOn: input.endsOn } : {}),
      ...(input.targetParticipants !== undefined ? { targetParticipants: input.targetParticipants } : {}),
      ...(input.selfEnrolment !== undefined ? { selfEnrolment: input.selfEnrolment } : {}),
      ...(input.funding !== undefined ? { funding: compactFunding(input.funding) } : {}),
    });
    if (municipalityIds) await repo.replaceMunicipalities(tx, id, municipalityIds);
    if (courseList) await repo.replaceCourses(tx, id, courseList);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'programme.updated',
      entityType: 'programme',
      entityId: id,
      organisationId: p.ownerCtx.id,
      before: {
        name: p.row.name,
        startsOn: p.row.startsOn,
        endsOn: p.row.endsOn,
        targetParticipants: p.row.targetParticipants,
        selfEnrolment: p.row.selfEnrolment,
        funding: p.row.funding,
        municipalityCodes: p.municipalities.map((m) => m.code).sort(),
        courses: p.courses.map((c) => ({ track: c.track, courseId: c.courseId })),
      },
      after: input,
    });
  });
  // After the commit, so that no instance refills the report from the rows before it.
  forgetProgrammeReports(db, id);
  return getProgramme(db, actor, id, lang);
}

export async function getProgramme(db: Db, actor: Actor, id: string, lang: string): Promise<ProgrammeView> {
  await requireVisibleProgramme(db, actor, id);
  const [view] = await toViews(db, actor, [id], lang);
  if (!view) throw notFound();
  return view;
}

export async function listProgrammes(db: Db, actor: Actor, lang: string): Promise<ProgrammeView[]> {
  const ids = await repo.visibleProgrammeIds(db, actor);
  const views = await toViews(db, actor, ids, lang);
  return views.sort(
    (a, b) => b.startsOn.localeCompare(a.startsOn) || swedishCollator.compare(a.name, b.name),
  );
}

/** Views of several programmes with a fixed number of queries (not one set per programme). */
async function toViews(db: Db, actor: Actor, ids: string[], lang: string): Promise<ProgrammeView[]> {
  if (ids.length === 0) return [];
  // Sequential on purpose: `db` may be a transaction, whose single connection runs one query at a time.
  const rows = await repo.findProgrammes(db, ids);
  const municipalities = await repo.programmeMunicipalityRows(db, ids);
  const courseRows = await repo.programmeCourseRows(db, ids);
  const counts = await repo.enrolledCounts(db, ids);
  const ctxs = await repo.orgContexts(db, [
    ...rows.map((r) => r.ownerOrganisationId),
    ...municipalities.map((m) => m.id),
  ]);
  const titles = new Map<string, string>();
  for (const courseId of new Set(courseRows.map((c) => c.courseId))) {
    const course = await courseRepo.findPublishedCourse(db, courseId);
    titles.set(courseId, course ? pick(course.content.title, lang).text : '');
  }
  const placements = await repo.placementsOf(db, [actor.userId]);
  return rows.map((r) => {
    const ownerCtx = ctxs.get(r.ownerOrganisationId)!;
    const mine = municipalities.filter((m) => m.programmeId === r.id);
    const myCourses = courseRows.filter((c) => c.programmeId === r.id);
    const canReport =
      authorize(actor, 'programme.report', ownerCtx) ||
      mine.some((m) => {
        const ctx = ctxs.get(m.id);
        return ctx !== undefined && authorize(actor, 'programme.report', ctx);
      });
    const myTracks = new Set<string>(
      placements
        .filter((pl) => mine.some((m) => m.id === pl.municipality_id))
        .map((pl) => trackOfPlacement(pl.role)),
    );
    return {
      id: r.id,
      name: r.name,
      owner: { id: r.ownerOrganisationId, name: r.ownerName, kind: r.ownerKind },
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      targetParticipants: r.targetParticipants,
      selfEnrolment: r.selfEnrolment,
      funding: r.funding,
      municipalities: mine
        .map((m) => ({ id: m.id, code: m.code ?? '', name: m.name }))
        .sort((a, b) => swedishCollator.compare(a.name, b.name)),
      courses: myCourses
        .map((c) => ({
          track: c.track,
          courseId: c.courseId,
          courseKey: c.courseKey,
          title: titles.get(c.courseId) ?? '',
        }))
        .sort((a, b) => a.track.localeCompare(b.track)),
      enrolled: counts.get(r.id) ?? 0,
      canManage: authorize(actor, 'programme.manage', ownerCtx),
      canReport,
      canSelfEnrol: r.selfEnrolment && myCourses.some((c) => myTracks.has(c.track)),
      createdAt: r.createdAt.toISOString(),
    };
  });
}
