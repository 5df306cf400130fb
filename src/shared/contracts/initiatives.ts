import { z } from 'zod';

/** An initiative draft made from an assessment gap (issue 6); issue 7 extends the same record. */
export const CreateInitiative = z.object({
  title: z.string().trim().min(3).max(200),
  purpose: z.string().trim().max(4000).optional(),
  ownerOrganisationId: z.uuid(),
  source: z.object({
    roundId: z.uuid(),
    municipalityCode: z
      .string()
      .regex(/^\d{4}$/)
      .optional(),
    areaKey: z.string().max(40).optional(),
    questionKey: z.string().max(80).optional(),
  }),
});
export type CreateInitiative = z.infer<typeof CreateInitiative>;

export const InitiativeView = z.object({
  id: z.uuid(),
  title: z.string(),
  purpose: z.string().nullable(),
  status: z.string(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.string(),
  links: z.array(
    z.object({
      roundId: z.uuid(),
      roundName: z.string(),
      municipalityCode: z.string().nullable(),
      municipalityName: z.string().nullable(),
      areaKey: z.string().nullable(),
      questionKey: z.string().nullable(),
    }),
  ),
});
export type InitiativeView = z.infer<typeof InitiativeView>;

export const InitiativeIdParams = z.object({ id: z.uuid() });
