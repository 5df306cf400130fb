import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type AuditEntry, AuditPage as AuditPageSchema } from '../../../shared/contracts/audit.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { SelectField, TextField } from '../../components/Form.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { Page } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, qs } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/i18n.ts';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';

const entityTypes = ['organisation', 'user', 'membership', 'invitation', 'import'] as const;

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
          {t('audit.changes')}: {entry.action}
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

export function AuditLogPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const applied = {
    entityType: params.get('typ') ?? '',
    action: params.get('handelse') ?? '',
    from: params.get('fran') ?? '',
    to: params.get('till') ?? '',
  };
  const [draft, setDraft] = useState(applied);
  const admin = me.data ? isNationalAdmin(me.data) : false;
  const log = useInfiniteQuery({
    queryKey: ['audit', applied],
    queryFn: ({ pageParam }) =>
      api.get(
        `/audit${qs({
          limit: 50,
          cursor: pageParam,
          entityType: applied.entityType || undefined,
          action: applied.action.trim() || undefined,
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

  function apply(e: React.FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.entityType) next.set('typ', draft.entityType);
    if (draft.action.trim()) next.set('handelse', draft.action.trim());
    if (draft.from) next.set('fran', draft.from);
    if (draft.to) next.set('till', draft.to);
    setParams(next, { replace: true });
  }

  return (
    <Page title={t('audit.title')} lead={t('audit.intro')}>
      <form className="filters" onSubmit={apply} aria-labelledby="audit-filter-heading">
        <h2 className="ds-heading sr-only" data-size="xs" id="audit-filter-heading">
          {t('audit.filters')}
        </h2>
        <SelectField
          id="audit-type"
          label={t('audit.entityType')}
          value={draft.entityType}
          onValueChange={(entityType) => setDraft({ ...draft, entityType })}
          options={[
            { value: '', label: t('audit.allTypes') },
            ...entityTypes.map((e) => ({ value: e, label: t(`audit.entityTypes.${e}`) })),
          ]}
        />
        <TextField
          id="audit-action"
          label={t('audit.action')}
          hint={t('audit.actionHint')}
          value={draft.action}
          onValueChange={(action) => setDraft({ ...draft, action })}
        />
        <TextField
          id="audit-from"
          label={t('audit.from')}
          type="date"
          value={draft.from}
          onValueChange={(from) => setDraft({ ...draft, from })}
        />
        <TextField
          id="audit-to"
          label={t('audit.to')}
          type="date"
          value={draft.to}
          onValueChange={(to) => setDraft({ ...draft, to })}
        />
        <button type="submit" className="ds-button" data-variant="primary">
          {t('audit.apply')}
        </button>
      </form>
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
                  <td>{e.actorName ?? t('audit.system')}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td className="break">
                    {t(`audit.entityTypes.${e.entityType}`, e.entityType)}
                    {e.entityId ? <span className="muted id"> {e.entityId}</span> : null}
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
