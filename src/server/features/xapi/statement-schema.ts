import { z } from 'zod';
import {
  activitySchema,
  extensionsSchema,
  iriSchema,
  languageMapSchema,
  languageTagSchema,
  uuidSchema,
} from './activity-definition-schema.ts';

export type XapiVersion = '1.0.3' | '2.0.0';

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

// Extended (and RFC 3339's space-separated) form; the offset is checked separately because its
// rules differ between versions.
const TIMESTAMP_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
// ISO 8601:2004 4.4.3.2 only: weeks stand alone, and "P" and "T" each need at least one component.
const DURATION_PATTERN =
  /^P(?:\d+(?:\.\d+)?W|(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?)$/;

type TimestampProblem = 'format' | 'offset-missing' | 'negative-zero-offset' | null;

export function timestampProblem(value: string, requireOffset: boolean): TimestampProblem {
  const m = TIMESTAMP_PATTERN.exec(value);
  if (!m) return 'format';
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = [1, 2, 3, 4, 5, 6].map((i) =>
    Number(m[i] ?? '0'),
  );
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return 'format';
  if (hour > 23 || minute > 59 || second > 60) return 'format';
  const hasOffset = Boolean(m[8] || m[9]);
  if (m[9]) {
    const offsetHours = Number(m[10]);
    const offsetMinutes = Number(m[11] ?? '0');
    if (offsetHours > 23 || offsetMinutes > 59) return 'format';
    // RFC 3339 reserves "-00:00" for "offset unknown", which is not an instant.
    if (m[9] === '-' && offsetHours === 0 && offsetMinutes === 0) return 'negative-zero-offset';
  }
  if (requireOffset && !hasOffset) return 'offset-missing';
  return null;
}

const TIMESTAMP_MESSAGES: Record<Exclude<TimestampProblem, null>, string> = {
  format: 'must be an ISO 8601 date-time',
  'offset-missing': 'must carry a time zone offset or Z',
  'negative-zero-offset': 'must not use a negative zero offset',
};

function timestampSchema(version: XapiVersion) {
  return z.string().superRefine((value, ctx) => {
    const problem = timestampProblem(value, version === '2.0.0');
    if (problem) ctx.addIssue({ code: 'custom', message: TIMESTAMP_MESSAGES[problem] });
  });
}

export const durationSchema = z.string().regex(DURATION_PATTERN, 'must be an ISO 8601 duration');

const ifiShape = {
  mbox: z
    .string()
    .regex(/^mailto:[^\s@]+@[^\s@]+$/, 'must be a mailto IRI')
    .optional(),
  mbox_sha1sum: z
    .string()
    .regex(/^[0-9a-f]{40}$/i, 'must be 40 hex digits')
    .optional(),
  openid: iriSchema.optional(),
  account: z.strictObject({ homePage: iriSchema, name: z.string() }).optional(),
};

type WithIfis = { mbox?: string; mbox_sha1sum?: string; openid?: string; account?: unknown };

export function ifiCount(actor: WithIfis): number {
  return [actor.mbox, actor.mbox_sha1sum, actor.openid, actor.account].filter((v) => v !== undefined).length;
}

function exactlyOneIfi(agent: WithIfis, ctx: z.RefinementCtx) {
  if (ifiCount(agent) !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: 'an Agent needs exactly one of mbox, mbox_sha1sum, openid, account',
    });
  }
}

export const agentSchema = z
  .strictObject({ objectType: z.literal('Agent').optional(), name: z.string().optional(), ...ifiShape })
  .superRefine(exactlyOneIfi);

// As a statement's object an Agent must say so: without objectType it would be read as an Activity.
const objectAgentSchema = z
  .strictObject({ objectType: z.literal('Agent'), name: z.string().optional(), ...ifiShape })
  .superRefine(exactlyOneIfi);

export const groupSchema = z
  .strictObject({
    objectType: z.literal('Group'),
    name: z.string().optional(),
    member: z.array(agentSchema).optional(),
    ...ifiShape,
  })
  .superRefine((group, ctx) => {
    const count = ifiCount(group);
    if (count > 1) ctx.addIssue({ code: 'custom', message: 'a Group has at most one identifier' });
    if (count === 0 && !group.member?.length) {
      ctx.addIssue({ code: 'custom', path: ['member'], message: 'an anonymous Group needs members' });
    }
  });

export const actorSchema = z.discriminatedUnion('objectType', [agentSchema, groupSchema]);

// Data 2.4.9: an OAuth authority is the anonymous pair of client and user.
const authoritySchema = actorSchema.superRefine((actor, ctx) => {
  if (actor.objectType !== 'Group') return;
  if (ifiCount(actor) > 0 || actor.member?.length !== 2) {
    ctx.addIssue({ code: 'custom', message: 'a Group authority is anonymous with exactly two members' });
  }
});

export const verbSchema = z.strictObject({ id: iriSchema, display: languageMapSchema.optional() });

export const statementRefSchema = z.strictObject({ objectType: z.literal('StatementRef'), id: uuidSchema });

const scoreSchema = z
  .strictObject({
    scaled: z.number().min(-1).max(1).optional(),
    raw: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .superRefine((score, ctx) => {
    const { raw, min, max } = score;
    if (min !== undefined && max !== undefined && !(min < max)) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'must be less than max' });
    }
    if (raw !== undefined && min !== undefined && raw < min) {
      ctx.addIssue({ code: 'custom', path: ['raw'], message: 'must not be less than min' });
    }
    if (raw !== undefined && max !== undefined && raw > max) {
      ctx.addIssue({ code: 'custom', path: ['raw'], message: 'must not be more than max' });
    }
  });

