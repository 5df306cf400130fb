import { z } from 'zod';
import { Uuid } from './common.ts';

export const technologyCategories = [
  'safety',
  'supervision',
  'health',
  'everyday',
  'communication',
  'work-support',
] as const;
export const TechnologyCategory = z.enum(technologyCategories);

export const Technology = z.object({
  id: Uuid,
  key: z.string(),
  category: TechnologyCategory,
  name: z.string(),
  description: z.string(),
});
export type Technology = z.infer<typeof Technology>;
export const TechnologyList = z.object({ items: z.array(Technology) });

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
    evidenceUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable()
      .optional(),
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

export const AdoptionMatrixQuery = z.object({
  region: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .describe('County code of the region, e.g. 20 for Dalarna; without it, the whole country'),
  lang: z.enum(['sv', 'en']).optional(),
});

export const AdoptionCell = z.object({
  key: z.string().describe('Technology key'),
  status: AdoptionStatus.nullable(),
  useRate: z.number().nullable(),
});

export const AdoptionMatrix = z.object({
  scope: z.object({ kind: z.enum(['nation', 'region']), name: z.string(), code: z.string() }),
  technologies: z.array(z.object({ key: z.string(), name: z.string() })),
  municipalities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      inOperation: z.number().int(),
      cells: z.array(AdoptionCell).describe('One per technology, in the order of `technologies`'),
    }),
  ),
});
export type AdoptionMatrix = z.infer<typeof AdoptionMatrix>;
