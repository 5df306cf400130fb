import { z } from 'zod';
import { IsoDateTime, ParamText, Uuid } from './common.ts';
import { ImportedCourseSummary, ImportedModuleResult } from './imported-results.ts';
import { Track } from './learning.ts';
import { OrganisationKind } from './organisations.ts';
import { Gender } from './people.ts';

const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const MunicipalityCode = z.string().regex(/^\d{4}$/, { message: 'invalid_format' });

/** How a programme is financed, as funders (e.g. the European Social Fund) ask for it. */
export const ProgrammeFunding = z.object({
  esfProjectNumber: z
    .string()
    .trim()
    .regex(/^\d{4}\/\d{3,6}$/, { message: 'invalid_format' })
    .optional()
    .describe('ESF project number, e.g. 2023/00123'),
  budgetSek: z.number().int().min(0).max(10_000_000_000).optional(),
  grantedSek: z.number().int().min(0).max(10_000_000_000).optional(),
  funder: z.string().trim().min(1).max(200).optional().describe('e.g. Svenska ESF-rådet'),
});
export type ProgrammeFunding = z.infer<typeof ProgrammeFunding>;

export const ProgrammeCourseInput = z.object({ track: Track, courseId: Uuid });

const uniqueTracks = (courses: { track: string }[] | undefined) =>
  !courses || new Set(courses.map((c) => c.track)).size === courses.length;

export const CreateProgramme = z
  .object({
    name: z.string().trim().min(1).max(200),
    ownerOrganisationId: Uuid.describe('A region, an association or a municipality'),
    startsOn: IsoDate,
    endsOn: IsoDate,
    municipalityCodes: z
      .array(MunicipalityCode)
      .min(1, 'choose_municipality')
      .max(290)
      .describe('Participating municipalities'),
    targetParticipants: z.number().int().min(1).max(1_000_000),
    funding: ProgrammeFunding.default({}),
    courses: z.array(ProgrammeCourseInput).max(3).default([]).describe('The course of each track'),
    selfEnrolment: z.boolean().default(false),
  })
  .refine((p) => p.endsOn >= p.startsOn, { message: 'ends_before_start', path: ['endsOn'] })
  .refine((p) => uniqueTracks(p.courses), { message: 'duplicate_track', path: ['courses'] });
export type CreateProgramme = z.infer<typeof CreateProgramme>;

export const UpdateProgramme = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    startsOn: IsoDate.optional(),
    endsOn: IsoDate.optional(),
    municipalityCodes: z.array(MunicipalityCode).min(1).max(290).optional(),
    targetParticipants: z.number().int().min(1).max(1_000_000).optional(),
    funding: ProgrammeFunding.optional(),
    courses: z.array(ProgrammeCourseInput).max(3).optional(),
    selfEnrolment: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' })
  .refine((p) => !p.startsOn || !p.endsOn || p.endsOn >= p.startsOn, {
    message: 'ends_before_start',
    path: ['endsOn'],
  })
  .refine((p) => uniqueTracks(p.courses), { message: 'duplicate_track', path: ['courses'] });
export type UpdateProgramme = z.infer<typeof UpdateProgramme>;

export const ProgrammeView = z.object({
  id: Uuid,
  name: z.string(),
  owner: z.object({ id: Uuid, name: z.string(), kind: OrganisationKind }),
  startsOn: IsoDate,
  endsOn: IsoDate,
  targetParticipants: z.number().int(),
  selfEnrolment: z.boolean(),
  funding: ProgrammeFunding,
  municipalities: z.array(z.object({ id: Uuid, code: z.string(), name: z.string() })),
  courses: z.array(z.object({ track: Track, courseId: Uuid, courseKey: z.string(), title: z.string() })),
  /** Distinct people enrolled (in the actor's view: all of them). */
  enrolled: z.number().int(),
  /** What the actor may do with it. */
  canManage: z.boolean(),
  canReport: z.boolean(),
  canSelfEnrol: z.boolean(),
  createdAt: IsoDateTime,
});
export type ProgrammeView = z.infer<typeof ProgrammeView>;
export const ProgrammeList = z.object({ items: z.array(ProgrammeView) });
export const ProgrammeIdParams = z.object({ id: Uuid });

