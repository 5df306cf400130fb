import { z } from 'zod';
import { ParamText, page, Uuid } from './common.ts';

export const organisationKinds = ['nation', 'region', 'municipality', 'unit', 'association'] as const;
export const OrganisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const organisationFlags = ['model_municipality'] as const;
export const OrganisationFlag = z.enum(organisationFlags);
export type OrganisationFlag = z.infer<typeof OrganisationFlag>;

/** Free-text subtype: unit type (home care group, nursing home …) or association type. */
export const unitTypes = ['home_care', 'nursing_home', 'home_health', 'disability_support', 'other'] as const;
export const associationTypes = ['municipal_association', 'project', 'steering_area', 'other'] as const;

export const OrganisationSummary = z.object({
  id: Uuid,
  kind: OrganisationKind,
  name: z.string(),
  code: z.string().nullable().describe('SCB code for municipalities, county code for regions'),
  countyCode: z.string().nullable(),
  parentId: Uuid.nullable(),
  subtype: z.string().nullable(),
  flags: z.array(OrganisationFlag),
});
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

export const Organisation = OrganisationSummary.extend({
  /** Self first, then parent, grandparent … up to the nation. Used by the access rule. */
  lineage: z.array(Uuid),
  /** Associations the organisation's municipality belongs to. */
  associationIds: z.array(Uuid),
  ancestors: z.array(OrganisationSummary).describe('Nearest first'),
  children: z.array(OrganisationSummary).describe('Sorted in Swedish order'),
  /** For an association: its member municipalities; for a municipality: its associations. */
  related: z.array(OrganisationSummary),
  memberCount: z.number().int().nullable().describe('Null when the caller may not see members'),
});
export type Organisation = z.infer<typeof Organisation>;

export const Municipality = z.object({
  id: Uuid,
  code: z.string().regex(/^\d{4}$/),
  name: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  regionId: Uuid,
  flags: z.array(OrganisationFlag),
});
export type Municipality = z.infer<typeof Municipality>;

export const MunicipalityList = z.object({ items: z.array(Municipality) });
export const MunicipalityCodeParams = z.object({ code: ParamText.regex(/^\d{4}$/) });
export const OrganisationIdParams = z.object({ id: Uuid });

export const OrganisationListQuery = z.object({
  kind: OrganisationKind.optional(),
  parentId: Uuid.optional(),
});
export const OrganisationList = z.object({ items: z.array(OrganisationSummary) });

/** A unit in a municipality (also the "add a unit" form's contract). */
export const CreateUnit = z.object({
  kind: z.literal('unit'),
  name: z.string().trim().min(2).max(120),
  parentId: Uuid.describe('The municipality the unit belongs to'),
  subtype: z.enum(unitTypes).default('other'),
});

export const CreateOrganisation = z.discriminatedUnion('kind', [
  CreateUnit,
  z.object({
    kind: z.literal('association'),
    name: z.string().trim().min(2).max(120),
    subtype: z.enum(associationTypes).default('municipal_association'),
    memberCodes: z
      .array(z.string().regex(/^\d{4}$/))
      .min(1)
      .max(290),
  }),
]);
export type CreateOrganisation = z.infer<typeof CreateOrganisation>;

export const UpdateOrganisation = z
  .object({
    name: z.string().trim().min(2).max(120).optional(),
    flags: z.array(OrganisationFlag).optional(),
    memberCodes: z
      .array(z.string().regex(/^\d{4}$/))
      .min(1)
      .max(290)
      .optional()
      .describe('Associations only'),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UpdateOrganisation = z.infer<typeof UpdateOrganisation>;

export const OrganisationPage = page(OrganisationSummary);
