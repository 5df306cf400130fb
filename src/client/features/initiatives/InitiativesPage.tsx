import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { scopeAt, scopeFor } from '../../../shared/access/index.ts';
import {
  type InitiativePhase,
  type InitiativeStatus,
  type InitiativeSummary,
  initiativePhases,
  initiativeStatuses,
} from '../../../shared/contracts/initiatives.ts';
import { ErrorAlert, LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatShortDate } from '../../lib/format.ts';
import { useMe } from '../../lib/session.ts';
import { type InitiativeListFilters, useInitiativeList } from './data.ts';
import { InitiativeBoard } from './InitiativeBoard.tsx';
import { emptyFilters, InitiativeFilters, type ListFilters } from './InitiativeFilters.tsx';
import { InitiativeTimeline } from './InitiativeTimeline.tsx';

/** Views by their address value (`?vy=`). */
const views = { lista: 'list', tavla: 'board', tidslinje: 'timeline' } as const;
type ViewParam = keyof typeof views;
const isView = (v: string | null): v is ViewParam => v !== null && v in views;

/** Filters by their address names, so a filtered view can be bookmarked and shared. */
const paramNames: Record<keyof ListFilters, string> = {
  status: 'status',
  phase: 'fas',
  municipality: 'kommun',
  technology: 'teknik',
  q: 'q',
};

const MANAGE_KINDS = ['municipality', 'region', 'association'];

/** Who may create: a membership with initiative.manage at a municipality, region or association. */
export function useInitiativeOwners() {
  const me = useMe();
  return me.data ? scopeAt(scopeFor(me.data, 'initiative.manage'), MANAGE_KINDS) : [];
}

export const statusColor: Record<InitiativeStatus, string> = {
  idea: 'neutral',
  planned: 'info',
  active: 'success',
  paused: 'warning',
  done: 'accent',
  stopped: 'danger',
};

/**
 * All initiatives the user may read — owned or joined within their area — as a table, a board by status
 * or a timeline. Filters and the view live in the address.
 */
export function InitiativesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const owners = useInitiativeOwners();
  const viewParam = params.get('vy');
  const view: ViewParam = isView(viewParam) ? viewParam : 'lista';
  const filters: ListFilters = {
    status: params.get(paramNames.status) ?? '',
    phase: params.get(paramNames.phase) ?? '',
    municipality: params.get(paramNames.municipality) ?? '',
    technology: params.get(paramNames.technology) ?? '',
    q: params.get(paramNames.q) ?? '',
  };
  const searchFor = (f: ListFilters, v: ViewParam) => {
    const p = new URLSearchParams();
    for (const key of Object.keys(paramNames) as (keyof ListFilters)[]) {
      if (f[key]) p.set(paramNames[key], f[key]);
    }
    if (v !== 'lista') p.set('vy', v);
    return p;
  };
  const query: InitiativeListFilters = {
    status: (initiativeStatuses as readonly string[]).includes(filters.status)
      ? (filters.status as InitiativeStatus)
      : undefined,
    phase: (initiativePhases as readonly string[]).includes(filters.phase)
      ? (filters.phase as InitiativePhase)
      : undefined,
    municipality: /^\d{4}$/.test(filters.municipality) ? filters.municipality : undefined,
    technology: filters.technology || undefined,
    q: filters.q || undefined,
  };
  const list = useInitiativeList(query);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const message = list.data
    ? items.length
      ? t(list.hasNextPage ? 'initiativeList.countMore' : 'initiativeList.count', { count: items.length })
      : t('initiativeList.empty')
    : null;

  return (
    <Page title={t('initiativeList.title')} lead={t('initiativeList.lead')}>
      <div className="initiative-list-top">
        {owners.length ? (
          <Link className="ds-button" data-variant="primary" to="/insatser/ny">
            {t('initiativeList.create')}
          </Link>
        ) : null}
        <nav aria-label={t('initiativeList.moreLabel')}>
          <ul className="initiative-links">
            <li>
              <Link className="ds-link" to="/handlingsplaner">
                {t('initiativeList.plans')}
              </Link>
            </li>
            <li>
              <Link className="ds-link" to="/behov">
                {t('initiativeList.needs')}
              </Link>
            </li>
            <li>
              <Link className="ds-link" to="/insatser/oversikt">
                {t('initiativeList.overview')}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <InitiativeFilters
        key={JSON.stringify(filters)}
        filters={filters}
        onApply={(f) => setParams(searchFor(f, view))}
        onClear={() => setParams(searchFor(emptyFilters, view))}
      />
      <nav aria-label={t('initiativeList.views.label')} className="initiative-views">
        <span className="initiative-views-label" aria-hidden="true">
          {t('initiativeList.views.label')}:
        </span>
        <ul className="initiative-links">
          {(Object.keys(views) as ViewParam[]).map((v) => (
            <li key={v}>
              <Link
                className="ds-link"
                to={{ search: `${searchFor(filters, v)}` }}
                aria-current={v === view ? 'page' : undefined}
              >
                {t(`initiativeList.views.${views[v]}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <LiveStatus message={message} tone="info" />
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {items.length ? (
        view === 'tavla' ? (
          <InitiativeBoard items={items} />
        ) : view === 'tidslinje' ? (
          <InitiativeTimeline items={items} />
        ) : (
          <InitiativeTable items={items} />
        )
      ) : null}
      <LoadMoreButton pages={list} />
    </Page>
  );
}

function InitiativeTable({ items }: { items: InitiativeSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('initiativeList.list.heading')} id="initiative-table">
      <TableWrap label={t('initiativeList.list.caption')}>
        <table className="ds-table initiative-table" data-border="true">
          <caption className="sr-only">{t('initiativeList.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('initiativeList.list.name')}</th>
              <th scope="col">{t('initiativeList.list.owner')}</th>
              <th scope="col">{t('initiativeList.list.status')}</th>
              <th scope="col">{t('initiativeList.list.phase')}</th>
              <th scope="col">{t('initiativeList.list.municipalities')}</th>
              <th scope="col">{t('initiativeList.list.nextMilestone')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  <Link className="ds-link" to={`/insatser/${i.id}`}>
                    {i.title}
                  </Link>
                </th>
                <td>{i.owner.name}</td>
                <td>
                  <Tag color={statusColor[i.status]}>{t(`initiatives.status.${i.status}`)}</Tag>
                </td>
                <td>{t(`initiatives.phase.${i.phase}`)}</td>
                <td>
                  {i.municipalities.length
                    ? i.municipalities.map((m) => m.name).join(', ')
                    : t('initiativeList.list.none')}
                </td>
                <td>
                  {i.nextMilestone
                    ? t('initiativeList.list.milestone', {
                        title: i.nextMilestone.title,
                        date: formatShortDate(i.nextMilestone.dueOn, i18n.language),
                      })
                    : t('initiativeList.list.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Section>
  );
}
