import { z } from 'zod';
import { ParamText, Uuid } from './common.ts';

/**
 * The SCORM run-time between the player and the server (ADR 21). The player runs scorm-again against
 * the package in the sandboxed frame; what the SCO stores (the CMI data model, flattened to
 * `cmi.core.lesson_status` → value) is committed here and resumed on the next visit.
 */
export const ScormRuntimeParams = z.object({
  id: Uuid.describe('The enrolment'),
  moduleKey: ParamText.regex(/^[a-z0-9-]{1,80}$/),
});

/** Flattened CMI data: element name → value, as scorm-again's `renderCommitCMI(true)` gives it. */
export const FlatCmi = z
  .record(
    z.string().regex(/^cmi\.[A-Za-z0-9_.]{1,200}$/),
    z.union([z.string().max(70_000), z.number(), z.boolean(), z.null()]),
  )
  .refine((cmi) => Object.keys(cmi).length <= 5_000, { message: 'At most 5,000 elements' });
export type FlatCmi = z.infer<typeof FlatCmi>;

/** What the player needs to launch a SCO for the learner, and the attempt to resume. */
export const ScormLaunch = z.object({
  format: z.enum(['scorm12', 'scorm2004']),
  /** The SCO's first page on the content path (/content/<package>/…), or an absolute URL. */
  launchUrl: z.string(),
  attempt: z.number().int().min(1),
  /** The last commit the server took for this attempt: the player numbers its next commits after it. */
  commitSeq: z.number().int().min(0),
  /** The attempt's saved data (empty for a new attempt), with the LMS-set elements filled in. */
  cmi: FlatCmi,
  /** 'ab-initio' for a new attempt, 'resume' when the SCO left it suspended or unfinished. */
  entry: z.enum(['ab-initio', 'resume']),
  completion: z.enum(['completed', 'incomplete', 'not attempted', 'unknown']),
  success: z.enum(['passed', 'failed', 'unknown']),
  scoreScaled: z.number().nullable(),
});
export type ScormLaunch = z.infer<typeof ScormLaunch>;

export const ScormCommit = z.object({
  attempt: z.number().int().min(1),
  /** Numbered by the player from `commitSeq` + 1: a re-sent or late commit changes nothing. */
  seq: z.number().int().min(1),
  cmi: FlatCmi,
  /** The SCO called Terminate/LMSFinish: its session time is added to the total. */
  terminated: z.boolean().default(false),
});
export type ScormCommit = z.infer<typeof ScormCommit>;

export const ScormCommitResult = z.object({
  attempt: z.number().int(),
  commitSeq: z.number().int(),
  completion: ScormLaunch.shape.completion,
  success: ScormLaunch.shape.success,
  scoreScaled: z.number().nullable(),
  /** The module counts as done for the enrolment (completed, and passed where a score is required). */
  moduleCompleted: z.boolean(),
  /** The enrolment's progress after this commit. */
  percent: z.number().int().min(0).max(100),
});
export type ScormCommitResult = z.infer<typeof ScormCommitResult>;
