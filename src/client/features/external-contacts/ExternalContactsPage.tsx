import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  ExternalContactList,
  type ExternalContactSummary,
  externalActorKinds,
} from '../../../shared/contracts/external-contacts.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Form.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { SearchForm } from '../../components/SearchForm.tsx';
import { api, qs } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { useTechnologies } from '../cases/case-queries.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { contactPath, contactsKey, useChoices, useContactRights } from './data.ts';

const PAGE_SIZE = 30;

/** The filters as the page's address names them (Swedish, shared in links) and the API's names. */
const FILTERS = [
  ['aktor', 'actorKind'],
  ['teknik', 'technology'],
  ['kommun', 'municipality'],
  ['leverantor', 'supplier'],
  ['logg', 'owner'],
  ['uppfoljning', 'followUp'],
] as const;

/**
 * `/kontakter`: the logs of contacts with external actors the person reads, newest first, searched in
 * Swedish and filtered by actor, technology, municipality, supplier, log and open follow-ups.
 */
export function ExternalContactsPage() {
  const { t } = useTranslation();
  const rights = useContactRights();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const query: Record<string, string> = { q };
  for (const [param, name] of FILTERS) query[name] = params.get(param) ?? '';
  if (query.followUp) query.followUp = 'open';
  const list = useInfiniteQuery({
    queryKey: [...contactsKey, 'list', query],
    queryFn: ({ pageParam }) =>
      api.get(
        `/external-contacts${qs({ ...query, limit: PAGE_SIZE, cursor: pageParam })}`,
        ExternalContactList,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: rights.reads,
  });
  if (!rights.reads) return <NotFoundPage forbidden />;
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page title={t('externalContacts.list.title')} lead={t('externalContacts.list.lead')}>
      {rights.writes ? (
        <p>
          <Link className="ds-button" data-variant="primary" to="/kontakter/ny">
            {t('externalContacts.list.create')}
          </Link>
        </p>
      ) : null}
      <SearchForm
        id="contact-q"
        q={q}
        texts={{
          heading: t('externalContacts.list.searchHeading'),
          label: t('externalContacts.list.searchLabel'),
          hint: t('externalContacts.list.searchHint'),
          submit: t('externalContacts.list.search'),
          clear: t('externalContacts.list.clear'),
          tooShort: t('externalContacts.list.tooShort'),
        }}
        onSearch={(value) => setParam('q', value)}
      />
      <Filters params={params} setParam={setParam} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryFailure error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <section aria-labelledby="contact-results">
          <h2 className="ds-heading" data-size="xs" id="contact-results" aria-live="polite">
            {items.length === 0
              ? t('externalContacts.list.none')
              : list.hasNextPage
                ? t('externalContacts.list.shownMore', { count: items.length })
                : t('externalContacts.list.shown', { count: items.length })}
          </h2>
          <ul className="contact-list">
            {items.map((c) => (
              <ContactItem key={c.id} contact={c} />
            ))}
          </ul>
          <LoadMoreButton pages={list} />
        </section>
      )}
    </Page>
  );
}

function Filters({
  params,
  setParam,
}: {
  params: URLSearchParams;
  setParam: (key: string, value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const technologies = useTechnologies(i18n.language);
  const choices = useChoices();
  const all = { value: '', label: t('externalContacts.list.all') };
  const select = (param: string, label: string, options: { value: string; label: string }[]) => (
    <SelectField
      id={`contact-filter-${param}`}
      label={label}
      value={params.get(param) ?? ''}
      onValueChange={(v) => setParam(param, v)}
      options={[all, ...options]}
    />
  );
  return (
    <div className="filters">
      {select(
        'aktor',
        t('externalContacts.fields.actorKind'),
        externalActorKinds.map((k) => ({ value: k, label: t(`externalContacts.actorKind.${k}`) })),
      )}
      {select(
        'teknik',
        t('externalContacts.fields.technologies'),
        (technologies.data?.items ?? []).map((x) => ({ value: x.key, label: x.name })),
      )}
      {select(
        'kommun',
        t('externalContacts.list.municipality'),
        (choices.data?.municipalities ?? []).map((m) => ({ value: m.code, label: m.name })),
      )}
      {select(
        'leverantor',
        t('externalContacts.fields.supplier'),
        (choices.data?.suppliers ?? []).map((s) => ({ value: s.id, label: s.name })),
      )}
      {(choices.data?.owners.length ?? 0) > 1
        ? select(
            'logg',
            t('externalContacts.fields.owner'),
            (choices.data?.owners ?? []).map((o) => ({ value: o.id, label: o.name })),
          )
        : null}
      {select('uppfoljning', t('externalContacts.list.followUp'), [
        { value: 'oppen', label: t('externalContacts.list.followUpOpen') },
      ])}
    </div>
  );
}

function ContactItem({ contact: c }: { contact: ExternalContactSummary }) {
  const { t } = useTranslation();
  return (
    <li>
      <p className="ds-paragraph contact-meta" data-size="sm">
        {formatDate(c.occurredOn)} · {t(`externalContacts.kind.${c.kind}`)} · {c.owner.name}
      </p>
      <h3 className="ds-heading" data-size="2xs">
        <Link className="ds-link" to={contactPath(c.id)}>
          {c.topic}
        </Link>
      </h3>
      <p className="ds-paragraph" data-size="sm">
        {c.actorName} ({t(`externalContacts.actorKind.${c.actorKind}`)})
        {c.technologies.length ? ` · ${c.technologies.map((x) => x.name).join(', ')}` : ''}
      </p>
      {c.municipalities.length ? (
        <p className="ds-paragraph" data-size="sm">
          {t('externalContacts.fields.municipalities')}: {c.municipalities.map((m) => m.name).join(', ')}
        </p>
      ) : null}
      {c.followUpOn ? (
        <p className="ds-paragraph" data-size="sm">
          {c.followUpDoneAt
            ? t('externalContacts.followUp.doneOn', { date: formatDate(c.followUpDoneAt) })
            : t('externalContacts.followUp.dueOn', { date: formatDate(c.followUpOn) })}
        </p>
      ) : null}
    </li>
  );
}
