import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseSummary } from '../../../shared/contracts/learning.ts';
import { ErrorAlert, errorMessage, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { Section } from '../../components/Page.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { useQueued, useSyncState } from '../../lib/offline/sync.ts';
import {
  Breadcrumbs,
  Content,
  CourseLanguageControl,
  LearningPage,
  OfflineNote,
  ProgressBar,
  SyncStatus,
} from './components.tsx';
import { useContentLanguage, useCourses, useEnrol, useMyLearning, usePrefetchCourses } from './data.ts';
import { certificatePath, coursePath, nextPath, type Progress, withQueued } from './progress.ts';

function CourseMeta({ course }: { course: CourseSummary }) {
  const { t } = useTranslation();
  return (
    <p className="card-meta">
      {t(`learning.track.${course.track}`)} · {t('learning.minutes', { count: course.estimatedMinutes })} ·{' '}
      {t('learning.modules', { count: course.moduleCount })}
    </p>
  );
}

function ActiveCard({ p }: { p: Progress }) {
  const { t } = useTranslation();
  return (
    <li className="ds-card card learning-card">
      <h3 className="ds-heading" data-size="xs">
        <Content as="span" lang={p.course.language}>
          <Link className="ds-link" to={coursePath(p.course.id)}>
            {p.course.title}
          </Link>
        </Content>
      </h3>
      <CourseMeta course={p.course} />
      {p.programmeName ? <p className="card-meta">{p.programmeName}</p> : null}
      <ProgressBar percent={p.percent} label={t('learning.percentDone', { percent: p.percent })} />
      {p.unsyncedItems > 0 ? (
        <p className="ds-paragraph muted" data-size="sm">
          {t('learning.unsynced', { count: p.unsyncedItems })}
        </p>
      ) : null}
      <p className="card-actions">
        <Link
          className="ds-button big-button"
          data-variant="primary"
          to={nextPath(p.course, p.next)}
          aria-label={`${p.percent > 0 ? t('learning.continue') : t('learning.start')}: ${p.course.title}`}
        >
          {p.percent > 0 ? t('learning.continue') : t('learning.start')}
        </Link>
      </p>
    </li>
  );
}

function CompletedCard({ p }: { p: Progress }) {
  const { t } = useTranslation();
  return (
    <li className="ds-card card learning-card">
      <h3 className="ds-heading" data-size="xs">
        <Content as="span" lang={p.course.language}>
          <Link className="ds-link" to={coursePath(p.course.id)}>
            {p.course.title}
          </Link>
        </Content>
      </h3>
      <p className="card-meta">
        {p.completedAt
          ? t('learning.completedOn', { date: formatDate(p.completedAt) })
          : t('learning.completedPendingSync')}
      </p>
      {p.completedAt ? (
        <p className="card-actions">
          <Link className="ds-button big-button" data-variant="secondary" to={certificatePath(p.course.id)}>
            {p.certificateCode ? t('learning.certificate.show') : t('learning.certificate.get')}
          </Link>
        </p>
      ) : null}
    </li>
  );
}

function AvailableCourses({ lang, enrolledIds }: { lang: string; enrolledIds: Set<string> }) {
  const { t } = useTranslation();
  const courses = useCourses(lang);
  const enrol = useEnrol();
  const sync = useSyncState();
  const [enrolled, setEnrolled] = useState<string | null>(null);

  if (courses.isPending) return <Loading />;
  if (courses.isError) {
    return courses.error instanceof ApiError && courses.error.status === 0 ? (
      <p className="ds-paragraph muted">{t('learning.availableOffline')}</p>
    ) : (
      <ErrorAlert error={courses.error} onRetry={() => void courses.refetch()} />
    );
  }
  const available = courses.data.items.filter((c) => !enrolledIds.has(c.id));
  return (
    <>
      <LiveStatus message={enrolled ? t('learning.enrolled', { title: enrolled }) : null} />
      {enrol.isError ? <ErrorAlert error={enrol.error} /> : null}
      {available.length === 0 ? (
        <p className="ds-paragraph">{t('learning.noAvailable')}</p>
      ) : (
        <ul className="card-grid">
          {available.map((c) => (
            <li key={c.id} className="ds-card card learning-card">
              <h3 className="ds-heading" data-size="xs">
                <Content as="span" lang={c.language}>
                  <Link className="ds-link" to={coursePath(c.id)}>
                    {c.title}
                  </Link>
                </Content>
              </h3>
              <CourseMeta course={c} />
              <Content lang={c.language}>
                <p className="ds-paragraph">{c.summary}</p>
              </Content>
              <p className="card-actions">
                <button
                  type="button"
                  className="ds-button big-button"
                  data-variant="secondary"
                  aria-label={`${t('learning.enrol')}: ${c.title}`}
                  disabled={!sync.online}
                  aria-busy={(enrol.isPending && enrol.variables === c.id) || undefined}
                  onClick={() =>
                    enrol.mutate(c.id, {
                      onSuccess: () => setEnrolled(c.title),
                    })
                  }
                >
                  {t('learning.enrol')}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** "Mina utbildningar": my courses with progress and where to continue, completed ones, and more. */
export function MyLearningPage() {
  const { t } = useTranslation();
  const [lang, setLang] = useContentLanguage();
  const mine = useMyLearning(lang);
  const queued = useQueued();
  const prefetch = usePrefetchCourses();

  const items = mine.data?.data.items;
  // Keep every enrolled course on the device, so that it opens without network.
  useEffect(() => {
    if (items && !mine.data?.offline) prefetch(items.map((e) => ({ id: e.course.id, lang })));
  }, [items, mine.data?.offline, prefetch, lang]);

  const progress = (items ?? []).map((e) => withQueued(e, queued));
  const active = progress.filter((p) => !p.completedAt && p.percent < 100);
  const completed = progress.filter((p) => p.completedAt || p.percent >= 100);
  // Swedish first, then the other languages the learner's courses are given in.
  const languages = [...new Set(['sv', ...(items ?? []).flatMap((e) => e.course.languages)])];

  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.start') }]} />
      <LearningPage title={t('learning.mine.title')}>
        <p className="ds-paragraph lead">{t('learning.mine.lead')}</p>
        <SyncStatus />
        {languages.length > 1 ? (
          <CourseLanguageControl languages={languages} value={lang} onChange={setLang} />
        ) : null}
        {mine.data?.offline ? <OfflineNote savedAt={mine.data.savedAt} /> : null}
        {mine.isPending ? <Loading /> : null}
        {mine.isError ? (
          <div className="ds-alert" data-color="danger" role="alert">
            <p className="ds-paragraph">{errorMessage(mine.error, t)}</p>
            <button
              type="button"
              className="ds-button"
              data-variant="secondary"
              onClick={() => void mine.refetch()}
            >
              {t('app.retry')}
            </button>
          </div>
        ) : null}
        {items ? (
          <>
            <Section title={t('learning.mine.active')} id="pagaende">
              {active.length === 0 ? (
                <p className="ds-paragraph">{t('learning.mine.noActive')}</p>
              ) : (
                <ul className="card-grid">
                  {active.map((p) => (
                    <ActiveCard key={p.id} p={p} />
                  ))}
                </ul>
              )}
            </Section>
            {completed.length ? (
              <Section title={t('learning.mine.completed')} id="avslutade">
                <ul className="card-grid">
                  {completed.map((p) => (
                    <CompletedCard key={p.id} p={p} />
                  ))}
                </ul>
              </Section>
            ) : null}
            <Section title={t('learning.mine.available')} id="tillgangliga">
              <AvailableCourses lang={lang} enrolledIds={new Set(items.map((e) => e.course.id))} />
            </Section>
          </>
        ) : null}
      </LearningPage>
    </>
  );
}
