import { z } from 'zod';
import { ParamText, Uuid, WebUrl } from './common.ts';

export const technologyCategories = [
  'safety',
  'supervision',
  'health',
  'everyday',
  'communication',
  'work-support',
] as const;
export const TechnologyCategory = z.enum(technologyCategories);
export type TechnologyCategory = z.infer<typeof TechnologyCategory>;

export const Technology = z.object({
  id: Uuid,
  key: z.string(),
  category: TechnologyCategory,
  name: z.string(),
  description: z.string(),
});
export type Technology = z.infer<typeof Technology>;
export const TechnologyList = z.object({ items: z.array(Technology) });

/** A catalogue entry in both languages, as national administrators maintain it. */
export const TechnologyDetails = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(80)
    .describe('Stable key used in CSV files and the API, e.g. `stove-guard`; cannot be changed'),
  category: TechnologyCategory,
  nameSv: z.string().trim().min(2).max(120),
  nameEn: z.string().trim().min(2).max(120),
  descriptionSv: z.string().trim().min(10).max(1000),
  descriptionEn: z.string().trim().min(10).max(1000),
});
export type TechnologyDetails = z.infer<typeof TechnologyDetails>;
export const UpdateTechnology = TechnologyDetails.omit({ key: true });
export type UpdateTechnology = z.infer<typeof UpdateTechnology>;
export const TechnologyKeyParams = z.object({ key: ParamText.regex(/^[a-z0-9-]{1,80}$/) });

export const adoptionStatuses = [
  'not_relevant',
  'not_planned',
  'planned',
  'piloting',
  'in_operation',
  'discontinued',
] as const;
export const AdoptionStatus = z.enum(adoptionStatuses);
export type AdoptionStatus = z.infer<typeof AdoptionStatus>;

const IsoDay = z.iso.date();
const count = z.number().int().min(0).max(10_000_000);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** What a person records for one municipality × technology (history and audit compare these). */
export const adoptionFields = [
  'status',
  'since',
  'scope',
  'usersServed',
  'eligibleUsers',
  'contactName',
  'contactEmail',
  'comment',
  'evidenceUrl',
] as const;
export type AdoptionField = (typeof adoptionFields)[number];

/** One municipality × technology. Absent fields are left as they were; null clears them. */
export const AdoptionUpdate = z
  .object({
    technologyKey: z.string().regex(/^[a-z0-9-]{1,80}$/),
    status: AdoptionStatus,
    since: IsoDay.nullable().optional(),
    scope: optionalText(500).describe('Units or service areas, e.g. "all home care groups"'),
    usersServed: count.nullable().optional().describe('People who use it now'),
    eligibleUsers: count
      .nullable()
      .optional()
      .describe('People it could serve (e.g. with a decision for home care)'),
    contactName: optionalText(200),
    contactEmail: z.email().max(254).nullable().optional(),
    comment: optionalText(2000),
    evidenceUrl: WebUrl.nullable().optional(),
  })
  .refine((u) => u.usersServed == null || u.eligibleUsers == null || u.usersServed <= u.eligibleUsers, {
    message: 'served_exceeds_eligible',
    path: ['usersServed'],
  });
export type AdoptionUpdate = z.infer<typeof AdoptionUpdate>;

export const PutMunicipalityTechnologies = z.object({
  items: z.array(AdoptionUpdate).min(1).max(100),
});

