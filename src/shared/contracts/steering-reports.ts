import { z } from 'zod';
import { AdoptionStatus } from './mapping.ts';

/**
 * The steering-group report (issue 8): a report from a region's or association's steering group to
 * its principals for a period, like `seeds/000_*` — sections of narrative the coordinator writes, with
 * figures filled from live data while a draft and frozen when the report is issued.
 */

const IsoDate = z.iso.date();

/** The report's sections, in the order of the document. */
export const sectionKeys = [
  'background',
  'mission',
  'mapping',
  'referenceGroup',
  'programmes',
  'maturity',
  'initiatives',
  'nextSteps',
] as const;
export const SectionKey = z.enum(sectionKeys);
export type SectionKey = z.infer<typeof SectionKey>;

/** Sections that are narrative only (no figures). */
export const narrativeOnly: ReadonlySet<SectionKey> = new Set(['background', 'mission', 'nextSteps']);

/** One section's narrative: a few pages of text at most. */
export const NARRATIVE_MAX = 20_000;
/** The longest period a report may cover: three years (1 096 days, with a leap day). */
export const MAX_PERIOD_DAYS = 1096;

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const Title = z.string().trim().min(3).max(200);
const DiaryNumber = z.string().trim().min(1).max(60);

export const CreateSteeringReport = z
  .object({
    /** The region or association whose steering group reports. */
    organisationId: z.uuid(),
    /** Its steering group, a network of kind `steering_group` owned by the organisation. */
    networkId: z.uuid().optional(),
    from: IsoDate,
    to: IsoDate,
    title: Title.optional(),
    diaryNumber: DiaryNumber.optional(),
  })
  .refine((r) => r.to >= r.from, { message: 'ends_before_starts', path: ['to'] })
  .refine((r) => r.to < r.from || daysBetween(r.from, r.to) <= MAX_PERIOD_DAYS, {
    message: 'period_too_long',
    path: ['to'],
  });
export type CreateSteeringReport = z.infer<typeof CreateSteeringReport>;

/** Title, diary number and period while a draft; the period is checked as a whole by the server. */
export const UpdateSteeringReport = z
  .object({
    title: Title,
    diaryNumber: DiaryNumber.nullable(),
    from: IsoDate,
    to: IsoDate,
  })
  .partial()
  .refine((r) => Object.keys(r).length > 0, { message: 'nothing_to_change' });
export type UpdateSteeringReport = z.infer<typeof UpdateSteeringReport>;

const SectionTexts = z.partialRecord(SectionKey, z.string().max(NARRATIVE_MAX, 'text_too_long'));

/**
 * Saves some sections' narrative (the others stay). `base` is the text the client last saw of each
 * section it saves: when the stored text differs, someone else saved it meanwhile and the save is
 * refused with 409 `narrative_conflict` — two people writing different sections never conflict.
 */
export const SaveNarrative = z
  .object({ sections: SectionTexts, base: SectionTexts.optional() })
  .refine((b) => Object.keys(b.sections).length > 0, { message: 'nothing_to_change', path: ['sections'] });
export type SaveNarrative = z.infer<typeof SaveNarrative>;

export const SteeringReportParams = z.object({ id: z.uuid() });
export const SteeringReportListQuery = z.object({ organisation: z.uuid().optional() });

const Municipality = z.object({ code: z.string(), name: z.string() });

export const MappingFigures = z.object({
  municipalities: z.number().int(),
  technologies: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      /** Municipalities per status; statuses never recorded are left out. */
      statuses: z.partialRecord(AdoptionStatus, z.number().int()),
      inOperation: z.number().int(),
      usersServed: z.number().int(),
    }),
  ),
  documents: z.array(z.object({ kind: z.string(), level: z.string(), count: z.number().int() })),
  withoutStrategy: z.array(Municipality),
});
export type MappingFigures = z.infer<typeof MappingFigures>;

export const ReferenceGroupFigures = z.object({
  network: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  municipalities: z.array(Municipality.extend({ representatives: z.number().int() })),
  /** Representatives of others than the area's municipalities (the region, a university, business). */
  others: z.array(z.object({ name: z.string(), representatives: z.number().int() })),
  withoutRepresentative: z.array(Municipality),
});
export type ReferenceGroupFigures = z.infer<typeof ReferenceGroupFigures>;

