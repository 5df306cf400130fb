import { describe, expect, it } from 'vitest';
import {
  cmiTimespan,
  deriveStatus,
  isFinished,
  isModuleCompleted,
  learnerName,
  lmsElements,
  parseCmiTimespan,
  parseIsoDuration,
  scoreOf,
  sessionSeconds,
  withoutLearnerElements,
} from './scorm-cmi.ts';

const none = { passingScore: null, completionThreshold: null };

describe('SCORM 1.2 lesson_status', () => {
  it.each([
    ['passed', 'completed', 'passed'],
    ['completed', 'completed', 'unknown'],
    ['failed', 'completed', 'failed'],
    ['incomplete', 'incomplete', 'unknown'],
    ['browsed', 'incomplete', 'unknown'],
    ['not attempted', 'not attempted', 'unknown'],
    ['nonsense', 'not attempted', 'unknown'],
  ])('%s → completion %s, success %s', (status, completion, success) => {
    expect(deriveStatus('scorm12', { 'cmi.core.lesson_status': status }, none)).toMatchObject({
      completion,
      success,
    });
  });

  it('is not attempted when the SCO has set nothing', () => {
    expect(deriveStatus('scorm12', {}, none)).toEqual({
      completion: 'not attempted',
      success: 'unknown',
      scoreScaled: null,
    });
  });

  it('decides success by the mastery score when the SCO sets only completed and a raw score', () => {
    const limits = { passingScore: 0.8, completionThreshold: null };
    const at = (raw: string) =>
      deriveStatus('scorm12', { 'cmi.core.lesson_status': 'completed', 'cmi.core.score.raw': raw }, limits);
    expect(at('80').success).toBe('passed');
    expect(at('79.5').success).toBe('failed');
    expect(at('100')).toEqual({ completion: 'completed', success: 'passed', scoreScaled: 1 });
  });

  it('leaves passed and failed as the SCO set them, and success unknown without a raw score', () => {
    const limits = { passingScore: 0.8, completionThreshold: null };
    const cmi = (status: string, raw?: string) => ({
      'cmi.core.lesson_status': status,
      ...(raw ? { 'cmi.core.score.raw': raw } : {}),
    });
    expect(deriveStatus('scorm12', cmi('passed', '10'), limits).success).toBe('passed');
    expect(deriveStatus('scorm12', cmi('failed', '95'), limits).success).toBe('failed');
    expect(deriveStatus('scorm12', cmi('completed'), limits).success).toBe('unknown');
  });

  it('applies the mastery score to an incomplete lesson without completing it', () => {
    const limits = { passingScore: 0.5, completionThreshold: null };
    expect(
      deriveStatus('scorm12', { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.score.raw': 60 }, limits),
    ).toMatchObject({ completion: 'incomplete', success: 'passed' });
  });
});

describe('SCORM 2004 statuses', () => {
  it('takes completion_status and success_status as given', () => {
    expect(
      deriveStatus(
        'scorm2004',
        { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed' },
        none,
      ),
    ).toEqual({ completion: 'completed', success: 'passed', scoreScaled: null });
    expect(deriveStatus('scorm2004', { 'cmi.completion_status': 'incomplete' }, none)).toMatchObject({
      completion: 'incomplete',
      success: 'unknown',
    });
    expect(deriveStatus('scorm2004', {}, none)).toMatchObject({ completion: 'unknown', success: 'unknown' });
    expect(deriveStatus('scorm2004', { 'cmi.completion_status': 'odd' }, none).completion).toBe('unknown');
  });

  it('decides completion by the threshold when a progress measure is set', () => {
    const limits = { passingScore: null, completionThreshold: 0.8 };
    const at = (progress: string, given = 'incomplete') =>
      deriveStatus('scorm2004', { 'cmi.completion_status': given, 'cmi.progress_measure': progress }, limits)
        .completion;
    expect(at('0.8')).toBe('completed');
    expect(at('0.79', 'completed')).toBe('incomplete');
    expect(at('1')).toBe('completed');
  });

  it('keeps the given completion when only one of threshold and progress measure is there', () => {
    expect(
      deriveStatus(
        'scorm2004',
        { 'cmi.completion_status': 'completed' },
        { passingScore: null, completionThreshold: 0.8 },
      ).completion,
    ).toBe('completed');
    expect(
      deriveStatus('scorm2004', { 'cmi.completion_status': 'incomplete', 'cmi.progress_measure': '1' }, none)
        .completion,
    ).toBe('incomplete');
  });

  it('decides success by the scaled passing score when a scaled score is set', () => {
    const limits = { passingScore: 0.7, completionThreshold: null };
    const at = (scaled: string, given = 'unknown') =>
      deriveStatus('scorm2004', { 'cmi.success_status': given, 'cmi.score.scaled': scaled }, limits);
    expect(at('0.7').success).toBe('passed');
    expect(at('0.69', 'passed').success).toBe('failed');
    expect(at('0.9', 'failed')).toMatchObject({ success: 'passed', scoreScaled: 0.9 });
  });

  it('keeps the given success without a scaled score', () => {
    const limits = { passingScore: 0.7, completionThreshold: null };
    expect(deriveStatus('scorm2004', { 'cmi.success_status': 'passed' }, limits).success).toBe('passed');
  });
});

describe('scores', () => {
  it('scales a 1.2 raw score within min and max, 0–100 by default', () => {
    expect(scoreOf('scorm12', { 'cmi.core.score.raw': '85' })).toBe(0.85);
    expect(
      scoreOf('scorm12', {
        'cmi.core.score.raw': '15',
        'cmi.core.score.min': '10',
        'cmi.core.score.max': '20',
      }),
    ).toBe(0.5);
    expect(scoreOf('scorm12', { 'cmi.core.score.raw': '7', 'cmi.core.score.max': '10' })).toBe(0.7);
  });

  it('clamps a 1.2 score to 0–1 and has none without raw or with an empty range', () => {
    expect(scoreOf('scorm12', { 'cmi.core.score.raw': '150' })).toBe(1);
    expect(scoreOf('scorm12', { 'cmi.core.score.raw': '-5' })).toBe(0);
    expect(scoreOf('scorm12', { 'cmi.core.score.raw': '' })).toBeNull();
    expect(scoreOf('scorm12', { 'cmi.core.score.raw': 'abc' })).toBeNull();
    expect(
      scoreOf('scorm12', { 'cmi.core.score.raw': '5', 'cmi.core.score.min': '5', 'cmi.core.score.max': '5' }),
    ).toBeNull();
  });

  it('takes the 2004 scaled score, not raw', () => {
    expect(scoreOf('scorm2004', { 'cmi.score.scaled': '0.42', 'cmi.score.raw': '99' })).toBe(0.42);
    expect(scoreOf('scorm2004', { 'cmi.score.scaled': -0.5 })).toBe(-0.5);
    expect(scoreOf('scorm2004', { 'cmi.score.raw': '99' })).toBeNull();
  });
});

describe('module completion', () => {
  const s = (completion: 'completed' | 'incomplete', success: 'passed' | 'failed' | 'unknown') => ({
    completion,
    success,
    scoreScaled: null,
  });
  it('needs completion, no failure, and a pass where there is a passing score', () => {
    expect(isModuleCompleted(s('completed', 'unknown'), null)).toBe(true);
    expect(isModuleCompleted(s('completed', 'passed'), null)).toBe(true);
    expect(isModuleCompleted(s('completed', 'failed'), null)).toBe(false);
    expect(isModuleCompleted(s('incomplete', 'passed'), null)).toBe(false);
    expect(isModuleCompleted(s('completed', 'unknown'), 0.8)).toBe(false);
    expect(isModuleCompleted(s('completed', 'passed'), 0.8)).toBe(true);
  });
});

describe('finished attempts', () => {
  it('is finished when completed and not suspended, in either version', () => {
    expect(isFinished('scorm12', { 'cmi.core.exit': '' }, 'completed')).toBe(true);
    expect(isFinished('scorm12', { 'cmi.core.exit': 'suspend' }, 'completed')).toBe(false);
    expect(isFinished('scorm12', {}, 'incomplete')).toBe(false);
    expect(isFinished('scorm2004', { 'cmi.exit': 'normal' }, 'completed')).toBe(true);
    expect(isFinished('scorm2004', { 'cmi.exit': 'suspend' }, 'completed')).toBe(false);
    // The other version's element means nothing here.
    expect(isFinished('scorm2004', { 'cmi.core.exit': 'suspend' }, 'completed')).toBe(true);
  });
});

describe('time', () => {
  it('parses SCORM 1.2 timespans', () => {
    expect(parseCmiTimespan('00:00:30')).toBe(30);
    expect(parseCmiTimespan('0001:02:03.5')).toBe(3723.5);
    expect(parseCmiTimespan('12:30:00.25')).toBe(45000.25);
    expect(parseCmiTimespan('1:00:00')).toBeNull();
    expect(parseCmiTimespan('00:61:00')).toBeNull();
    expect(parseCmiTimespan('PT1H')).toBeNull();
  });

  it('parses ISO 8601 durations with days, years and fractions', () => {
    expect(parseIsoDuration('PT1H2M3.5S')).toBe(3723.5);
    expect(parseIsoDuration('PT45S')).toBe(45);
    expect(parseIsoDuration('P1DT2H')).toBe(93600);
    expect(parseIsoDuration('P1Y')).toBe(365 * 86400);
    expect(parseIsoDuration('P1M')).toBe(30 * 86400);
    expect(parseIsoDuration('PT1M')).toBe(60);
    expect(parseIsoDuration('P0D')).toBe(0);
    expect(parseIsoDuration('PT0.25S')).toBe(0.25);
  });

  it('refuses what is not a duration', () => {
    for (const bad of ['P', 'PT', 'P1DT', '1H', 'PT1.5.5S', 'PT-1S', '']) {
      expect(parseIsoDuration(bad)).toBeNull();
    }
  });

  it('takes the session time of the version, rounded, 0 when malformed, at most a day', () => {
    expect(sessionSeconds('scorm12', { 'cmi.core.session_time': '00:10:00.60' })).toBe(601);
    expect(sessionSeconds('scorm2004', { 'cmi.session_time': 'PT1M30S' })).toBe(90);
    expect(sessionSeconds('scorm2004', { 'cmi.core.session_time': '00:10:00' })).toBe(0);
    expect(sessionSeconds('scorm12', { 'cmi.core.session_time': 'later' })).toBe(0);
    expect(sessionSeconds('scorm2004', { 'cmi.session_time': 'P3D' })).toBe(86400);
    expect(sessionSeconds('scorm12', { 'cmi.core.session_time': '9999:00:00' })).toBe(86400);
  });

  it('writes a 1.2 total time', () => {
    expect(cmiTimespan(0)).toBe('0000:00:00');
    expect(cmiTimespan(3723.4)).toBe('0001:02:03');
  });
});

describe('learner and LMS elements', () => {
  it('strips the learner elements and keeps the rest', () => {
    expect(
      withoutLearnerElements({
        'cmi.core.student_id': 'x',
        'cmi.core.student_name': 'y',
        'cmi.learner_id': 'x',
        'cmi.learner_name': 'y',
        'cmi.suspend_data': 'page=3',
      }),
    ).toEqual({ 'cmi.suspend_data': 'page=3' });
  });

  it('writes the name last name first', () => {
    expect(learnerName('Amir Haddad')).toBe('Haddad, Amir');
    expect(learnerName('Anna Maria  Lind')).toBe('Lind, Anna Maria');
    expect(learnerName('Cher')).toBe('Cher');
  });

  it('sets the 1.2 elements, the mastery score on the raw scale', () => {
    expect(
      lmsElements('scorm12', {
        learnerId: 'e1',
        name: 'Amir Haddad',
        entry: 'resume',
        launchData: 'level=2',
        totalSeconds: 90,
        limits: { passingScore: 0.8, completionThreshold: null },
      }),
    ).toEqual({
      'cmi.core.student_id': 'e1',
      'cmi.core.student_name': 'Haddad, Amir',
      'cmi.core.entry': 'resume',
      'cmi.core.credit': 'credit',
      'cmi.core.total_time': '0000:01:30',
      'cmi.launch_data': 'level=2',
      'cmi.student_data.mastery_score': '80',
    });
  });

  it('sets the 2004 elements, leaving out what is not known', () => {
    const facts = {
      learnerId: 'e1',
      name: 'Amir Haddad',
      entry: 'ab-initio' as const,
      launchData: null,
      totalSeconds: 0,
    };
    expect(
      lmsElements('scorm2004', { ...facts, limits: { passingScore: 0.7, completionThreshold: 0.9 } }),
    ).toEqual({
      'cmi.learner_id': 'e1',
      'cmi.learner_name': 'Haddad, Amir',
      'cmi.entry': 'ab-initio',
      'cmi.credit': 'credit',
      'cmi.total_time': 'PT0S',
      'cmi.scaled_passing_score': '0.7',
      'cmi.completion_threshold': '0.9',
    });
    expect(Object.keys(lmsElements('scorm2004', { ...facts, limits: none }))).not.toContain(
      'cmi.scaled_passing_score',
    );
  });
});
