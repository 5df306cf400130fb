import { z } from 'zod';
import { Uuid } from './common.ts';

export const UserIdParams = z.object({ id: Uuid });

export const ErasureResult = z.object({
  id: Uuid,
  erased: z.literal(true),
  membershipsRemoved: z.number().int(),
  auditEntriesScrubbed: z.number().int(),
  /** Knowledge-bank cases that named the person as their contact (by e-mail) and no longer do. */
  caseContactsRemoved: z.number().int(),
  /** Rows changed per entry of the register of personal data (src/server/db/personal-data.ts). */
  changes: z.record(z.string(), z.number().int()),
});
