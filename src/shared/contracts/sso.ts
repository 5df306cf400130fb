import { z } from 'zod';

/**
 * The answer to POST /auth/logout. `logoutUrl`: the session came from an organisation's IdP that
 * offers single logout; the browser goes there so the person is signed out at the IdP too, and the
 * IdP sends them back to /logga-in.
 */
export const LogoutResult = z.object({ ok: z.literal(true), logoutUrl: z.string().optional() });
export type LogoutResult = z.infer<typeof LogoutResult>;
