import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { ProgrammeReport, ReportGroup } from '../../../shared/contracts/programmes.ts';
import {
  type Cell,
  type ExportTable,
  exportFileName,
  tablesToCsv,
  tablesToXlsx,
} from '../../lib/table-export.ts';
import { reportLabels } from './reports.service.ts';

const headings = {
  sv: {
    summary: 'Sammanfattning',
    programme: 'Program',
    owner: 'Ägare',
    period: 'Period',
    esf: 'ESF-projektnummer',
    funder: 'Finansiär',
    budget: 'Budget (kr)',
    granted: 'Beviljat (kr)',
    scope: 'Omfattning',
    wholeProgramme: 'Hela programmet',
    generated: 'Skapad',
    target: 'Mål antal deltagare',
    targetReached: 'Andel av målet (%)',
    enrolled: 'Inskrivna',
    started: 'Påbörjat',
    active: 'Aktiva senaste 30 dagarna',
    completed: 'Slutfört',
    completionRate: 'Andel slutfört (%)',
    hours: 'Tid (timmar)',
    byMunicipality: 'Per kommun',
    byUnit: 'Per enhet',
    byTrack: 'Per spår',
    byRole: 'Per roll',
    byGender: 'Per kön',
    overTime: 'Per månad',
    participants: 'Deltagarlista per månad',
    municipality: 'Kommun',
    unit: 'Enhet',
    track: 'Spår',
    role: 'Roll',
    gender: 'Kön',
    month: 'Månad',
    enrolledInMonth: 'Inskrivna under månaden',
    startedInMonth: 'Påbörjat under månaden',
    completedInMonth: 'Slutfört under månaden',
    activeInMonth: 'Aktiva under månaden',
    cumulativeEnrolled: 'Inskrivna totalt',
    cumulativeCompleted: 'Slutfört totalt',
    participant: 'Deltagare',
    startDate: 'Startdatum',
    endDate: 'Slutdatum',
    hoursInMonth: 'Tid under månaden (timmar)',
    hoursTotal: 'Tid totalt (timmar)',
    value: 'Värde',
    key: 'Uppgift',
    importedByModule: 'Importerade kurser per modul',
    importedResults: 'Resultat i importerade kurser',
    course: 'Kurs',
    module: 'Modul',
    format: 'Format',
    passed: 'Godkänt',
    failed: 'Underkänt',
    waived: 'Undantagen',
    averageScore: 'Medelpoäng (%)',
    medianScore: 'Medianpoäng (%)',
    completion: 'Slutförandestatus',
    success: 'Resultatstatus',
    score: 'Poäng (%)',
    scoreRaw: 'Poäng',
    scoreMax: 'Maxpoäng',
    attempts: 'Försök',
    sessions: 'Sessioner',
    yes: 'Ja',
    no: 'Nej',
  },
  en: {
    summary: 'Summary',
    programme: 'Programme',
    owner: 'Owner',
    period: 'Period',
    esf: 'ESF project number',
    funder: 'Funder',
    budget: 'Budget (SEK)',
    granted: 'Granted (SEK)',
    scope: 'Scope',
    wholeProgramme: 'Whole programme',
    generated: 'Generated',
    target: 'Target participants',
    targetReached: 'Share of target (%)',
    enrolled: 'Enrolled',
    started: 'Started',
    active: 'Active in the last 30 days',
    completed: 'Completed',
    completionRate: 'Completion rate (%)',
    hours: 'Time (hours)',
    byMunicipality: 'By municipality',
    byUnit: 'By unit',
    byTrack: 'By track',
    byRole: 'By role',
    byGender: 'By gender',
    overTime: 'Per month',
    participants: 'Participant list per month',
    municipality: 'Municipality',
    unit: 'Unit',
    track: 'Track',
    role: 'Role',
    gender: 'Gender',
    month: 'Month',
    enrolledInMonth: 'Enrolled in month',
    startedInMonth: 'Started in month',
    completedInMonth: 'Completed in month',
    activeInMonth: 'Active in month',
    cumulativeEnrolled: 'Enrolled to date',
    cumulativeCompleted: 'Completed to date',
    participant: 'Participant',
    startDate: 'Start date',
    endDate: 'End date',
    hoursInMonth: 'Time in month (hours)',
    hoursTotal: 'Time in total (hours)',
    value: 'Value',
    key: 'Item',
    importedByModule: 'Imported courses by module',
    importedResults: 'Imported course results',
    course: 'Course',
    module: 'Module',
    format: 'Format',
    passed: 'Passed',
    failed: 'Failed',
    waived: 'Waived',
    averageScore: 'Average score (%)',
    medianScore: 'Median score (%)',
    completion: 'Completion status',
    success: 'Success status',
    score: 'Score (%)',
    scoreRaw: 'Score',
    scoreMax: 'Maximum score',
    attempts: 'Attempts',
    sessions: 'Sessions',
    yes: 'Yes',
    no: 'No',
  },
} as const;

