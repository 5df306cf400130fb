import { z } from 'zod';
import { Uuid } from './common.ts';

export const UserIdParams = z.object({ id: Uuid });

export const ErasureResult = z.object({
  id: Uuid,
  erased: z.literal(true),
  membershipsRemoved: z.number().int(),
  auditEntriesScrubbed: z.number().int(),
});