const Participation = z.object({ enrolled: z.number().int(), completed: z.number().int() });
export const ProgrammeFigures = z.object({
  programmes: z.array(
    Participation.extend({
      id: z.uuid(),
      name: z.string(),
      startsOn: IsoDate,
      endsOn: IsoDate,
      targetParticipants: z.number().int(),
      byMunicipality: z.array(Municipality.extend(Participation.shape)),
    }),
  ),
});
export type ProgrammeFigures = z.infer<typeof ProgrammeFigures>;

export const MaturityFigures = z.object({
  round: z.object({ id: z.uuid(), name: z.string(), opensOn: IsoDate, closesOn: IsoDate }).nullable(),
  participants: z.number().int(),
  submitted: z.number().int(),
  /** The averages would reveal one or two municipalities' answers to this reader: left out. */
  hidden: z.boolean(),
  areas: z.array(z.object({ key: z.string(), label: z.string(), average: z.number().nullable() })),
});
export type MaturityFigures = z.infer<typeof MaturityFigures>;

const Amounts = z.object({ appliedSek: z.number(), grantedSek: z.number(), usedSek: z.number() });
export const InitiativeFigures = z.object({
  plans: z.array(z.object({ id: z.uuid(), title: z.string() })),
  byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
  byPhase: z.array(z.object({ phase: z.string(), count: z.number().int() })),
  items: z.array(
    z.object({
      plan: z.string(),
      priority: z.number().int(),
      title: z.string(),
      status: z.string(),
      phase: z.string(),
    }),
  ),
  /** Funding of the area's initiatives for the years of the period, by source. */
  funding: z.object({
    years: z.array(z.number().int()),
    bySource: z.array(Amounts.extend({ source: z.string() })),
    total: Amounts,
  }),
  benefits: z.object({
    byType: z.array(
      z.object({
        type: z.string(),
        indicators: z.number().int(),
        withMeasurement: z.number().int(),
        onTarget: z.number().int(),
      }),
    ),
    avoidedCostSekPerYear: z.number(),
    timeSavedHoursPerYear: z.number(),
  }),
});
export type InitiativeFigures = z.infer<typeof InitiativeFigures>;

/** The figures of every section with figures: what an issued report keeps in `snapshot`. */
export const ReportFigures = z.object({
  mapping: MappingFigures,
  referenceGroup: ReferenceGroupFigures,
  programmes: ProgrammeFigures,
  maturity: MaturityFigures,
  initiatives: InitiativeFigures,
});
export type ReportFigures = z.infer<typeof ReportFigures>;

const SectionBase = z.object({ title: z.string(), narrative: z.string() });
export const ReportSection = z.discriminatedUnion('key', [
  SectionBase.extend({ key: z.literal('background') }),
  SectionBase.extend({ key: z.literal('mission') }),
  SectionBase.extend({ key: z.literal('mapping'), figures: MappingFigures }),
  SectionBase.extend({ key: z.literal('referenceGroup'), figures: ReferenceGroupFigures }),
  SectionBase.extend({ key: z.literal('programmes'), figures: ProgrammeFigures }),
  SectionBase.extend({ key: z.literal('maturity'), figures: MaturityFigures }),
  SectionBase.extend({ key: z.literal('initiatives'), figures: InitiativeFigures }),
  SectionBase.extend({ key: z.literal('nextSteps') }),
]);
export type ReportSection = z.infer<typeof ReportSection>;

export const SteeringReportStatus = z.enum(['draft', 'issued']);

export const SteeringReportSummary = z.object({
  id: z.uuid(),
  status: SteeringReportStatus,
  title: z.string(),
  diaryNumber: z.string().nullable(),
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
  network: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  from: IsoDate,
  to: IsoDate,
  createdAt: z.string(),
  updatedAt: z.string(),
  issuedAt: z.string().nullable(),
});
export type SteeringReportSummary = z.infer<typeof SteeringReportSummary>;
export const SteeringReportList = z.object({ items: z.array(SteeringReportSummary) });

export const SteeringReport = SteeringReportSummary.extend({
  issuedBy: z.string().nullable(),
  /** When the figures were computed: now for a draft, the issue time for an issued report. */
  figuresAt: z.string(),
  canEdit: z.boolean(),
  sections: z.array(ReportSection),
});
export type SteeringReport = z.infer<typeof SteeringReport>;
