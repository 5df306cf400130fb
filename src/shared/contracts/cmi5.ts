import { z } from 'zod';
import { ParamText, Uuid } from './common.ts';

/**
 * The cmi5 LMS API for systems (issue 18): an LMS front end or a conformance harness (ADL's CATAPULT)
 * imports cmi5 courses, asks for launch URLs and waives or abandons AUs with the bearer token of an API
 * client holding `cmi5:admin`. The AU itself talks to the fetch URL and to /xapi (cmi5 §8).
 */

export const Cmi5LaunchMode = z.enum(['Normal', 'Browse', 'Review']);
export type Cmi5LaunchMode = z.infer<typeof Cmi5LaunchMode>;

export const Cmi5CourseCreated = z.object({ id: Uuid });
export type Cmi5CourseCreated = z.infer<typeof Cmi5CourseCreated>;

export const Cmi5CourseParams = z.object({ id: Uuid });

export const Cmi5LaunchParams = z.object({
  id: Uuid,
  /** Position of the AU in the course structure, from 0 in document order. */
  auIndex: z.coerce.number().int().min(0).max(100_000),
});

/** The learner: cmi5 §9.2 requires an Agent identified by an account. */
export const Cmi5Actor = z.object({
  objectType: z.literal('Agent').optional(),
  name: z.string().max(500).optional(),
  account: z.object({
    homePage: z.url().max(2000),
    name: z.string().min(1).max(500),
  }),
});
export type Cmi5Actor = z.infer<typeof Cmi5Actor>;

export const Cmi5LaunchRequest = z.object({
  actor: Cmi5Actor,
  /** An existing registration of this learner in this course, or a new one to create under this id. */
  registration: Uuid.optional(),
  launchMode: Cmi5LaunchMode.optional(),
  /** Where the AU sends the learner when it ends (LMS.LaunchData returnURL). */
  returnUrl: z.url().max(2000).optional(),
});
export type Cmi5LaunchRequest = z.infer<typeof Cmi5LaunchRequest>;

export const Cmi5LaunchResult = z.object({
  /** The AU's URL with the launch parameters of cmi5 §8.1 in its query. */
  url: z.string(),
  registration: Uuid,
  sessionId: Uuid,
});
export type Cmi5LaunchResult = z.infer<typeof Cmi5LaunchResult>;

/** A module of the learner's own enrolment on an imported cmi5 course, played in the web app. */
export const Cmi5ModuleParams = z.object({
  id: Uuid.describe('The enrolment'),
  moduleKey: ParamText.regex(/^[a-z0-9-]{1,80}$/),
});

export const Cmi5FetchParams = z.object({ sessionId: ParamText.max(100) });

/** The fetch URL's answer (cmi5 §8.2): the token, or an error with HTTP 200 all the same (§8.2.2). */
export const Cmi5FetchResult = z.union([
  z.object({ 'auth-token': z.string() }),
  z.object({ 'error-code': z.enum(['1', '2', '3']), 'error-text': z.string() }),
]);
export type Cmi5FetchResult = z.infer<typeof Cmi5FetchResult>;

export const Cmi5WaiveParams = z.object({
  registration: Uuid,
  auIndex: z.coerce.number().int().min(0).max(100_000),
});

/** The reasons cmi5 §9.5.5.2 names; another string is allowed (SHOULD, not MUST). */
export const Cmi5WaiveRequest = z.object({
  reason: z.string().trim().min(1).max(200),
});
export type Cmi5WaiveRequest = z.infer<typeof Cmi5WaiveRequest>;

export const Cmi5SessionParams = z.object({ sessionId: Uuid });
