import { z } from 'zod';
import { ParamText } from './common.ts';

/**
 * A steering group's agreed definitions of its terms (issue 8): one per owner and key, each change a new
 * version in Swedish and English; older versions stay readable and are never edited.
 */

export const DefinitionKey = ParamText.min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'key_format')
  .describe('Stable key used in links, e.g. welfare-technology');

const Term = z.string().trim().min(1).max(200);
const Body = z.string().trim().min(1).max(5000);
const Note = z.string().trim().max(500);

export const DefinitionOwner = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['nation', 'region', 'association']),
  code: z.string().nullable(),
});
export type DefinitionOwner = z.infer<typeof DefinitionOwner>;

export const DefinitionVersion = z.object({
  version: z.number().int().min(1),
  termSv: z.string(),
  termEn: z.string(),
  bodySv: z.string(),
  bodyEn: z.string(),
  agreedNote: z.string().nullable(),
  createdAt: z.string(),
});
export type DefinitionVersion = z.infer<typeof DefinitionVersion>;

export const Definition = z.object({
  id: z.uuid(),
  key: DefinitionKey,
  owner: DefinitionOwner,
  current: DefinitionVersion,
  /** The caller may add versions (`definition.manage` at the owner). */
  canManage: z.boolean(),
});
export type Definition = z.infer<typeof Definition>;

export const DefinitionListQuery = z.strictObject({
  owner: z.uuid().optional().describe('Only this owner’s definitions'),
});

export const DefinitionGroup = z.object({ owner: DefinitionOwner, items: z.array(Definition) });
export type DefinitionGroup = z.infer<typeof DefinitionGroup>;

export const DefinitionList = z.object({
  groups: z.array(DefinitionGroup).describe('The nation’s definitions first, then other owners by name'),
  /** Owners the caller may add definitions for. */
  manageableOwners: z.array(DefinitionOwner),
});
export type DefinitionList = z.infer<typeof DefinitionList>;

export const DefinitionKeyParams = z.object({ key: DefinitionKey });
export const DefinitionIdParams = z.object({ id: z.uuid() });
export const DefinitionDetailQuery = DefinitionListQuery;

export const DefinitionDetail = Definition.extend({
  versions: z.array(DefinitionVersion).describe('Every version, newest first'),
  /** Other owners with a definition under the same key. */
  alternatives: z.array(DefinitionOwner),
});
export type DefinitionDetail = z.infer<typeof DefinitionDetail>;

const VersionFields = {
  termSv: Term,
  termEn: Term,
  bodySv: Body,
  bodyEn: Body,
  agreedNote: Note.optional(),
};

export const CreateDefinition = z.strictObject({
  ownerId: z.uuid(),
  key: DefinitionKey,
  ...VersionFields,
});
export type CreateDefinition = z.infer<typeof CreateDefinition>;

export const CreateDefinitionVersion = z.strictObject({
  ...VersionFields,
  /** The version the change was based on: a newer one saved meanwhile gives 409. */
  baseVersion: z.number().int().min(1),
});
export type CreateDefinitionVersion = z.infer<typeof CreateDefinitionVersion>;
