import { z } from 'zod';
import { Role } from './people.ts';

export const SystemInfo = z.object({
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  /** True when the demo dataset is loaded: the login page then lists the demo accounts and their password. */
  demo: z.boolean(),
  demoPassword: z.string().nullable(),
  demoAccounts: z.array(z.object({ email: z.string(), name: z.string(), role: Role })),
});
export type SystemInfo = z.infer<typeof SystemInfo>;
