import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert, Loading } from '../../../components/Feedback.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useMe } from '../../../lib/session.ts';
import { NotFoundPage } from '../../static/NotFoundPage.tsx';
import { Breadcrumbs, LearningPage, SyncStatus } from '../components.tsx';
import { coursePath, playerPath } from '../progress.ts';
import { useCourseContext } from '../useCourseContext.ts';
import { Cmi5Frame } from './Cmi5Frame.tsx';
import { ScormFrame } from './ScormFrame.tsx';

/**
 * One module of an imported course, played: the SCO or cmi5 AU in the sandboxed frame, with previous and
 * next in the package's order where its navigation allows, and the learner's progress kept as for our
 * lessons.
 */
export function PlayerPage() {
  const { t } = useTranslation();
  const { id = '', moduleKey = '' } = useParams();
  const me = useMe();
  const { course, detail, enrolment, progress } = useCourseContext(id);

  if (course.isPending || me.isPending) return <Loading />;
  if (course.isError) {
    return course.error instanceof ApiError &&
      (course.error.status === 404 || course.error.status === 400) ? (
      <NotFoundPage />
    ) : (
      <ErrorAlert error={course.error} onRetry={() => void course.refetch()} />
    );
  }
  const c = detail!;
  if (c.format === 'native') return <NotFoundPage />;
  const mi = c.modules.findIndex((m) => m.key === moduleKey);
  const m = c.modules[mi];
  if (!m) return <NotFoundPage />;
  const previous = c.navigation.flow && !c.navigation.forwardOnly ? c.modules[mi - 1] : undefined;
  const next = c.navigation.flow || c.navigation.choice ? c.modules[mi + 1] : undefined;
  const done = !!progress?.modules.find((x) => x.key === m.key)?.completed;

  return (
    <div className="player-page">
      <Breadcrumbs
        items={[
          { to: '/utbildning', label: t('learning.mine.title') },
          { to: coursePath(c.id), label: c.title, lang: c.language },
        ]}
      />
      <LearningPage title={m.title} titleLang={c.language}>
        <p className="card-meta">
          {t('learning.player.position', { number: mi + 1, count: c.modules.length })}
          {done ? ` · ${t('learning.course.moduleDone')}` : ''}
        </p>
        {c.format === 'cmi5' ? (
          // A cmi5 AU records into the learner's registration, so it has no preview: enrolled, it plays.
          enrolment ? (
            <Cmi5Frame key={m.key} enrolmentId={enrolment.id} moduleKey={m.key} title={m.title} />
          ) : (
            <p className="ds-paragraph">{t('learning.player.cmi5Enrol')}</p>
          )
        ) : (
          <>
            {enrolment ? <SyncStatus /> : <p className="ds-paragraph">{t('learning.player.preview')}</p>}
            <ScormFrame
              key={m.key}
              format={c.format}
              launchUrl={m.launchUrl}
              title={m.title}
              userId={me.data?.id ?? ''}
              enrolmentId={enrolment?.id ?? null}
              moduleKey={m.key}
            />
          </>
        )}
        <nav className="player-nav" aria-label={t('learning.player.navLabel')}>
          {previous ? (
            <Link className="ds-button" data-variant="secondary" to={playerPath(c.id, previous.key)}>
              {t('learning.player.previous', { title: previous.title })}
            </Link>
          ) : null}
          {next ? (
            <Link className="ds-button" data-variant="primary" to={playerPath(c.id, next.key)}>
              {t('learning.player.next', { title: next.title })}
            </Link>
          ) : (
            <Link className="ds-button" data-variant="primary" to={coursePath(c.id)}>
              {t('learning.player.backToCourse')}
            </Link>
          )}
        </nav>
      </LearningPage>
    </div>
  );
}
