import { useTranslation } from 'react-i18next';
import type { NativeCourseDetail, QuizGrading } from '../../../shared/contracts/learning.ts';

type Module = NativeCourseDetail['modules'][number];

/** What the server's grading says about one option the learner chose, or should have. */
const stateLabel = {
  right: 'learning.quiz.yourAnswerRight',
  wrong: 'learning.quiz.yourAnswerWrong',
  missed: 'learning.quiz.correctAnswer',
} as const;

/** Each question with the learner's answer, whether it was right, and why — after the server graded it. */
export function Review({ module, grading }: { module: Module; grading: QuizGrading }) {
  const { t } = useTranslation();
  return (
    <ol className="quiz-review">
      {grading.questions.map((g) => {
        const q = module.quiz.questions.find((x) => x.key === g.key);
        if (!q) return null;
        return (
          <li key={g.key} className="quiz-review-question">
            <p className="quiz-prompt">
              {q.prompt}{' '}
              <strong lang={document.documentElement.lang}>
                {g.correct ? t('learning.quiz.right') : t('learning.quiz.wrong')}
              </strong>
            </p>
            <ul className="quiz-options">
              {g.options.map((o) => {
                const state = o.chosen ? (o.correct ? 'right' : 'wrong') : o.correct ? 'missed' : undefined;
                return (
                  <li key={o.key} className="quiz-option" data-state={state}>
                    <span className="quiz-option-text">
                      <span>{q.options.find((x) => x.key === o.key)?.text ?? o.key}</span>
                      {state ? (
                        <span className="quiz-feedback">
                          <strong lang={document.documentElement.lang}>{t(stateLabel[state])}</strong>{' '}
                          {o.feedback}
                        </span>
                      ) : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

export function Score({ grading }: { grading: QuizGrading }) {
  const { t } = useTranslation();
  const right = grading.questions.filter((q) => q.correct).length;
  const count = grading.questions.length;
  const percent = Math.round((100 * right) / Math.max(1, count));
  return (
    <div className="ds-alert" data-color={grading.success ? 'success' : 'warning'}>
      <p className="ds-paragraph">
        {t('learning.quiz.score', { right, count, percent })}{' '}
        {grading.success
          ? t('learning.quiz.passedText')
          : t('learning.quiz.failedText', { percent: Math.round(grading.passMark * 100) })}
      </p>
    </div>
  );
}

/** The last graded attempt made on this device (perhaps graded after an offline spell). */
export function LastResult({ module, grading }: { module: Module; grading: QuizGrading }) {
  const { t } = useTranslation();
  return (
    <section className="quiz-last" aria-labelledby="quiz-last-heading">
      <h2 className="ds-heading" data-size="sm" id="quiz-last-heading">
        {grading.success ? t('learning.quiz.lastPassed') : t('learning.quiz.lastFailed')}
      </h2>
      <Score grading={grading} />
      <details className="quiz-last-review">
        <summary>{t('learning.quiz.showAnswers')}</summary>
        <Review module={module} grading={grading} />
      </details>
    </section>
  );
}
