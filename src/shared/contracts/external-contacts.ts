import { z } from 'zod';
import { IsoDateTime, PageQuery, ParamText, page, Uuid } from './common.ts';

/**
 * Contacts with external actors (issue 17): a region's or an association's log of meetings, market
 * dialogues, calls and visits with suppliers, Inera, the region's health care, universities and others —
 * topic, technologies, municipalities concerned, outcome and a follow-up — searched in Swedish so that
 * the next municipality with the same question finds what was said.
 */

export const externalActorKinds = [
  'supplier',
  'inera',
  'region_health_care',
  'university',
  'authority',
  'other',
] as const;
export const ExternalActorKind = z.enum(externalActorKinds);
export type ExternalActorKind = z.infer<typeof ExternalActorKind>;

export const externalContactKinds = [
  'meeting',
  'market_dialogue',
  'call',
  'email',
  'visit',
  'other',
] as const;
export const ExternalContactKind = z.enum(externalContactKinds);
export type ExternalContactKind = z.infer<typeof ExternalContactKind>;

const IsoDate = z.iso.date();
const TechnologyKey = z.string().regex(/^[a-z0-9-]{1,80}$/, 'unknown_technology');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => v || null);
const optionalId = Uuid.nullable()
  .optional()
  .transform((v) => v ?? null);

const ContactFields = {
  occurredOn: IsoDate.describe('The day the contact took place'),
  kind: ExternalContactKind,
  actorKind: ExternalActorKind,
  actorName: text(200).describe('Who the contact was with: a company, Inera, a clinic, a university'),
  supplierId: optionalId.describe('The supplier in the national register, when the actor is one'),
  meetingId: optionalId.describe("A meeting or market dialogue held as one of the owner's group meetings"),
  procurementId: optionalId.describe('The joint procurement the contact belongs to'),
  topic: text(300),
  outcome: optionalText(8000),
  followUp: optionalText(2000).describe('What is to be done next'),
  followUpOn: IsoDate.nullable()
    .optional()
    .transform((v) => v ?? null)
    .describe("By when: until marked done it waits on the owner's coordinators' start page"),
  technologyKeys: z.array(TechnologyKey).max(40),
  municipalityIds: z
    .array(Uuid)
    .max(400)
    .describe("The municipalities concerned, within the owner's area (a region's, an association's members)"),
};

export const CreateExternalContact = z.strictObject({
  ownerId: Uuid.describe('The region or association whose log it is: one where the caller is a coordinator'),
  ...ContactFields,
});
export type CreateExternalContact = z.infer<typeof CreateExternalContact>;

export const UpdateExternalContact = z.strictObject(ContactFields);
export type UpdateExternalContact = z.infer<typeof UpdateExternalContact>;

const Named = z.object({ id: Uuid, name: z.string() });

export const ExternalContactOwner = z.object({
  id: Uuid,
  name: z.string(),
  kind: z.enum(['region', 'association']),
});
export type ExternalContactOwner = z.infer<typeof ExternalContactOwner>;

export const ExternalContactMunicipality = z.object({ id: Uuid, code: z.string(), name: z.string() });
export type ExternalContactMunicipality = z.infer<typeof ExternalContactMunicipality>;

export const ExternalContactMeeting = z.object({
  id: Uuid,
  networkId: Uuid,
  networkName: z.string(),
  title: z.string(),
  startsAt: IsoDateTime,
});
export type ExternalContactMeeting = z.infer<typeof ExternalContactMeeting>;

export const ExternalContactSummary = z.object({
  id: Uuid,
  owner: ExternalContactOwner,
  occurredOn: IsoDate,
  kind: ExternalContactKind,
  actorKind: ExternalActorKind,
  actorName: z.string(),
  topic: z.string(),
  supplier: Named.nullable(),
  technologies: z.array(z.object({ key: z.string(), name: z.string() })),
  municipalities: z.array(ExternalContactMunicipality),
  followUpOn: IsoDate.nullable(),
  followUpDoneAt: IsoDateTime.nullable(),
  /** The caller writes the owner's log: she may change or delete it and mark its follow-up done. */
  canEdit: z.boolean(),
});
export type ExternalContactSummary = z.infer<typeof ExternalContactSummary>;

export const ExternalContactView = ExternalContactSummary.extend({
  outcome: z.string().nullable(),
  followUp: z.string().nullable(),
  meeting: ExternalContactMeeting.nullable(),
  procurement: z.object({ id: Uuid, title: z.string() }).nullable(),
  createdBy: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type ExternalContactView = z.infer<typeof ExternalContactView>;

export const ExternalContactListQuery = PageQuery.extend({
  q: ParamText.trim()
    .max(200)
    .optional()
    .describe('Swedish full-text search of topic, actor, outcome and follow-up (word forms match)'),
  actorKind: ExternalActorKind.optional(),
  technology: ParamText.regex(/^[a-z0-9-]{1,80}$/).optional(),
  municipality: ParamText.regex(/^\d{4}$/, 'municipality_code')
    .optional()
    .describe('SCB code of a municipality concerned'),
  supplier: Uuid.optional(),
  owner: Uuid.optional().describe('Only this region’s or association’s log'),
  followUp: z.enum(['open']).optional().describe('Only contacts whose follow-up is not done'),
});
export type ExternalContactListQuery = z.infer<typeof ExternalContactListQuery>;
export const ExternalContactList = page(ExternalContactSummary);
export type ExternalContactList = z.infer<typeof ExternalContactList>;

export const ExternalContactParams = z.object({ id: Uuid });

export const ExternalContactChoicesQuery = z.object({
  owner: Uuid.optional().describe('A log the caller writes: its municipalities, meetings and procurements'),
});
export const ExternalContactChoices = z.object({
  /** The logs the caller reads; `canWrite` marks those she writes. */
  owners: z.array(ExternalContactOwner.extend({ canWrite: z.boolean() })),
  /** With `owner`: its area; without: the municipalities of the logs the caller reads. */
  municipalities: z.array(ExternalContactMunicipality),
  /** With `owner`: the meetings of its groups, newest first. */
  meetings: z.array(ExternalContactMeeting),
  /** With `owner`: the procurements it leads or its municipalities take part in. */
  procurements: z.array(z.object({ id: Uuid, title: z.string() })),
  suppliers: z.array(Named).describe('The national register (duplicates merged away left out)'),
});
export type ExternalContactChoices = z.infer<typeof ExternalContactChoices>;
