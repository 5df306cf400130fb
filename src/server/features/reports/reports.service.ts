import { type Actor, authorize } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { Gender } from '../../../shared/contracts/people.ts';
import type {
  FunderParticipantRow,
  ProgrammeReport,
  ReportCounts,
  ReportGroup,
  TeamReport,
} from '../../../shared/contracts/programmes.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { pick, requiredItems } from '../learning/course-content.ts';
import * as courseRepo from '../learning/courses.repo.ts';
import { findOrganisation } from '../organisations/organisations.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import { reportableMunicipalities, requireVisibleProgramme } from '../programmes/programmes.service.ts';
import { cachedProgrammeReport, type ReportSnapshot, snapshotOf } from './report-cache.ts';
import * as repo from './reports.repo.ts';

const genders: Gender[] = ['woman', 'man', 'other', 'not_stated'];
const tracks = ['staff', 'managers', 'coordinators'] as const;
const roles = ['staff', 'manager'] as const;

export const reportLabels = {
  sv: {
    gender: { woman: 'Kvinna', man: 'Man', other: 'Annat', not_stated: 'Ej angivet' },
    track: { staff: 'Medarbetare', managers: 'Chefer', coordinators: 'Samordnare' },
    role: { staff: 'Medarbetare', manager: 'Enhetschef' },
    none: 'Ingen enhet',
    unknown: 'Okänd',
  },
  en: {
    gender: { woman: 'Woman', man: 'Man', other: 'Other', not_stated: 'Not stated' },
    track: { staff: 'Staff', managers: 'Managers', coordinators: 'Coordinators' },
    role: { staff: 'Staff', manager: 'Manager' },
    none: 'No unit',
    unknown: 'Unknown',
  },
} as const;

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

function counts(r: repo.GroupRow | undefined): ReportCounts {
  const enrolled = r?.enrolled ?? 0;
  const completed = r?.completed ?? 0;
  return {
    enrolled,
    started: r?.started ?? 0,
    activeLast30Days: r?.active ?? 0,
    completed,
    completionRate: rate(completed, enrolled),
    secondsSpent: Number(r?.seconds ?? 0),
  };
}

/**
 * The programme report: enrolled vs target, active, completed and completion rate, broken down by
 * municipality, unit, track, role and gender and per month, with the funder's participant list. The
 * owner's coordinators see the whole programme; a municipality's coordinator sees their municipality.
 */
export async function programmeReport(
  db: Db,
  actor: Actor,
  programmeId: string,
  lang: UiLanguage,
  opts: { participants: boolean },
): Promise<ProgrammeReport> {
  const p = await requireVisibleProgramme(db, actor, programmeId);
  const scope = await reportableMunicipalities(db, actor, p);
  if (!scope.complete && scope.municipalityIds.length === 0) throw forbidden();
  return computeReport(db, p, scope, lang, opts.participants);
}

/** The report on screen (no participant list), from the programme's snapshot for the actor's slice. */
export async function programmeReportSnapshot(
  db: Db,
  actor: Actor,
  programmeId: string,
  lang: UiLanguage,
): Promise<ReportSnapshot> {
  const p = await requireVisibleProgramme(db, actor, programmeId);
  const scope = await reportableMunicipalities(db, actor, p);
  if (!scope.complete && scope.municipalityIds.length === 0) throw forbidden();
  const sliceKey = `${lang}|${scope.complete ? 'all' : [...scope.municipalityIds].sort().join(',')}`;
  return cachedProgrammeReport(programmeId, sliceKey, async () =>
    snapshotOf(await computeReport(db, p, scope, lang, false)),
  );
}

type Loaded = Awaited<ReturnType<typeof requireVisibleProgramme>>;
type Scope = Awaited<ReturnType<typeof reportableMunicipalities>>;

