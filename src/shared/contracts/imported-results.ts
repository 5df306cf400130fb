import { z } from 'zod';
import { Uuid } from './common.ts';
import { PackageFormat } from './imported-course.ts';

/**
 * Results of imported SCORM and cmi5 courses (ADR 21) as the programme report and the author's
 * feedback page show them: per module, from the SCORM attempts and the cmi5 registrations' progress.
 */

const Share = z.number().min(-1).max(1);

/** One module (SCO or AU) over all learners in view: counts and scores, no names. */
export const ModuleResultSummary = z.object({
  started: z.number().int().describe('Learners with an attempt (SCORM) or a launched session (cmi5)'),
  completed: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  waived: z.number().int().describe('cmi5 AUs waived by the LMS; 0 for SCORM'),
  averageScore: Share.nullable().describe('Mean scaled score (0–1) of those with a score'),
  medianScore: Share.nullable(),
  scored: z.number().int().describe('Learners with a score'),
});
export type ModuleResultSummary = z.infer<typeof ModuleResultSummary>;

/** A SCORM interaction (question) of a module and how often its answers were judged wrong. */
export const WrongInteraction = z.object({
  id: z.string().describe('cmi.interactions.n.id'),
  description: z.string().nullable().describe('SCORM 2004 cmi.interactions.n.description'),
  answers: z.number().int().describe('Answers with a result'),
  wrong: z.number().int().describe("Answers with result 'incorrect' (2004) or 'wrong' (1.2)"),
});
export type WrongInteraction = z.infer<typeof WrongInteraction>;

/** An imported course of a programme, with each module's summary over the report's slice. */
export const ImportedCourseSummary = z.object({
  courseId: Uuid,
  title: z.string(),
  format: PackageFormat,
  modules: z.array(ModuleResultSummary.extend({ key: z.string(), title: z.string() })),
});
export type ImportedCourseSummary = z.infer<typeof ImportedCourseSummary>;

const CompletionStatus = z.enum(['completed', 'incomplete', 'not attempted', 'unknown']);
const SuccessStatus = z.enum(['passed', 'failed', 'unknown']);

/** One learner's result in one module of an imported course (in the report's participant data only). */
export const ImportedModuleResult = z.object({
  userId: Uuid,
  name: z.string(),
  municipality: z.string(),
  unit: z.string().nullable(),
  courseId: Uuid,
  moduleKey: z.string(),
  moduleTitle: z.string(),
  format: PackageFormat,
  completion: CompletionStatus.describe('SCORM completion status; cmi5: completed or incomplete'),
  success: SuccessStatus,
  scoreScaled: Share.nullable(),
  scoreRaw: z.number().nullable(),
  scoreMax: z.number().nullable(),
  /** SCORM: time the SCO reported over all attempts, and the number of attempts. */
  secondsTotal: z.number().int().nullable(),
  attempts: z.number().int().nullable(),
  /** cmi5: the AU was waived, and the sessions launched. */
  waived: z.boolean().nullable(),
  sessions: z.number().int().nullable(),
});
export type ImportedModuleResult = z.infer<typeof ImportedModuleResult>;
