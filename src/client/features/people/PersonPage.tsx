import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { searchesPeople } from '../../../shared/access/index.ts';
import { PersonHit } from '../../../shared/contracts/people-search.ts';
import { ErrorAlert, LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { orgPath } from '../../lib/organisations.ts';
import { actorOf, isNationalAdmin, useMe } from '../../lib/session.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { PlacementActions } from './PlacementActions.tsx';

/** `/personer/:id`: one person, her roles in the caller's scope and what the caller may do with each. */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const [status, setStatus] = useState<string | null>(null);
  const allowed = me.data ? searchesPeople(actorOf(me.data)) : false;
  const person = useQuery({
    queryKey: ['person', id],
    queryFn: () => api.get(`/people/${id}`, PersonHit),
    enabled: allowed,
  });

  if (!me.data) return <Loading />;
  if (!allowed) return <NotFoundPage forbidden />;
  if (person.isPending) return <Loading />;
  if (person.isError) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;

  return (
    <Page title={p.name} breadcrumbs={[{ to: '/personer', label: t('nav.people') }, { label: p.name }]}>
      <dl className="facts">
        {p.email ? (
          <>
            <dt>{t('peopleSearch.email')}</dt>
            <dd className="break">{p.email}</dd>
          </>
        ) : null}
        {p.username ? (
          <>
            <dt>{t('peopleSearch.username')}</dt>
            <dd>{p.username}</dd>
          </>
        ) : null}
        {p.employeeNumber ? (
          <>
            <dt>{t('peopleSearch.employeeNumber')}</dt>
            <dd>{p.employeeNumber}</dd>
          </>
        ) : null}
        <dt>{t('peopleSearch.status')}</dt>
        <dd>
          <Tag color={p.status === 'active' ? 'success' : p.status === 'invited' ? 'info' : 'neutral'}>
            {t(`memberStatus.${p.status}`)}
          </Tag>
        </dd>
      </dl>
      <LiveStatus message={status} />
      <Section title={t('peopleSearch.roles')} id="person-roles">
        {p.placements.length === 0 ? (
          <p className="ds-paragraph">{t('peopleSearch.noRoles')}</p>
        ) : (
          // One card per role rather than a table: a phone shows a role and its actions without
          // scrolling sideways, and each role is found by its heading.
          <ul className="placement-cards" aria-label={t('peopleSearch.rolesCaption', { name: p.name })}>
            {p.placements.map((pl) => (
              <li key={pl.membershipId} className="placement-card">
                <h3 className="ds-heading" data-size="2xs">
                  <Link className="ds-link" to={orgPath(pl.organisationId)}>
                    {pl.organisationName}
                  </Link>
                  {pl.parentName && pl.organisationKind === 'unit' ? (
                    <span className="muted"> ({pl.parentName})</span>
                  ) : null}
                </h3>
                <p className="ds-paragraph">
                  {t('peopleSearch.role')}: <strong>{t(`roles.${pl.role}`)}</strong>
                </p>
                <PlacementActions person={p} placement={pl} onDone={setStatus} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      {isNationalAdmin(me.data) ? (
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/admin/logg${qs({ person: p.userId, personnamn: p.name })}`}>
            {t('peopleSearch.auditLink')}
          </Link>
        </p>
      ) : null}
    </Page>
  );
}