const hours = (seconds: number) => Math.round((seconds / 3600) * 10) / 10;
const percent = (share: number) => Math.round(share * 1000) / 10;
const formatNames = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004', cmi5: 'cmi5' } as const;
const statusLabels = {
  sv: {
    completed: 'Slutförd',
    incomplete: 'Ej slutförd',
    'not attempted': 'Ej påbörjad',
    unknown: 'Okänd',
    passed: 'Godkänd',
    failed: 'Underkänd',
  },
  en: {
    completed: 'Completed',
    incomplete: 'Incomplete',
    'not attempted': 'Not attempted',
    unknown: 'Unknown',
    passed: 'Passed',
    failed: 'Failed',
  },
} as const;

/** The imported courses' tables: per module for the slice, and per learner (only with imported courses). */
function importedTables(report: ProgrammeReport, lang: UiLanguage): ExportTable[] {
  if (report.importedCourses.length === 0) return [];
  const h = headings[lang];
  const status = statusLabels[lang];
  const orEmpty = <T>(v: T | null, f: (x: T) => Cell): Cell => (v === null ? '' : f(v));
  const courseTitle = new Map(report.importedCourses.map((c) => [c.courseId, c.title]));
  return [
    {
      title: h.importedByModule,
      sheet: h.importedByModule,
      columns: [
        { header: h.course },
        { header: h.module },
        { header: h.format },
        { header: h.started, kind: 'int' },
        { header: h.completed, kind: 'int' },
        { header: h.passed, kind: 'int' },
        { header: h.failed, kind: 'int' },
        { header: h.waived, kind: 'int' },
        { header: h.averageScore, kind: 'percent' },
        { header: h.medianScore, kind: 'percent' },
      ],
      rows: report.importedCourses.flatMap((c) =>
        c.modules.map((m): Cell[] => [
          c.title,
          m.title,
          formatNames[c.format],
          m.started,
          m.completed,
          m.passed,
          m.failed,
          m.waived,
          orEmpty(m.averageScore, percent),
          orEmpty(m.medianScore, percent),
        ]),
      ),
    },
    {
      title: h.importedResults,
      sheet: h.importedResults,
      columns: [
        { header: h.participant },
        { header: h.municipality },
        { header: h.unit },
        { header: h.course },
        { header: h.module },
        { header: h.format },
        { header: h.completion },
        { header: h.success },
        { header: h.score, kind: 'percent' },
        { header: h.scoreRaw },
        { header: h.scoreMax },
        { header: h.hoursTotal, kind: 'hours' },
        { header: h.attempts, kind: 'int' },
        { header: h.waived },
        { header: h.sessions, kind: 'int' },
      ],
      rows: report.importedResults.map((r): Cell[] => [
        r.name,
        r.municipality,
        r.unit ?? '',
        courseTitle.get(r.courseId) ?? '',
        r.moduleTitle,
        formatNames[r.format],
        status[r.completion],
        status[r.success],
        orEmpty(r.scoreScaled, percent),
        r.scoreRaw ?? '',
        r.scoreMax ?? '',
        orEmpty(r.secondsTotal, hours),
        r.attempts ?? '',
        orEmpty(r.waived, (w) => (w ? h.yes : h.no)),
        r.sessions ?? '',
      ]),
    },
  ];
}

