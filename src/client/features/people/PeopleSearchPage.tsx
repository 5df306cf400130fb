import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { searchesPeople } from '../../../shared/access/index.ts';
import {
  PeopleSearchPage as PeopleSearchPageSchema,
  type PersonHit,
} from '../../../shared/contracts/people-search.ts';
import { ErrorAlert, Loading, Tag } from '../../components/Feedback.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { Page } from '../../components/Page.tsx';
import { SearchForm } from '../../components/SearchForm.tsx';
import { api, qs } from '../../lib/api.ts';
import { actorOf, isNationalAdmin, useMe } from '../../lib/session.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { personPath, placementLabel } from './person-labels.ts';

const PAGE_SIZE = 25;

function PersonResult({ person }: { person: PersonHit }) {
  const { t } = useTranslation();
  const login = person.email ?? person.username;
  return (
    <li className="person-hit">
      <h2 className="ds-heading" data-size="2xs">
        <Link className="ds-link" to={personPath(person.userId)}>
          {person.name}
        </Link>
        {person.status !== 'active' ? (
          <>
            {' '}
            <Tag color={person.status === 'invited' ? 'info' : 'neutral'}>
              {t(`memberStatus.${person.status}`)}
            </Tag>
          </>
        ) : null}
      </h2>
      {login ? <p className="ds-paragraph break">{login}</p> : null}
      {person.placements.length > 0 ? (
        <ul className="placement-list">
          {person.placements.map((p) => (
            <li key={p.membershipId}>{placementLabel(t, p)}</li>
          ))}
        </ul>
      ) : (
        <p className="ds-paragraph muted">{t('peopleSearch.noRoles')}</p>
      )}
    </li>
  );
}

/** `/personer`: everyone the caller reaches, found by a word of the name, e-mail or employee number. */
export function PeopleSearchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const allowed = me.data ? searchesPeople(actorOf(me.data)) : false;
  const results = useInfiniteQuery({
    queryKey: ['people-search', q],
    queryFn: ({ pageParam }) =>
      api.get(`/people${qs({ q, limit: PAGE_SIZE, cursor: pageParam })}`, PeopleSearchPageSchema),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: allowed && q.length >= 2,
  });

  if (!me.data) return <Loading />;
  if (!allowed) return <NotFoundPage forbidden />;
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const national = isNationalAdmin(me.data);

  return (
    <Page
      title={t('peopleSearch.title')}
      lead={national ? t('peopleSearch.leadNational') : t('peopleSearch.lead')}
    >
      <SearchForm
        id="people-q"
        q={q}
        texts={{
          heading: t('peopleSearch.searchHeading'),
          label: t('peopleSearch.label'),
          hint: t('peopleSearch.hint'),
          submit: t('peopleSearch.submit'),
          clear: t('peopleSearch.clear'),
          tooShort: t('peopleSearch.tooShort'),
        }}
        onSearch={(value) => setParams(value ? { q: value } : {}, { replace: true })}
      />
      {q && results.isPending ? <Loading /> : null}
      {results.isError ? <ErrorAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.data ? (
        <section aria-labelledby="people-results-heading">
          <p className="ds-paragraph result-count" id="people-results-heading" aria-live="polite">
            {items.length === 0
              ? t('peopleSearch.none', { q })
              : results.hasNextPage
                ? t('peopleSearch.shownMore', { count: items.length })
                : t('peopleSearch.shown', { count: items.length })}
          </p>
          {items.length > 0 ? (
            <ul className="person-hits">
              {items.map((p) => (
                <PersonResult key={p.userId} person={p} />
              ))}
            </ul>
          ) : null}
          <LoadMoreButton pages={results} />
        </section>
      ) : null}
    </Page>
  );
}
