import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { TeamStatus, TeamView } from '../../../shared/contracts/team.ts';
import { type ExportTable, exportFileName, tablesToCsv, tablesToXlsx } from '../../lib/table-export.ts';
import { reportLabels } from '../reports/reports.service.ts';

const labels = {
  sv: {
    title: 'Mitt team',
    file: 'mitt-team',
    person: 'Namn',
    role: 'Roll',
    units: 'Enhet',
    status: 'Status',
    course: 'Kurs',
    programme: 'Program',
    percent: 'Klart (%)',
    lastActivity: 'Senast aktiv',
    completed: 'Slutförd',
    certificate: 'Intyg',
    statuses: {
      not_enrolled: 'Inte inskriven',
      not_started: 'Inte påbörjad',
      in_progress: 'Pågår',
      done: 'Klar',
      overdue: 'Försenad',
    } satisfies Record<TeamStatus, string>,
  },
  en: {
    title: 'My team',
    file: 'my-team',
    person: 'Name',
    role: 'Role',
    units: 'Unit',
    status: 'Status',
    course: 'Course',
    programme: 'Programme',
    percent: 'Done (%)',
    lastActivity: 'Last active',
    completed: 'Completed',
    certificate: 'Certificate',
    statuses: {
      not_enrolled: 'Not enrolled',
      not_started: 'Not started',
      in_progress: 'In progress',
      done: 'Done',
      overdue: 'Overdue',
    } satisfies Record<TeamStatus, string>,
  },
} as const;

const day = (v: string | null) => (v ? v.slice(0, 10) : null);

/** The team list as the page filtered it: one row per person and course (a row without a course too). */
export async function teamExport(view: TeamView, lang: UiLanguage, format: 'csv' | 'xlsx') {
  const l = labels[lang];
  const table: ExportTable = {
    title: l.title,
    sheet: l.title,
    columns: [
      { header: l.person },
      { header: l.role },
      { header: l.units },
      { header: l.status },
      { header: l.course },
      { header: l.programme },
      { header: l.percent, kind: 'int' },
      { header: l.lastActivity },
      { header: l.completed },
      { header: l.certificate },
    ],
    rows: view.items.flatMap((m) => {
      const person = [m.name, reportLabels[lang].role[m.role], m.units.map((u) => u.name).join(', ')];
      if (m.enrolments.length === 0) {
        return [[...person, l.statuses[m.status], null, null, null, null, null, null]];
      }
      return m.enrolments.map((e) => [
        ...person,
        l.statuses[e.status],
        e.courseTitle,
        e.programmeName,
        e.percent,
        day(e.lastActivityAt),
        day(e.completedAt),
        e.certificateCode,
      ]);
    }),
  };
  const now = new Date();
  const body = format === 'csv' ? tablesToCsv([table], lang) : await tablesToXlsx([table], now);
  return { body, fileName: exportFileName(l.file, 'team', now.toISOString().slice(0, 10), format) };
}
