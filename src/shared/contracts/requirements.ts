import { z } from 'zod';
import { IsoDateTime, PageQuery, ParamText, page, Uuid } from './common.ts';
import { HighlightPart } from './documents.ts';

/**
 * The requirements library and requirement specifications (issue 17). A requirement's text lives in
 * versions: an edit is the next version and a specification keeps the version it took.
 */

export const requirementCategories = [
  'function',
  'security_gdpr',
  'accessibility',
  'interoperability',
  'exit',
  'support_training',
  'environment',
] as const;
export const RequirementCategory = z.enum(requirementCategories);
export type RequirementCategory = z.infer<typeof RequirementCategory>;

/** must = ska-krav (a tender that fails it is rejected), should = bör-krav (scored). */
export const requirementLevels = ['must', 'should'] as const;
export const RequirementLevel = z.enum(requirementLevels);
export type RequirementLevel = z.infer<typeof RequirementLevel>;

export const lessonRatings = ['worked', 'partly', 'did_not_work'] as const;
export const LessonRating = z.enum(lessonRatings);
export type LessonRating = z.infer<typeof LessonRating>;

const TechnologyKey = ParamText.regex(/^[a-z0-9-]{1,80}$/);

export const RequirementOwner = z.object({
  id: Uuid,
  name: z.string(),
  kind: z.enum(['nation', 'region', 'association', 'municipality']),
});
export type RequirementOwner = z.infer<typeof RequirementOwner>;

export const RequirementTechnology = z.object({ key: z.string(), name: z.string() });
export type RequirementTechnology = z.infer<typeof RequirementTechnology>;