/** Enrol people (a manager: their unit; a coordinator: their municipality or the programme), or oneself. */
export const ProgrammeEnrolmentInput = z.object({
  userIds: z.array(Uuid).min(1).max(1000).optional().describe('Omitted: enrol myself (self-enrolment)'),
});
/** Search people the caller may enrol in the programme (its municipalities, within the caller's scope). */
export const EnrolmentCandidatesQuery = z.object({
  q: ParamText.trim().max(100).optional().describe('Part of a name or e-mail address'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export const EnrolmentCandidates = z.object({
  items: z.array(
    z.object({
      userId: Uuid,
      name: z.string(),
      organisationName: z.string().describe('Unit (or municipality) the person works in'),
      municipalityName: z.string(),
      track: Track,
      enrolled: z.boolean().describe('Already enrolled in the programme'),
    }),
  ),
  /** More people match than were listed: narrow the search. */
  more: z.boolean(),
});
export type EnrolmentCandidates = z.infer<typeof EnrolmentCandidates>;
export const ProgrammeEnrolmentOutcome = z.enum(['created', 'existing', 'error']);
export const ProgrammeEnrolmentResult = z.object({
  created: z.number().int(),
  existing: z.number().int(),
  results: z.array(
    z.object({
      userId: Uuid,
      track: Track,
      courseId: Uuid,
      outcome: z.enum(['created', 'existing']),
    }),
  ),
});
export type ProgrammeEnrolmentResult = z.infer<typeof ProgrammeEnrolmentResult>;

export const ProgrammeImportQuery = z.object({
  mode: z
    .enum(['preview', 'commit'])
    .default('commit')
    .describe('preview: check every row and write nothing; commit: enrol the valid rows'),
});
export const ProgrammeImportRow = z.object({
  line: z.number().int().describe('Line number in the file, header = 1'),
  email: z.string().nullable(),
  name: z.string().nullable(),
  track: Track.nullable(),
  outcome: ProgrammeEnrolmentOutcome,
  errors: z.array(z.object({ column: z.string(), code: z.string(), message: z.string() })),
});
export const ProgrammeImportResult = z.object({
  mode: z.enum(['preview', 'commit']),
  encoding: z.string(),
  delimiter: z.string(),
  total: z.number().int(),
  created: z.number().int(),
  existing: z.number().int(),
  failed: z.number().int(),
  rows: z.array(ProgrammeImportRow),
});
export type ProgrammeImportResult = z.infer<typeof ProgrammeImportResult>;

// ---------------------------------------------------------------------------------------------------
// Reports

export const ReportFormat = z.enum(['json', 'csv', 'xlsx']);
export const ProgrammeReportQuery = z.object({
  format: ReportFormat.default('json'),
  lang: z.enum(['sv', 'en']).optional().describe('Language of headings in CSV and XLSX'),
  part: z
    .enum(['all', 'participants'])
    .default('all')
    .describe('csv: every table, or only the funder participant list'),
  participants: z
    .enum(['true', 'false'])
    .default('false')
    .describe('json: include the participant list (always in csv and xlsx)'),
});

export const ReportCounts = z.object({
  enrolled: z.number().int().describe('Distinct people enrolled'),
  started: z.number().int().describe('Enrolled people with any activity'),
  activeLast30Days: z.number().int(),
  completed: z.number().int(),
  completionRate: z.number().describe('completed / enrolled, 0–1'),
  secondsSpent: z.number().int(),
});
export type ReportCounts = z.infer<typeof ReportCounts>;

export const ReportGroup = ReportCounts.extend({
  key: z.string().describe('SCB code, unit id, track, role or gender; "none" when not applicable'),
  label: z.string(),
});
export type ReportGroup = z.infer<typeof ReportGroup>;

export const ReportMonth = z.object({
  month: z.string().describe('YYYY-MM'),
  enrolled: z.number().int().describe('Enrolled this month'),
  started: z.number().int().describe('First activity this month'),
  completed: z.number().int().describe('Completed this month'),
  active: z.number().int().describe('People with activity this month'),
  cumulativeEnrolled: z.number().int(),
  cumulativeCompleted: z.number().int(),
});
export type ReportMonth = z.infer<typeof ReportMonth>;

/** One line of the funder's participant list: a participant in a month with activity. */
export const FunderParticipantRow = z.object({
  month: z.string().describe('YYYY-MM'),
  userId: Uuid,
  name: z.string(),
  municipality: z.string(),
  unit: z.string().nullable(),
  gender: Gender,
  track: Track,
  startedOn: IsoDate.nullable().describe('First activity'),
  completedOn: IsoDate.nullable(),
  secondsInMonth: z.number().int(),
  secondsTotal: z.number().int(),
});
export type FunderParticipantRow = z.infer<typeof FunderParticipantRow>;

export const ProgrammeReport = z.object({
  programme: z.object({
    id: Uuid,
    name: z.string(),
    ownerName: z.string(),
    startsOn: IsoDate,
    endsOn: IsoDate,
    targetParticipants: z.number().int(),
    funding: ProgrammeFunding,
  }),
  /** The whole programme, or (for a municipal coordinator) the slice of their municipalities. */
  scope: z.object({
    complete: z.boolean(),
    municipalityCodes: z.array(z.string()),
  }),
  generatedAt: IsoDateTime,
  totals: ReportCounts.extend({
    target: z.number().int(),
    targetReached: z.number().describe('enrolled / target, 0–1 (may exceed 1)'),
  }),
  byMunicipality: z.array(ReportGroup),
  byUnit: z.array(ReportGroup.extend({ municipality: z.string() })),
  byTrack: z.array(ReportGroup),
  byRole: z.array(ReportGroup),
  byGender: z.array(ReportGroup),
  overTime: z.array(ReportMonth),
  participants: z.array(FunderParticipantRow).describe('The funder participant list, per month'),
  importedCourses: z
    .array(ImportedCourseSummary)
    .describe('The programme’s imported SCORM and cmi5 courses: each module’s results over the slice'),
  importedResults: z
    .array(ImportedModuleResult)
    .describe('Each learner’s result per module of the imported courses: with the participant list only'),
});
export type ProgrammeReport = z.infer<typeof ProgrammeReport>;