/** The report as tables, shared by the CSV and the workbook so both say the same; the participant list last. */
function tables(report: ProgrammeReport, lang: UiLanguage): ExportTable[] {
  const h = headings[lang];
  const labels = reportLabels[lang];
  const f = report.programme.funding;
  const countColumns = [
    { header: h.enrolled, kind: 'int' as const },
    { header: h.started, kind: 'int' as const },
    { header: h.active, kind: 'int' as const },
    { header: h.completed, kind: 'int' as const },
    { header: h.completionRate, kind: 'percent' as const },
    { header: h.hours, kind: 'hours' as const },
  ];
  const countCells = (g: Omit<ReportGroup, 'key' | 'label'>): Cell[] => [
    g.enrolled,
    g.started,
    g.activeLast30Days,
    g.completed,
    percent(g.completionRate),
    hours(g.secondsSpent),
  ];
  const t = report.totals;
  return [
    {
      title: h.summary,
      sheet: h.summary,
      columns: [{ header: h.key }, { header: h.value }],
      rows: [
        [h.programme, report.programme.name],
        [h.owner, report.programme.ownerName],
        [h.period, `${report.programme.startsOn} – ${report.programme.endsOn}`],
        [h.esf, f.esfProjectNumber ?? ''],
        [h.funder, f.funder ?? ''],
        [h.budget, f.budgetSek ?? ''],
        [h.granted, f.grantedSek ?? ''],
        [h.scope, report.scope.complete ? h.wholeProgramme : report.scope.municipalityCodes.join(', ')],
        [h.generated, report.generatedAt.slice(0, 16).replace('T', ' ')],
        [h.target, t.target],
        [h.enrolled, t.enrolled],
        [h.targetReached, percent(t.targetReached)],
        [h.started, t.started],
        [h.active, t.activeLast30Days],
        [h.completed, t.completed],
        [h.completionRate, percent(t.completionRate)],
        [h.hours, hours(t.secondsSpent)],
      ],
    },
    {
      title: h.byMunicipality,
      sheet: h.byMunicipality,
      columns: [{ header: h.municipality }, ...countColumns],
      rows: report.byMunicipality.map((g) => [`${g.label} (${g.key})`, ...countCells(g)]),
    },
    {
      title: h.byUnit,
      sheet: h.byUnit,
      columns: [{ header: h.municipality }, { header: h.unit }, ...countColumns],
      rows: report.byUnit.map((g) => [g.municipality, g.label, ...countCells(g)]),
    },
    {
      title: h.byTrack,
      sheet: h.byTrack,
      columns: [{ header: h.track }, ...countColumns],
      rows: report.byTrack.map((g) => [g.label, ...countCells(g)]),
    },
    {
      title: h.byRole,
      sheet: h.byRole,
      columns: [{ header: h.role }, ...countColumns],
      rows: report.byRole.map((g) => [g.label, ...countCells(g)]),
    },
    {
      title: h.byGender,
      sheet: h.byGender,
      columns: [{ header: h.gender }, ...countColumns],
      rows: report.byGender.map((g) => [g.label, ...countCells(g)]),
    },
    {
      title: h.overTime,
      sheet: h.overTime,
      columns: [
        { header: h.month },
        { header: h.enrolledInMonth, kind: 'int' },
        { header: h.startedInMonth, kind: 'int' },
        { header: h.completedInMonth, kind: 'int' },
        { header: h.activeInMonth, kind: 'int' },
        { header: h.cumulativeEnrolled, kind: 'int' },
        { header: h.cumulativeCompleted, kind: 'int' },
      ],
      rows: report.overTime.map((m) => [
        m.month,
        m.enrolled,
        m.started,
        m.completed,
        m.active,
        m.cumulativeEnrolled,
        m.cumulativeCompleted,
      ]),
    },
    ...importedTables(report, lang),
    {
      title: h.participants,
      sheet: h.participants.slice(0, 31),
      columns: [
        { header: h.month },
        { header: h.participant },
        { header: h.municipality },
        { header: h.unit },
        { header: h.gender },
        { header: h.track },
        { header: h.startDate },
        { header: h.endDate },
        { header: h.hoursInMonth, kind: 'hours' },
        { header: h.hoursTotal, kind: 'hours' },
      ],
      rows: report.participants.map((r) => [
        r.month,
        r.name,
        r.municipality,
        r.unit ?? '',
        labels.gender[r.gender],
        labels.track[r.track],
        r.startedOn ?? '',
        r.completedOn ?? '',
        hours(r.secondsInMonth),
        hours(r.secondsTotal),
      ]),
    },
  ];
}

/**
 * The report as CSV (see tablesToCsv); `participantsOnly` gives just the funder's participant list,
 * without a section title.
 */
export function reportCsv(report: ProgrammeReport, lang: UiLanguage, participantsOnly = false): Buffer {
  const all = tables(report, lang);
  return participantsOnly ? tablesToCsv(all.slice(-1), lang, false) : tablesToCsv(all, lang, true);
}

export function reportXlsx(report: ProgrammeReport, lang: UiLanguage): Promise<Buffer> {
  return tablesToXlsx(tables(report, lang), new Date(report.generatedAt));
}

export function reportFileName(report: ProgrammeReport, ext: 'csv' | 'xlsx') {
  return exportFileName(report.programme.name, 'programme', report.generatedAt.slice(0, 10), ext);
}
