import { z } from 'zod';
import { IsoDateTime } from './common.ts';

/**
 * The start page (`GET /me/start`): what is waiting for the person, the figures of their role with the
 * list behind each, and what changed since their previous visit — all within their own scope. Links
 * (`to`) are paths of the web client, so that each item is one tap from the start page.
 */

const IsoDate = z.iso.date();

/**
 * What can be waiting. Support requests and contracts (issue 17) add their kinds here and their source
 * to `todoSources` in `src/server/features/start/todos.ts`.
 */
export const startTodoKinds = [
  /** A sheet of an open round the person answers for: `count` of `of` questions answered. */
  'assessment_answer',
  /** An open round the person runs: `count` of `of` municipalities have submitted. */
  'assessment_chase',
  /** Governing documents of the person's organisations past their review date. */
  'document_review',
  /** Knowledge-bank cases sent for the person's review. */
  'case_review',
  /** The person's municipality's cases returned by a reviewer, to rework. */
  'case_returned',
  /** A steering-group report in draft, to finish and issue. */
  'steering_draft',
  /** People in the manager's units enrolled in a programme who have not started it. */
  'team_not_started',
  /** Milestones of the person's organisations' initiatives due within two weeks or overdue. */
  'initiative_followup',
  /** Support requests to the person's region or association waiting for an answer (issue 17). */
  'support_to_answer',
  /** Answers to the person's municipality's support requests not yet read (issue 17). */
  'support_answers_to_read',
  /** Follow-ups of contacts with external actors in the person's region's or association's log, not yet done (issue 17). */
  'external_contact_followup',
  /** Contracts of the person's municipality whose next decision falls within three months (issue 17). */
  'contract_decision',
] as const;
export const StartTodoKind = z.enum(startTodoKinds);
export type StartTodoKind = z.infer<typeof StartTodoKind>;

export const StartTodo = z.object({
  kind: StartTodoKind,
  /** The one thing it is about (a round, a report), or null for a group of things. */
  title: z.string().nullable(),
  /** Where: the municipality, unit or organisation it concerns. */
  place: z.string().nullable(),
  count: z.number().int().nonnegative(),
  /** The whole `count` is part of ("12 of 26"), when there is one. */
  of: z.number().int().nonnegative().nullable(),
  dueOn: IsoDate.nullable(),
  to: z.string(),
});
export type StartTodo = z.infer<typeof StartTodo>;

export const startFigureKeys = [
  /** A manager's team: people who completed a programme course of those enrolled. */
  'team_completed',
  /** Technologies in operation in the area (the mapping). */
  'technologies_in_operation',
  /** Municipalities in the area that have reported their mapping, of all of them. */
  'municipalities_reporting',
  /** Programme participants in the area who completed, of those enrolled. */
  'programme_completed',
  /** The newest open assessment round in the area: municipalities submitted, of those taking part. */
  'round_submitted',
] as const;
export const StartFigureKey = z.enum(startFigureKeys);
export type StartFigureKey = z.infer<typeof StartFigureKey>;

export const StartFigure = z.object({
  key: StartFigureKey,
  /** The unit, municipality, region, association or country the figure is about. */
  scope: z.string(),
  value: z.number().int().nonnegative(),
  of: z.number().int().nonnegative().nullable(),
  to: z.string(),
});
export type StartFigure = z.infer<typeof StartFigure>;

export const startNewsKinds = [
  'case_published',
  'document_changed',
  'course_published',
  'round_opened',
  'round_closed',
] as const;
export const StartNewsKind = z.enum(startNewsKinds);

export const StartNews = z.object({
  kind: StartNewsKind,
  title: z.string(),
  /** Who it comes from: a case's municipality, a document's owner, a round's owner. */
  place: z.string().nullable(),
  at: IsoDateTime,
  to: z.string(),
});
export type StartNews = z.infer<typeof StartNews>;

export const StartQuery = z.object({
  peek: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Read without counting it as a visit (the previous visit stays what news is compared with)'),
});

export const StartView = z.object({
  /** The previous visit news is compared with; null on the first visit (news of the last two weeks). */
  since: IsoDateTime.nullable(),
  todos: z.array(StartTodo),
  figures: z.array(StartFigure),
  news: z.array(StartNews),
});
export type StartView = z.infer<typeof StartView>;
