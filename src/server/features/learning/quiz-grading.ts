import type { z } from 'zod';
import type { ModuleContent } from '../../../shared/contracts/course-content.ts';
import type { QuizGrading } from '../../../shared/contracts/learning.ts';
import { pick } from './course-content.ts';

type Quiz = z.infer<typeof ModuleContent>['quiz'];
type Question = Quiz['questions'][number];

/** Right when exactly the correct options were chosen (the order of choosing does not matter). */
function isRight(q: Question, chosen: readonly string[]): boolean {
  const right = q.options.filter((o) => o.correct).map((o) => o.key);
  const picked = new Set(chosen);
  return picked.size === right.length && right.every((k) => picked.has(k));
}

function questionView(q: Question, chosen: readonly string[], lang: string) {
  return {
    key: q.key,
    correct: isRight(q, chosen),
    options: q.options.map((o) => ({
      key: o.key,
      correct: o.correct,
      chosen: chosen.includes(o.key),
      feedback: pick(o.feedback, lang).text,
    })),
  };
}

export type QuizOutcome = Pick<QuizGrading, 'score' | 'passMark' | 'success' | 'questions'> & {
  /** Per question key: answered right. Stored with the statement for the question statistics. */
  correct: Record<string, boolean>;
};

/**
 * Grades a whole quiz attempt against the published quiz. An unanswered question counts as wrong; a
 * question or option the quiz does not have is refused (the answers were made for other content).
 */
export function gradeQuiz(
  quiz: Quiz,
  responses: Readonly<Record<string, readonly string[]>>,
  lang: string,
): QuizOutcome | { unknown: string } {
  for (const [key, chosen] of Object.entries(responses)) {
    const q = quiz.questions.find((x) => x.key === key);
    if (!q) return { unknown: key };
    if (chosen.some((c) => !q.options.some((o) => o.key === c))) return { unknown: key };
  }
  const questions = quiz.questions.map((q) => questionView(q, responses[q.key] ?? [], lang));
  const right = questions.filter((q) => q.correct).length;
  const scaled = Math.round((right / quiz.questions.length) * 10000) / 10000;
  return {
    score: { scaled },
    passMark: quiz.passMark,
    success: right / quiz.questions.length >= quiz.passMark,
    questions,
    correct: Object.fromEntries(questions.map((q) => [q.key, q.correct])),
  };
}

/**
 * Grades one answered question sent as an xAPI `answered` statement with the response
 * `<question>=<option>[,]<option>` (as devices did before whole attempts were sent); null when the
 * response does not name a question and options of this quiz.
 */
export function gradeQuestionResponse(quiz: Quiz, response: string | undefined): boolean | null {
  const m = /^([a-z0-9-]{1,80})=(.*)$/.exec(response ?? '');
  if (!m) return null;
  const q = quiz.questions.find((x) => x.key === m[1]);
  const chosen = m[2] ? m[2].split('[,]') : [];
  if (!q || chosen.some((c) => !q.options.some((o) => o.key === c))) return null;
  return isRight(q, chosen);
}
