import type { Actor } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type {
  ImportedCourseSummary,
  ImportedModuleResult,
} from '../../../shared/contracts/imported-results.ts';
import type { Gender } from '../../../shared/contracts/people.ts';
import type {
  FunderParticipantRow,
  ProgrammeReport,
  ReportCounts,
  ReportGroup,
} from '../../../shared/contracts/programmes.ts';
import type { Db } from '../../db/client.ts';
import { forbidden } from '../../lib/errors.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { pick } from '../learning/course-content.ts';
import * as courseRepo from '../learning/courses.repo.ts';
import {
  asImported,
  type ImportedCourseRow,
  learnerResult,
  moduleSummaries,
} from '../learning/imported-results.ts';
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
  return cachedProgrammeReport(db, programmeId, sliceKey, async () =>
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
  const [groups, months, participants, imported] = await Promise.all([
    repo.groupedCounts(db, programmeId, slice),
    repo.monthly(db, programmeId, slice, p.row),
    withParticipants ? repo.participantMonths(db, programmeId, slice) : Promise.resolve([]),
    importedResults(db, p, slice, lang, withParticipants),
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
    importedCourses: imported.courses,
    importedResults: imported.learners,
  };
}

/**
 * Results of the programme's imported SCORM and cmi5 courses over the slice: per module for everyone
 * who reads the report, per learner (with names) only where the participant list is given. No query
 * runs for a programme of courses written in the editor.
 */
async function importedResults(
  db: Db,
  p: Loaded,
  slice: string[] | null,
  lang: UiLanguage,
  perLearner: boolean,
): Promise<{ courses: ImportedCourseSummary[]; learners: ImportedModuleResult[] }> {
  const published = await courseRepo.findPublishedCoursesByIds(
    db,
    p.courses.map((c) => c.courseId),
  );
  const imported = p.courses
    .map((c) => asImported(published.get(c.courseId)))
    .filter((c): c is ImportedCourseRow => c !== null);
  if (imported.length === 0) return { courses: [], learners: [] };
  const ids = imported.map((c) => c.id);
  const summaries = await repo.importedSummaries(db, p.row.id, slice, ids);
  const rows = perLearner ? await repo.importedLearnerResults(db, p.row.id, slice, ids) : [];
  const labels = reportLabels[lang];
  const learners = rows.flatMap((r) => {
    const course = imported.find((c) => c.id === r.course_id);
    const result =
      course &&
      learnerResult(
        course,
        r,
        {
          userId: r.user_id,
          name: r.user_name,
          municipality: r.municipality_name ?? labels.unknown,
          unit: r.unit_name,
        },
        lang,
      );
    return result ? [result] : [];
  });
  // By municipality and name as Swedish sorts them (databases collate differently), then package order.
  const position = new Map(
    imported.flatMap((c, i) => c.content.modules.map((m, j) => [`${c.id}|${m.key}`, i * 10_000 + j])),
  );
  const at = (r: ImportedModuleResult) => position.get(`${r.courseId}|${r.moduleKey}`) ?? 0;
  learners.sort(
    (a, b) =>
      swedishCollator.compare(a.municipality, b.municipality) ||
      swedishCollator.compare(a.name, b.name) ||
      a.userId.localeCompare(b.userId) ||
      at(a) - at(b),
  );
  return {
    courses: imported.map((c) => ({
      courseId: c.id,
      title: pick(c.content.title, lang).text,
      format: c.content.format,
      modules: moduleSummaries(c, summaries, lang),
    })),
    learners,
  };
}
