import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportedCourseDetail, NativeCourseDetail } from '../../../shared/contracts/learning.ts';
import { Content } from './components.tsx';
import { lessonPath, type Progress, playerPath, quizPath } from './progress.ts';

/** A module's heading: its number and title; its id names the module for the links under it. */
function ModuleHeading(props: { moduleKey: string; number: number; title: string; lang: string }) {
  const { t } = useTranslation();
  return (
    <h2 className="ds-heading" data-size="sm" id={`modul-${props.moduleKey}`}>
      <span className="module-number">{t('learning.course.moduleNumber', { number: props.number })}</span>{' '}
      <Content as="span" lang={props.lang}>
        {props.title}
      </Content>
    </h2>
  );
}

/** The modules of a course written in the editor: lessons, the quiz and the reflection questions. */
export function NativeModuleList({
  course: c,
  progress,
}: {
  course: NativeCourseDetail;
  progress: Progress | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="field-hint">{t('learning.player.packageNeedsNetwork')}</p>
      <ol className="module-list">
        {c.modules.map((m, mi) => {
          const mp = progress?.modules.find((x) => x.key === m.key);
          return (
            <li key={m.key} className="module">
              <ModuleHeading moduleKey={m.key} number={mi + 1} title={m.title} lang={c.language} />
              <Content lang={c.language}>
                <p className="ds-paragraph">{m.summary}</p>
              </Content>
              {mp ? (
                <p className="ds-paragraph module-progress" data-size="sm">
                  {mp.completed
                    ? t('learning.course.moduleDone')
                    : t('learning.course.lessonsDone', {
                        done: mp.lessonsCompleted,
                        count: mp.lessonCount,
                      })}
                  {mp.quizPassed
                    ? ` · ${t('learning.course.quizPassed')}${
                        mp.bestScore != null ? ` (${Math.round(mp.bestScore * 100)} %)` : ''
                      }`
                    : ''}
                </p>
              ) : null}
              <ul className="step-list">
                {m.lessons.map((l) => {
                  const done = progress?.completedItems.includes(`lesson:${m.key}/${l.key}`);
                  return (
                    <li key={l.key} data-done={done || undefined}>
                      <span className="step-mark" aria-hidden="true">
                        {done ? '✓' : '○'}
                      </span>
                      <Link className="ds-link step-link" to={lessonPath(c.id, m.key, l.key)}>
                        <Content as="span" lang={l.language}>
                          {l.title}
                        </Content>
                      </Link>
                      <span className="step-meta">
                        {done ? <span className="sr-only">{t('learning.course.done')}, </span> : null}
                        {t('learning.minutes', { count: l.estimatedMinutes })}
                      </span>
                    </li>
                  );
                })}
                <li data-done={mp?.quizPassed || undefined}>
                  <span className="step-mark" aria-hidden="true">
                    {mp?.quizPassed ? '✓' : '○'}
                  </span>
                  <Link className="ds-link step-link" to={quizPath(c.id, m.key)}>
                    {t('learning.quiz.linkLabel')}
                  </Link>
                  <span className="step-meta">
                    {mp?.quizPassed ? <span className="sr-only">{t('learning.course.done')}, </span> : null}
                    {t('learning.quiz.questions', { count: m.quiz.questions.length })}
                  </span>
                </li>
              </ul>
              <details className="reflection-details">
                <summary>{t('learning.reflection.title')}</summary>
                <Content lang={c.language}>
                  <ul className="ds-list">
                    {m.reflectionQuestions.map((q) => (
                      <li key={q}>{q}</li>
                    ))}
                  </ul>
                </Content>
              </details>
            </li>
          );
        })}
      </ol>
    </>
  );
}

/**
 * The modules of an imported SCORM or cmi5 course: each one SCO or AU, opened in the player. A module
 * that stands in a cluster of the package's organisation shows the cluster's title above its own.
 */
export function PackagedModuleList({
  course: c,
  progress,
}: {
  course: ImportedCourseDetail;
  progress: Progress | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="field-hint">{t('learning.player.packageNeedsNetwork')}</p>
      <ol className="module-list">
        {c.modules.map((m, mi) => {
          const mp = progress?.modules.find((x) => x.key === m.key);
          const done = !!mp?.completed;
          return (
            <li key={m.key} className="module">
              {m.path.length > 0 ? (
                <p className="card-meta">
                  <Content as="span" lang={c.language}>
                    {m.path.join(' › ')}
                  </Content>
                </p>
              ) : null}
              <ModuleHeading moduleKey={m.key} number={mi + 1} title={m.title} lang={c.language} />
              {mp ? (
                <p className="ds-paragraph module-progress" data-size="sm">
                  {done ? t('learning.course.moduleDone') : t('learning.player.notDone')}
                  {mp.bestScore != null
                    ? ` · ${t('learning.player.score', { percent: Math.round(mp.bestScore * 100) })}`
                    : ''}
                </p>
              ) : null}
              <p className="card-actions">
                <Link
                  className="ds-button"
                  data-variant={done ? 'secondary' : 'primary'}
                  to={playerPath(c.id, m.key)}
                  aria-describedby={`modul-${m.key}`}
                >
                  {done ? t('learning.player.openAgain') : t('learning.player.open')}
                </Link>
              </p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