export const AdoptionView = z.object({
  technology: z.object({ key: z.string(), name: z.string(), category: TechnologyCategory }),
  status: AdoptionStatus.nullable().describe('Null: never recorded'),
  since: IsoDay.nullable(),
  scope: z.string().nullable(),
  usersServed: z.number().int().nullable(),
  eligibleUsers: z.number().int().nullable(),
  useRate: z.number().nullable().describe('usersServed / eligibleUsers, 0–1, when both are known'),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  comment: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type AdoptionView = z.infer<typeof AdoptionView>;

export const MunicipalityTechnologies = z.object({
  municipality: z.object({ id: Uuid, code: z.string(), name: z.string() }),
  canEdit: z.boolean(),
  items: z.array(AdoptionView),
});
export type MunicipalityTechnologies = z.infer<typeof MunicipalityTechnologies>;

export const TechnologyLanguageQuery = z.object({ lang: z.enum(['sv', 'en']).optional() });

/** Which municipalities a view covers: a region (county code), an association, or the whole country. */
export const AdoptionScopeQuery = z.object({
  region: ParamText.regex(/^\d{2}$/)
    .optional()
    .describe('County code of the region, e.g. 20 for Dalarna'),
  association: Uuid.optional().describe('An association of municipalities (kommunalförbund, project)'),
  lang: z.enum(['sv', 'en']).optional(),
});
export type AdoptionScopeQuery = z.infer<typeof AdoptionScopeQuery>;
export const AdoptionMatrixQuery = AdoptionScopeQuery.describe(
  'Without region or association: the whole country (national administrators)',
);

export const ScopeKind = z.enum(['nation', 'region', 'association']);
export const AdoptionScope = z.object({
  kind: ScopeKind,
  id: Uuid,
  name: z.string(),
  code: z.string().describe('County code, "SE" for the country, the id for an association'),
});
export type AdoptionScope = z.infer<typeof AdoptionScope>;

/** One municipality × technology; the technology is the one at the same place in `technologies`. */
export const AdoptionCell = z.object({
  status: AdoptionStatus.nullable(),
  useRate: z.number().nullable(),
});

export const AdoptionMatrix = z.object({
  scope: AdoptionScope,
  technologies: z.array(z.object({ key: z.string(), name: z.string() })),
  municipalities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      inOperation: z.number().int(),
      lastUpdated: z.iso.datetime({ offset: true }).nullable().describe('Latest change of any record'),
      cells: z.array(AdoptionCell).describe('One per technology, in the order of `technologies`'),
    }),
  ),
});
export type AdoptionMatrix = z.infer<typeof AdoptionMatrix>;

export const mapMeasures = ['status', 'inOperation', 'useRate'] as const;
export const MapMeasure = z.enum(mapMeasures);
export type MapMeasure = z.infer<typeof MapMeasure>;

export const AdoptionMapQuery = AdoptionScopeQuery.extend({
  technology: ParamText.regex(/^[a-z0-9-]{1,80}$/)
    .optional()
    .describe('Technology key whose status and use rate to give; without it, the first in the catalogue'),
});

/** What a map of the scope needs per municipality, for the chosen technology; the shapes come separately. */
export const AdoptionMap = z.object({
  scope: AdoptionScope,
  technology: z.object({ key: z.string(), name: z.string() }),
  technologies: z.array(z.object({ key: z.string(), name: z.string() })),
  municipalities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      status: AdoptionStatus.nullable(),
      useRate: z.number().nullable(),
      usersServed: z.number().int().nullable(),
      eligibleUsers: z.number().int().nullable(),
      inOperation: z.number().int(),
    }),
  ),
});
export type AdoptionMap = z.infer<typeof AdoptionMap>;

/** Municipality borders projected for an SVG: static reference data, cached by the browser. */
export const MunicipalityShapes = z.object({
  attribution: z.string(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      countyCode: z.string(),
      path: z.string().describe('SVG path data in the coordinate space of the map'),
      bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).describe('minX, minY, maxX, maxY'),
    }),
  ),
});
export type MunicipalityShapes = z.infer<typeof MunicipalityShapes>;

export const gapKinds = ['no_strategy', 'no_representative', 'stale_adoption'] as const;
export const GapKind = z.enum(gapKinds);
export type GapKind = z.infer<typeof GapKind>;

/** Municipalities without a governing strategy, a reference-group representative or recent adoption data. */
export const AdoptionGaps = z.object({
  scope: AdoptionScope,
  staleAfterMonths: z.number().int(),
  municipalities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      strategies: z
        .number()
        .int()
        .describe('Local governing documents in force: policy, strategy, action plan'),
      representatives: z.number().int().describe('Active members of reference groups covering it'),
      lastUpdated: z.iso.datetime({ offset: true }).nullable(),
      gaps: z.array(GapKind),
    }),
  ),
});
export type AdoptionGaps = z.infer<typeof AdoptionGaps>;

export const AdoptionExportQuery = AdoptionScopeQuery.extend({ format: z.enum(['csv', 'xlsx']) });