export const RequirementVersion = z.object({
  version: z.number().int().min(1),
  textSv: z.string(),
  textEn: z.string().nullable(),
  level: RequirementLevel,
  category: RequirementCategory,
  source: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type RequirementVersion = z.infer<typeof RequirementVersion>;

export const RequirementSummary = z.object({
  id: Uuid,
  owner: RequirementOwner,
  current: RequirementVersion,
  technologies: z.array(RequirementTechnology),
  usedIn: z.number().int().describe('How many specifications use any version of it'),
  lessonCount: z.number().int(),
  /** The caller's organisation owns it, so the caller may add versions. */
  canEdit: z.boolean(),
});
export type RequirementSummary = z.infer<typeof RequirementSummary>;

const filters = {
  category: RequirementCategory.optional(),
  technology: TechnologyKey.optional(),
  level: RequirementLevel.optional(),
};
export type RequirementFilters = {
  [K in keyof typeof filters]?: z.infer<(typeof filters)[K]> | undefined;
};

export const RequirementListQuery = PageQuery.extend({
  ...filters,
  owner: Uuid.optional().describe('Only this organisation’s requirements'),
});
export type RequirementListQuery = z.infer<typeof RequirementListQuery>;
export const RequirementList = page(RequirementSummary);
export type RequirementList = z.infer<typeof RequirementList>;

export const RequirementSearchQuery = z.object({
  q: ParamText.trim().min(2).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  ...filters,
});
export type RequirementSearchQuery = z.infer<typeof RequirementSearchQuery>;
export const RequirementSearchHit = z.object({
  requirement: RequirementSummary,
  rank: z.number(),
  text: z.array(HighlightPart).describe('The Swedish text with the matching words marked'),
});
export type RequirementSearchHit = z.infer<typeof RequirementSearchHit>;
export const RequirementSearchResult = z.object({ items: z.array(RequirementSearchHit) });
export type RequirementSearchResult = z.infer<typeof RequirementSearchResult>;

export const RequirementLesson = z.object({
  id: Uuid,
  version: z.number().int(),
  organisation: z.object({ id: Uuid, name: z.string() }),
  rating: LessonRating,
  body: z.string(),
  createdAt: IsoDateTime,
});
export type RequirementLesson = z.infer<typeof RequirementLesson>;

export const RequirementDetail = RequirementSummary.extend({
  versions: z.array(RequirementVersion).describe('Every version, newest first'),
  lessons: z.array(RequirementLesson).describe('Newest first'),
  derivedFrom: Uuid.nullable().describe('The requirement this one was edited from, if any'),
});
export type RequirementDetail = z.infer<typeof RequirementDetail>;

export const RequirementParams = z.object({ id: Uuid });

const RequirementText = z.string().trim().min(10).max(4000);
const RequirementFields = {
  textSv: RequirementText,
  textEn: z.string().trim().max(4000).optional(),
  level: RequirementLevel,
  category: RequirementCategory,
  source: z.string().trim().max(300).optional(),
  technologyKeys: z.array(TechnologyKey).max(20),
};

export const CreateRequirement = z.strictObject({
  ownerId: Uuid.describe('The organisation that owns it: one where the caller is a coordinator'),
  ...RequirementFields,
});
export type CreateRequirement = z.infer<typeof CreateRequirement>;

export const UpdateRequirement = z.strictObject({
  ...RequirementFields,
  /** The version the edit started from: a newer one saved meanwhile gives 409. */
  baseVersion: z.number().int().min(1),
});
export type UpdateRequirement = z.infer<typeof UpdateRequirement>;

export const CreateLesson = z.strictObject({
  organisationId: Uuid.describe('The organisation whose contract the lesson comes from'),
  version: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('The version the contract used; the current one if left out'),
  rating: LessonRating,
  body: z.string().trim().min(10).max(2000),
});
export type CreateLesson = z.infer<typeof CreateLesson>;

/** One row as the builder sends it; an edited text is stored as a requirement version of its own. */
export const SpecificationItemInput = z.strictObject({
  requirementId: Uuid,
  version: z.number().int().min(1),
  level: RequirementLevel,
  textSv: RequirementText.optional().describe('An edited text: saved as a new version (or an own copy)'),
});
export type SpecificationItemInput = z.infer<typeof SpecificationItemInput>;

const SpecificationFields = {
  title: z.string().trim().min(3).max(200),
  technologyKey: TechnologyKey,
  introduction: z.string().trim().max(5000),
  items: z.array(SpecificationItemInput).max(400),
};

export const CreateSpecification = z.strictObject({ ownerId: Uuid, ...SpecificationFields });
export type CreateSpecification = z.infer<typeof CreateSpecification>;
export const UpdateSpecification = z.strictObject(SpecificationFields);
export type UpdateSpecification = z.infer<typeof UpdateSpecification>;

export const SpecificationItem = z.object({
  requirementId: Uuid,
  version: z.number().int(),
  currentVersion: z.number().int().describe('The library’s newest version: a newer one may be taken'),
  level: RequirementLevel,
  category: RequirementCategory,
  textSv: z.string(),
  textEn: z.string().nullable(),
  owner: z.string(),
});
export type SpecificationItem = z.infer<typeof SpecificationItem>;

export const SpecificationSummary = z.object({
  id: Uuid,
  title: z.string(),
  owner: RequirementOwner,
  technology: RequirementTechnology,
  itemCount: z.number().int(),
  updatedAt: IsoDateTime,
  canEdit: z.boolean(),
});
export type SpecificationSummary = z.infer<typeof SpecificationSummary>;
export const SpecificationList = z.object({ items: z.array(SpecificationSummary) });
export type SpecificationList = z.infer<typeof SpecificationList>;

export const SpecificationDetail = SpecificationSummary.extend({
  introduction: z.string(),
  items: z.array(SpecificationItem).describe('In the specification’s order'),
});
export type SpecificationDetail = z.infer<typeof SpecificationDetail>;

export const SpecificationParams = z.object({ id: Uuid });
export const SpecificationExportQuery = z.strictObject({ format: z.enum(['docx', 'xlsx']) });