export const resultSchema = z.strictObject({
  score: scoreSchema.optional(),
  success: z.boolean().optional(),
  completion: z.boolean().optional(),
  response: z.string().optional(),
  duration: durationSchema.optional(),
  extensions: extensionsSchema.optional(),
});

const contextActivityListSchema = z
  .union([activitySchema, z.array(activitySchema)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

const relevantTypesSchema = z.array(iriSchema).min(1, 'must not be empty').optional();

function contextSchema(version: XapiVersion) {
  return z
    .strictObject({
      registration: uuidSchema.optional(),
      instructor: actorSchema.optional(),
      team: groupSchema.optional(),
      contextActivities: z
        .strictObject({
          parent: contextActivityListSchema.optional(),
          grouping: contextActivityListSchema.optional(),
          category: contextActivityListSchema.optional(),
          other: contextActivityListSchema.optional(),
        })
        .optional(),
      revision: z.string().optional(),
      platform: z.string().optional(),
      language: languageTagSchema.optional(),
      statement: statementRefSchema.optional(),
      extensions: extensionsSchema.optional(),
      contextAgents: z
        .array(
          z.strictObject({
            objectType: z.literal('contextAgent'),
            agent: agentSchema,
            relevantTypes: relevantTypesSchema,
          }),
        )
        .optional(),
      contextGroups: z
        .array(
          z.strictObject({
            objectType: z.literal('contextGroup'),
            group: groupSchema,
            relevantTypes: relevantTypesSchema,
          }),
        )
        .optional(),
    })
    .superRefine((context, ctx) => {
      if (version !== '1.0.3') return;
      for (const key of ['contextAgents', 'contextGroups'] as const) {
        if (context[key] !== undefined) {
          ctx.addIssue({ code: 'custom', path: [key], message: `unknown property in xAPI 1.0.3: ${key}` });
        }
      }
    });
}

export const attachmentSchema = z.strictObject({
  usageType: iriSchema,
  display: languageMapSchema,
  description: languageMapSchema.optional(),
  contentType: z.string().min(1),
  length: z.number().int().min(0),
  sha2: z
    .string()
    .regex(/^([0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i, 'must be a SHA-2 hex digest'),
  fileUrl: iriSchema.optional(),
});

type ObjectWithContext = {
  object: { objectType?: string };
  context?: { revision?: string; platform?: string };
};

// Data 2.4.6: revision and platform describe an Activity, so they make no sense for other objects.
function revisionAndPlatformOnlyForActivities(s: ObjectWithContext, ctx: z.RefinementCtx) {
  const isActivity = (s.object.objectType ?? 'Activity') === 'Activity';
  if (isActivity || !s.context) return;
  for (const key of ['revision', 'platform'] as const) {
    if (s.context[key] !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['context', key],
        message: 'only allowed when the object is an Activity',
      });
    }
  }
}

// A 2.0 LRS still stores statements that 1.0.x clients label with their own version.
const STATEMENT_VERSION: Record<XapiVersion, { pattern: RegExp; message: string }> = {
  '1.0.3': { pattern: /^1\.0(\.\d+)?$/, message: 'must be 1.0 or 1.0.x' },
  '2.0.0': { pattern: /^(1|2)\.0(\.\d+)?$/, message: 'must be 1.0.x or 2.0.x' },
};

export function statementSchemaFor(version: XapiVersion) {
  const timestamp = timestampSchema(version);
  const context = contextSchema(version);

  const subStatementSchema = z
    .strictObject({
      objectType: z.literal('SubStatement'),
      actor: actorSchema,
      verb: verbSchema,
      object: z.discriminatedUnion('objectType', [
        activitySchema,
        objectAgentSchema,
        groupSchema,
        statementRefSchema,
      ]),
      result: resultSchema.optional(),
      context: context.optional(),
      timestamp: timestamp.optional(),
      attachments: z.array(attachmentSchema).optional(),
    })
    .superRefine(revisionAndPlatformOnlyForActivities);

  return z
    .strictObject({
      id: uuidSchema.optional(),
      actor: actorSchema,
      verb: verbSchema,
      object: z.discriminatedUnion('objectType', [
        activitySchema,
        objectAgentSchema,
        groupSchema,
        statementRefSchema,
        subStatementSchema,
      ]),
      result: resultSchema.optional(),
      context: context.optional(),
      timestamp: timestamp.optional(),
      stored: timestamp.optional(),
      authority: authoritySchema.optional(),
      version: z
        .string()
        .regex(STATEMENT_VERSION[version].pattern, STATEMENT_VERSION[version].message)
        .optional(),
      attachments: z.array(attachmentSchema).optional(),
    })
    .superRefine((statement, ctx) => {
      revisionAndPlatformOnlyForActivities(statement, ctx);
      if (statement.verb.id === VOIDED_VERB && statement.object.objectType !== 'StatementRef') {
        ctx.addIssue({
          code: 'custom',
          path: ['object'],
          message: 'a voiding statement refers to a StatementRef',
        });
      }
    });
}

export type XapiAgent = z.output<typeof agentSchema>;
export type XapiGroup = z.output<typeof groupSchema>;
export type XapiActor = XapiAgent | XapiGroup;
export type XapiStatement = z.output<ReturnType<typeof statementSchemaFor>>;
export type XapiSubStatement = Extract<XapiStatement['object'], { objectType: 'SubStatement' }>;
export type XapiContext = NonNullable<XapiStatement['context']>;
