import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type AuditEntry, AuditPage as AuditPageSchema } from '../../../shared/contracts/audit.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { Page } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, qs } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/i18n.ts';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { AuditFilters, type AuditFilterValues } from './AuditFilters.tsx';
import { ActorCell, ObjectCell, useEventName } from './audit-entry.tsx';

function show(value: unknown): string {
  if (value === undefined) return '–';
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** Before/after as a readable table of the fields that changed. */
export function Diff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const eventName = useEventName();
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  if (entry.before == null && entry.after == null)
    return <span className="muted">{t('audit.noChanges')}</span>;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const rows =
    before || after
      ? keys
          .filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null))
          .map((k) => ({ field: k, before: before?.[k], after: after?.[k] }))
      : [{ field: '', before: entry.before, after: entry.after }];
  if (rows.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  return (
    <details className="ds-details diff">
      <summary>{t('audit.showChanges')}</summary>
      <table className="ds-table diff-table" data-border="true">
        <caption className="sr-only">
          {t('audit.changes')}: {eventName(entry.action)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            <th scope="col">{t('audit.before')}</th>
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field}>
              <th scope="row">{r.field}</th>
              <td className="break">{r.before == null ? '–' : <del>{show(r.before)}</del>}</td>
              <td className="break">{r.after == null ? '–' : <ins>{show(r.after)}</ins>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function startOfDay(date: string) {
  return date ? new Date(`${date}T00:00:00`).toISOString() : undefined;
}
function endOfDay(date: string) {
  return date ? new Date(`${date}T23:59:59.999`).toISOString() : undefined;
}

/** The filters live in the page's address (Swedish parameter names), so a filtered log can be linked. */
function filtersFrom(params: URLSearchParams): AuditFilterValues {
  return {
    event: params.get('handelse') ?? '',
    personId: params.get('person') ?? '',
    personName: params.get('personnamn') ?? '',
    organisationId: params.get('org') ?? '',
    organisationName: params.get('orgnamn') ?? '',
    from: params.get('fran') ?? '',
    to: params.get('till') ?? '',
  };
}

function paramsOf(f: AuditFilterValues): URLSearchParams {
  const next = new URLSearchParams();
  const set = (k: string, v: string) => {
    if (v) next.set(k, v);
  };
  set('handelse', f.event);
  set('person', f.personId);
  set('personnamn', f.personId ? f.personName : '');
  set('org', f.organisationId);
  set('orgnamn', f.organisationId ? f.organisationName : '');
  set('fran', f.from);
  set('till', f.to);
  return next;
}

const UUID = /^[0-9a-f-]{36}$/i;

export function AuditLogPage() {
  const { t } = useTranslation();
  const me = useMe();
  const eventName = useEventName();
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const admin = me.data ? isNationalAdmin(me.data) : false;
  const group = applied.event.startsWith('grupp:') ? applied.event.slice('grupp:'.length) : '';
  const log = useInfiniteQuery({
    queryKey: ['audit', applied],
    queryFn: ({ pageParam }) =>
      api.get(
        `/audit${qs({
          limit: 50,
          cursor: pageParam,
          action: group ? undefined : applied.event || undefined,
          actionGroup: group || undefined,
          personId: UUID.test(applied.personId) ? applied.personId : undefined,
          organisationId: UUID.test(applied.organisationId) ? applied.organisationId : undefined,
          from: startOfDay(applied.from),
          to: endOfDay(applied.to),
        })}`,
        AuditPageSchema,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: admin,
  });

  if (!me.data) return <Loading />;
  if (!admin) return <NotFoundPage forbidden />;
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page title={t('audit.title')} lead={t('auditLog.intro')}>
      <AuditFilters
        key={params.toString()}
        applied={applied}
        onApply={(f) => setParams(paramsOf(f), { replace: true })}
      />
      {log.isPending ? <Loading /> : null}
      {log.isError ? <ErrorAlert error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.data && items.length === 0 ? <p className="ds-paragraph">{t('audit.none')}</p> : null}
      {items.length > 0 ? (
        <TableWrap label={t('audit.caption')}>
          <table className="ds-table audit-table" data-border="true" data-zebra="true">
            <caption>{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.object')}</th>
                <th scope="col">{t('audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <th scope="row" className="nowrap">
                    {formatDateTime(e.at)}
                  </th>
                  <td>
                    <ActorCell entry={e} />
                  </td>
                  <td>{eventName(e.action)}</td>
                  <td className="break">
                    <ObjectCell entry={e} />
                  </td>
                  <td>
                    <Diff entry={e} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <LoadMoreButton pages={log} />
    </Page>
  );
}
