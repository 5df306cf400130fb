import type { FlatCmi, ScormLaunch } from '../../../shared/contracts/scorm-runtime.ts';
import { isoDuration } from '../../../shared/learning/activity.ts';

/**
 * The SCORM run-time data model as the server reads it (ADR 21): what a committed attempt means for
 * completion, success, score and time. Pure, so every rule of the RTE books is tested on its own.
 */

export type ScormFormat = ScormLaunch['format'];
export type Completion = ScormLaunch['completion'];
export type Success = ScormLaunch['success'];

export interface CmiStatus {
  completion: Completion;
  success: Success;
  scoreScaled: number | null;
}

/** What the LMS knows of the SCO from its manifest; the SCO cannot change these. */
export interface ScoLimits {
  /** Scaled 0–1 (1.2: mastery score / 100; 2004: scaled passing score, −1–1). */
  passingScore: number | null;
  /** 2004 completion threshold (0–1). */
  completionThreshold: number | null;
}

/** One session longer than a day is a tab left open, not study time. */
export const MAX_SESSION_SECONDS = 24 * 3600;

const text = (cmi: FlatCmi, key: string): string | null => {
  const v = cmi[key];
  if (v === undefined || v === null) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};

const num = (cmi: FlatCmi, key: string): number | null => {
  const s = text(cmi, key);
  if (s === null) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** The score scaled to 0–1: 2004's score.scaled (−1–1 as the SCO gives it), 1.2's raw within min–max. */
export function scoreOf(format: ScormFormat, cmi: FlatCmi): number | null {
  if (format === 'scorm2004') {
    const scaled = num(cmi, 'cmi.score.scaled');
    return scaled === null ? null : Math.min(1, Math.max(-1, scaled));
  }
  const raw = num(cmi, 'cmi.core.score.raw');
  if (raw === null) return null;
  const min = num(cmi, 'cmi.core.score.min') ?? 0;
  const max = num(cmi, 'cmi.core.score.max') ?? 100;
  if (max <= min) return null;
  return clamp01((raw - min) / (max - min));
}

/** SCORM 1.2 lesson_status onto the 2004 pair, with the mastery score rule (RTE 3.4.4). */
function scorm12Status(cmi: FlatCmi, limits: ScoLimits): CmiStatus {
  const status = text(cmi, 'cmi.core.lesson_status');
  const completion: Completion =
    status === 'passed' || status === 'completed' || status === 'failed'
      ? 'completed'
      : status === 'incomplete' || status === 'browsed'
        ? 'incomplete'
        : 'not attempted';
  let success: Success = status === 'passed' ? 'passed' : status === 'failed' ? 'failed' : 'unknown';
  const raw = num(cmi, 'cmi.core.score.raw');
  if (limits.passingScore !== null && success === 'unknown' && raw !== null) {
    // The mastery score is on the raw scale (0–100); kept scaled in the course content.
    success = raw >= masteryScore(limits.passingScore) ? 'passed' : 'failed';
  }
  return { completion, success, scoreScaled: scoreOf('scorm12', cmi) };
}

/** SCORM 2004 statuses as the SCO set them, overruled by threshold and passing score (RTE 4.2.4.1, 4.2.22). */
function scorm2004Status(cmi: FlatCmi, limits: ScoLimits): CmiStatus {
  const given = text(cmi, 'cmi.completion_status');
  let completion: Completion =
    given === 'completed' || given === 'incomplete' || given === 'not attempted' ? given : 'unknown';
  const progress = num(cmi, 'cmi.progress_measure');
  if (limits.completionThreshold !== null && progress !== null) {
    completion = progress >= limits.completionThreshold ? 'completed' : 'incomplete';
  }
  const reported = text(cmi, 'cmi.success_status');
  let success: Success = reported === 'passed' || reported === 'failed' ? reported : 'unknown';
  const scoreScaled = scoreOf('scorm2004', cmi);
  if (limits.passingScore !== null && scoreScaled !== null) {
    success = scoreScaled >= limits.passingScore ? 'passed' : 'failed';
  }
  return { completion, success, scoreScaled };
}

export function deriveStatus(format: ScormFormat, cmi: FlatCmi, limits: ScoLimits): CmiStatus {
  return format === 'scorm12' ? scorm12Status(cmi, limits) : scorm2004Status(cmi, limits);
}

/** The module counts as done: completed, not failed, and passed where the SCO has a passing score. */
export function isModuleCompleted(status: CmiStatus, passingScore: number | null): boolean {
  return (
    status.completion === 'completed' &&
    status.success !== 'failed' &&
    (passingScore === null || status.success === 'passed')
  );
}

/** A finished attempt (completed, not left suspended) is not resumed: the next launch starts a new one. */
export function isFinished(format: ScormFormat, cmi: FlatCmi, completion: Completion): boolean {
  const exit = text(cmi, format === 'scorm12' ? 'cmi.core.exit' : 'cmi.exit');
  return completion === 'completed' && exit !== 'suspend';
}

/** SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` in seconds; null when it is not one. */
export function parseCmiTimespan(value: string): number | null {
  const m = /^(\d{2,4}):([0-5]\d):([0-5]\d)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(`0.${m[4] ?? '0'}`);
}

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
/** Seconds per unit of Y, M, W, D, H, M, S: a year and a month have no fixed length, so the usual 365 and 30 days. */
const UNIT_SECONDS = [365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1];

/** An ISO 8601 duration (SCORM 2004 timeinterval, e.g. `PT1H2M3.5S`, `P1DT2H`) in seconds; null when it is not one. */
export function parseIsoDuration(value: string): number | null {
  const s = value.trim();
  const m = ISO_DURATION.exec(s);
  // `P` alone, or a `T` with nothing after it, is not a duration.
  if (!m || s === 'P' || s.endsWith('T')) return null;
  return UNIT_SECONDS.reduce((sum, unit, i) => sum + Number(m[i + 1] ?? 0) * unit, 0);
}

/** The session's time in whole seconds (0 when missing or malformed), at most a day. */
export function sessionSeconds(format: ScormFormat, cmi: FlatCmi): number {
  const value = text(cmi, format === 'scorm12' ? 'cmi.core.session_time' : 'cmi.session_time');
  if (value === null) return 0;
  const seconds = format === 'scorm12' ? parseCmiTimespan(value) : parseIsoDuration(value);
  return seconds === null ? 0 : Math.min(MAX_SESSION_SECONDS, Math.round(seconds));
}

/** Whole seconds as a SCORM 1.2 CMITimespan (hours up to 9999). */
export function cmiTimespan(totalSeconds: number): string {
  const s = Math.min(9999 * 3600 + 3599, Math.max(0, Math.round(totalSeconds)));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(s / 3600), 4)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** Elements about the learner that only the LMS sets: sent at launch, never stored with the attempt. */
const LEARNER_ELEMENTS = new Set([
  'cmi.core.student_id',
  'cmi.core.student_name',
  'cmi.learner_id',
  'cmi.learner_name',
]);

export function withoutLearnerElements(cmi: FlatCmi): FlatCmi {
  return Object.fromEntries(Object.entries(cmi).filter(([k]) => !LEARNER_ELEMENTS.has(k)));
}

/** `Amir Haddad` → `Haddad, Amir`, the form SCORM gives a learner's name in; one word stays as it is. */
export function learnerName(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return name.trim();
  const last = words.pop() as string;
  return `${last}, ${words.join(' ')}`;
}

/** 0.8 → `80`: the 1.2 mastery score, without the float noise of × 100. */
const masteryScore = (passingScore: number) => Math.round(passingScore * 100 * 1e6) / 1e6;

export interface LaunchFacts {
  /** The enrolment id: it names the learner to the SCO without being a personal identifier. */
  learnerId: string;
  name: string;
  entry: ScormLaunch['entry'];
  launchData: string | null;
  totalSeconds: number;
  limits: ScoLimits;
}

/** The elements the LMS sets before the SCO starts (RTE 1.2 §3.4, 2004 §4.2), as scorm-again loads them. */
export function lmsElements(format: ScormFormat, facts: LaunchFacts): FlatCmi {
  const { passingScore, completionThreshold } = facts.limits;
  if (format === 'scorm12') {
    return {
      'cmi.core.student_id': facts.learnerId,
      'cmi.core.student_name': learnerName(facts.name),
      'cmi.core.entry': facts.entry,
      'cmi.core.credit': 'credit',
      'cmi.core.total_time': cmiTimespan(facts.totalSeconds),
      ...(facts.launchData !== null ? { 'cmi.launch_data': facts.launchData } : {}),
      ...(passingScore !== null
        ? { 'cmi.student_data.mastery_score': String(masteryScore(passingScore)) }
        : {}),
    };
  }
  return {
    'cmi.learner_id': facts.learnerId,
    'cmi.learner_name': learnerName(facts.name),
    'cmi.entry': facts.entry,
    'cmi.credit': 'credit',
    'cmi.total_time': isoDuration(facts.totalSeconds),
    ...(facts.launchData !== null ? { 'cmi.launch_data': facts.launchData } : {}),
    ...(passingScore !== null ? { 'cmi.scaled_passing_score': String(passingScore) } : {}),
    ...(completionThreshold !== null ? { 'cmi.completion_threshold': String(completionThreshold) } : {}),
  };
}