async function computeReport(
  db: Db,
  p: Loaded,
  scope: Scope,
  lang: UiLanguage,
  withParticipants: boolean,
): Promise<ProgrammeReport> {
  const programmeId = p.row.id;
  const slice = scope.complete ? null : scope.municipalityIds;
  const [groups, months, participants] = await Promise.all([
    repo.groupedCounts(db, programmeId, slice),
    repo.monthly(db, programmeId, slice, p.row),
    withParticipants ? repo.participantMonths(db, programmeId, slice) : Promise.resolve([]),
  ]);
  const labels = reportLabels[lang];
  const of = (dim: repo.GroupRow['dim']) => groups.filter((g) => g.dim === dim);
  const byName = (a: ReportGroup, b: ReportGroup) => swedishCollator.compare(a.label, b.label);
  const total = counts(of('total')[0]);

  const byMunicipality = of('municipality')
    .map((g) => ({
      key: g.municipality_code ?? 'none',
      label: g.municipality_name ?? labels.unknown,
      ...counts(g),
    }))
    .sort(byName);
  // Participating municipalities without anyone enrolled are shown with zeros: a gap is a finding.
  const sliceMunicipalities = p.municipalities.filter((m) => scope.municipalityIds.includes(m.id));
  for (const m of sliceMunicipalities) {
    if (!byMunicipality.some((g) => g.key === m.code))
      byMunicipality.push({ key: m.code, label: m.name, ...counts(undefined) });
  }
  byMunicipality.sort(byName);

  const byUnit = of('unit')
    .map((g) => ({
      key: g.unit_id ?? 'none',
      label: g.unit_name ?? labels.none,
      municipality: g.municipality_name ?? labels.unknown,
      ...counts(g),
    }))
    .sort((a, b) => swedishCollator.compare(a.municipality, b.municipality) || byName(a, b));

  const fixed = <K extends string>(
    dim: 'track' | 'role' | 'gender',
    keys: readonly K[],
    label: Record<K, string>,
  ) =>
    keys
      .map((k) => {
        const g = of(dim).find((x) => x[dim] === k);
        return { key: k as string, label: label[k], ...counts(g) };
      })
      .filter((g) => dim !== 'track' || g.enrolled > 0 || p.courses.some((c) => c.track === g.key));

  let cumulativeEnrolled = 0;
  let cumulativeCompleted = 0;
  const overTime = months.map((m) => {
    cumulativeEnrolled += m.enrolled;
    cumulativeCompleted += m.completed;
    return { ...m, cumulativeEnrolled, cumulativeCompleted };
  });

  return {
    programme: {
      id: p.row.id,
      name: p.row.name,
      ownerName: p.row.ownerName,
      startsOn: p.row.startsOn,
      endsOn: p.row.endsOn,
      targetParticipants: p.row.targetParticipants,
      funding: p.row.funding,
    },
    scope: {
      complete: scope.complete,
      municipalityCodes: sliceMunicipalities.map((m) => m.code).sort(),
    },
    generatedAt: new Date().toISOString(),
    totals: {
      ...total,
      target: p.row.targetParticipants,
      targetReached: rate(total.enrolled, p.row.targetParticipants),
    },
    byMunicipality,
    byUnit,
    byTrack: fixed('track', tracks, labels.track),
    byRole: fixed('role', roles, labels.role),
    byGender: fixed('gender', genders, labels.gender),
    overTime,
    participants: participants.map(
      (r): FunderParticipantRow => ({
        month: r.month,
        userId: r.user_id,
        name: r.name,
        municipality: r.municipality ?? labels.unknown,
        unit: r.unit,
        gender: r.gender as Gender,
        track: r.track as FunderParticipantRow['track'],
        startedOn: r.started_on,
        completedOn: r.completed_on,
        secondsInMonth: Number(r.seconds_in_month),
        secondsTotal: Number(r.seconds_total),
      }),
    ),
  };
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** A manager's view of their team: every direct member of the unit and their progress on each course. */
export async function teamReport(
  db: Db,
  actor: Actor,
  organisationId: string,
  lang: string,
): Promise<TeamReport> {
  const ctx = await requireOrgContext(db, organisationId);
  if (!authorize(actor, 'learning.report', ctx)) {
    if (ctx.kind === 'unit' && !authorize(actor, 'organisation.read', ctx)) throw notFound();
    throw forbidden();
  }
  if (ctx.kind !== 'unit' && ctx.kind !== 'municipality') {
    throw new AppError(400, 'validation_failed', [{ path: 'params.id', code: 'not_a_unit' }]);
  }
  const org = (await findOrganisation(db, organisationId))!;
  const rows = await repo.teamRows(db, organisationId);
  const courseInfo = new Map<string, { title: string; required: number }>();
  for (const courseId of new Set(rows.flatMap((r) => (r.course_id ? [r.course_id] : [])))) {
    const course = await courseRepo.findPublishedCourse(db, courseId);
    courseInfo.set(courseId, {
      title: course ? pick(course.content.title, lang).text : '',
      required: course ? requiredItems(course.content).length : 1,
    });
  }
  const members = new Map<string, TeamReport['members'][number]>();
  for (const r of rows) {
    let m = members.get(r.user_id);
    if (!m) {
      m = { userId: r.user_id, name: r.name, role: r.role, enrolments: [] };
      members.set(r.user_id, m);
    }
    if (!r.enrolment_id || !r.course_id) continue;
    const info = courseInfo.get(r.course_id)!;
    const done = r.completed_at
      ? 100
      : Math.min(100, Math.round((100 * (r.lessons_quizzes ?? 0)) / Math.max(1, info.required)));
    m.enrolments.push({
      enrolmentId: r.enrolment_id,
      courseId: r.course_id,
      courseTitle: info.title,
      programmeId: r.programme_id,
      programmeName: r.programme_name,
      percent: done,
      enrolledAt: iso(r.enrolled_at)!,
      startedAt: iso(r.started_at),
      lastActivityAt: iso(r.last_activity_at),
      completedAt: iso(r.completed_at),
      secondsSpent: Number(r.seconds_spent ?? 0),
      meetingsAttended: Number(r.meetings ?? 0),
    });
  }
  const list = [...members.values()].sort((a, b) => swedishCollator.compare(a.name, b.name));
  const monthAgo = Date.now() - 30 * 24 * 3600 * 1000;
  return {
    organisation: { id: org.id, name: org.name, kind: org.kind },
    generatedAt: new Date().toISOString(),
    totals: {
      members: list.length,
      enrolled: list.filter((m) => m.enrolments.length > 0).length,
      activeLast30Days: list.filter((m) =>
        m.enrolments.some((e) => e.lastActivityAt && Date.parse(e.lastActivityAt) >= monthAgo),
      ).length,
      completed: list.filter((m) => m.enrolments.some((e) => e.completedAt)).length,
    },
    members: list,
  };
}
