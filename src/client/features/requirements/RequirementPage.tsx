import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RequirementDetail, RequirementVersion } from '../../../shared/contracts/requirements.ts';
import { Loading, Tag } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { formatShortDate } from '../../lib/format.ts';
import { useMe } from '../../lib/session.ts';
import { ownOrganisations, useRequirement } from './data.ts';
import { LessonForm } from './LessonForm.tsx';

function VersionItem({ v, current }: { v: RequirementVersion; current: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="requirement-version">
      <h3 className="ds-heading" data-size="xs">
        {t('requirements.page.version', { version: v.version })}
        {current ? ` – ${t('requirements.page.current')}` : null}
      </h3>
      <p className="ds-paragraph muted" data-size="sm">
        {[
          t('requirements.page.savedOn', { date: formatShortDate(v.createdAt.slice(0, 10), i18n.language) }),
          t(`requirements.levels.${v.level}`),
          t(`requirements.categories.${v.category}`),
        ].join(' · ')}
      </p>
      <p className="ds-paragraph" lang="sv">
        {v.textSv}
      </p>
      {v.textEn ? (
        <p className="ds-paragraph" lang="en">
          {v.textEn}
        </p>
      ) : null}
    </li>
  );
}

function Lessons({ r }: { r: RequirementDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('requirements.page.lessons')} id="lessons">
      {r.lessons.length === 0 ? <p className="ds-paragraph">{t('requirements.page.noLessons')}</p> : null}
      <ul className="requirement-lessons">
        {r.lessons.map((l) => (
          <li key={l.id}>
            <p className="tags">
              <Tag color={l.rating === 'worked' ? 'success' : l.rating === 'partly' ? 'warning' : 'danger'}>
                {t(`requirements.ratings.${l.rating}`)}
              </Tag>
            </p>
            <p className="ds-paragraph">{l.body}</p>
            <p className="ds-paragraph muted" data-size="sm">
              {t('requirements.page.lessonAbout', {
                organisation: l.organisation.name,
                version: l.version,
                date: formatShortDate(l.createdAt.slice(0, 10), i18n.language),
              })}
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** /kravbibliotek/:id — the current text, every version, the lessons and "did it work?". */
export function RequirementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const detail = useRequirement(id);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <QueryFailure error={detail.error} onRetry={() => void detail.refetch()} />;
  const r = detail.data;
  const organisations = me.data ? ownOrganisations(me.data) : [];
  return (
    <Page title={t('requirements.page.title')} lead={r.current.textSv}>
      <p className="tags">
        <Tag color={r.current.level === 'must' ? 'accent' : 'neutral'}>
          {t(`requirements.levels.${r.current.level}`)}
        </Tag>
        <Tag color="neutral">{t(`requirements.categories.${r.current.category}`)}</Tag>
      </p>
      <ul className="requirement-facts">
        <li>{t('requirements.list.owner', { name: r.owner.name })}</li>
        {r.current.source ? <li>{t('requirements.page.source', { source: r.current.source })}</li> : null}
        {r.technologies.length ? (
          <li>
            {t('requirements.page.technologies', { list: r.technologies.map((x) => x.name).join(', ') })}
          </li>
        ) : null}
        <li>{t('requirements.list.usedIn', { count: r.usedIn })}</li>
        {r.derivedFrom ? (
          <li>
            <Link className="ds-link" to={`/kravbibliotek/${r.derivedFrom}`}>
              {t('requirements.page.derivedFrom')}
            </Link>
          </li>
        ) : null}
      </ul>
      <p className="page-actions">
        {r.canEdit ? (
          <Link className="ds-button" data-variant="secondary" to={`/kravbibliotek/${r.id}/andra`}>
            {t('requirements.page.edit')}
          </Link>
        ) : null}
        <Link className="ds-link" to="/kravbibliotek">
          {t('requirements.page.back')}
        </Link>
      </p>
      <Lessons r={r} />
      {organisations.length ? <LessonForm requirement={r} organisations={organisations} /> : null}
      <Section title={t('requirements.page.versions')} id="versions">
        <ol className="requirement-versions">
          {r.versions.map((v) => (
            <VersionItem key={v.version} v={v} current={v.version === r.current.version} />
          ))}
        </ol>
      </Section>
    </Page>
  );
}
