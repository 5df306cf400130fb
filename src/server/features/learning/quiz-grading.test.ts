import { describe, expect, it } from 'vitest';
import { gradeQuestionResponse, gradeQuiz } from './quiz-grading.ts';
import { statementDigest } from './statement-identity.ts';

const option = (key: string, correct: boolean) => ({
  key,
  text: { sv: key },
  correct,
  feedback: { sv: correct ? 'Rätt.' : 'Fel.', en: correct ? 'Right.' : 'Wrong.' },
});
const quiz = {
  passMark: 0.5,
  questions: [
    {
      key: 'one',
      kind: 'single' as const,
      prompt: { sv: '1' },
      options: [option('a', true), option('b', false)],
    },
    {
      key: 'many',
      kind: 'multiple' as const,
      prompt: { sv: '2' },
      options: [option('a', true), option('b', true), option('c', false)],
    },
  ],
};

describe('quiz grading', () => {
  it('is right only for exactly the correct options, in any order', () => {
    const g = gradeQuiz(quiz, { one: ['a'], many: ['b', 'a'] }, 'en');
    expect(g).toMatchObject({ score: { scaled: 1 }, success: true, correct: { one: true, many: true } });
    const partial = gradeQuiz(quiz, { one: ['a'], many: ['a'] }, 'en');
    expect(partial).toMatchObject({ score: { scaled: 0.5 }, success: true, correct: { many: false } });
    const extra = gradeQuiz(quiz, { one: ['a', 'b'], many: ['a', 'b', 'c'] }, 'sv');
    expect(extra).toMatchObject({ score: { scaled: 0 }, success: false });
  });

  it('counts an unanswered question as wrong and refuses questions or options the quiz lacks', () => {
    expect(gradeQuiz(quiz, {}, 'sv')).toMatchObject({ score: { scaled: 0 }, success: false });
    expect(gradeQuiz(quiz, { nine: ['a'] }, 'sv')).toEqual({ unknown: 'nine' });
    expect(gradeQuiz(quiz, { one: ['z'] }, 'sv')).toEqual({ unknown: 'one' });
  });

  it('tells per option whether it was right and chosen, with the feedback in the learner’s language', () => {
    const g = gradeQuiz(quiz, { one: ['b'] }, 'en');
    if ('unknown' in g) throw new Error('graded');
    expect(g.questions[0]).toEqual({
      key: 'one',
      correct: false,
      options: [
        { key: 'a', correct: true, chosen: false, feedback: 'Right.' },
        { key: 'b', correct: false, chosen: true, feedback: 'Wrong.' },
      ],
    });
  });

  it('grades a single answered question of an earlier app version', () => {
    expect(gradeQuestionResponse(quiz, 'many=b[,]a')).toBe(true);
    expect(gradeQuestionResponse(quiz, 'one=b')).toBe(false);
    expect(gradeQuestionResponse(quiz, 'one=')).toBe(false);
    expect(gradeQuestionResponse(quiz, 'nine=a')).toBeNull();
    expect(gradeQuestionResponse(quiz, undefined)).toBeNull();
  });
});

describe('statement identity', () => {
  const s = {
    verb: 'v',
    objectId: 'o',
    result: { completion: true, duration: 'PT1M' },
    context: { language: 'sv' },
    timestamp: '2026-12-06T10:00:00.000Z',
  };
  it('ignores key order and the time zone of the timestamp', () => {
    expect(
      statementDigest({
        ...s,
        result: { duration: 'PT1M', completion: true },
        timestamp: '2026-12-06T11:00:00+01:00',
      }),
    ).toBe(statementDigest(s));
  });
  it('differs for any meaningful change', () => {
    const base = statementDigest(s);
    expect(statementDigest({ ...s, verb: 'w' })).not.toBe(base);
    expect(statementDigest({ ...s, result: { completion: false, duration: 'PT1M' } })).not.toBe(base);
    expect(statementDigest({ ...s, context: null })).not.toBe(base);
    expect(statementDigest({ ...s, timestamp: '2026-12-06T10:00:00.001Z' })).not.toBe(base);
  });
});
