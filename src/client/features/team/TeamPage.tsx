import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type TeamStatus, TeamView, teamSorts, teamStatuses } from '../../../shared/contracts/team.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { API, api, qs } from '../../lib/api.ts';
import { TeamActions } from './TeamActions.tsx';
import { TeamSearchField } from './TeamSearchField.tsx';
import { TeamTable } from './TeamTable.tsx';
import './team.css';
import { DownloadLinks, type ExportFormat } from '../../components/DownloadLinks.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';

type Sort = (typeof teamSorts)[number];

/** The filters live in the address (`?enhet=&kurs=&status=&sok=&sortera=`): a link can open a filtered list. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const sort = params.get('sortera');
  const filters = {
    unitId: params.get('enhet') ?? '',
    courseId: params.get('kurs') ?? '',
    status: (teamStatuses as readonly string[]).includes(status ?? '') ? (status as TeamStatus) : '',
    q: params.get('sok') ?? '',
    sort: (teamSorts as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'name',
  };
  const set = (key: 'enhet' | 'kurs' | 'status' | 'sok' | 'sortera', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { filters, set };
}

export function TeamPage() {
  const { t, i18n } = useTranslation();
  const { filters, set } = useFilters();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const query = {
    unitId: filters.unitId || undefined,
    courseId: filters.courseId || undefined,
    status: filters.status || undefined,
    q: filters.q.trim() || undefined,
    sort: filters.sort,
  };
  const team = useInfiniteQuery({
    queryKey: ['team', query, i18n.language],
    queryFn: ({ pageParam }) => api.get(`/team${qs({ ...query, limit: 50, cursor: pageParam })}`, TeamView),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = team.data?.pages[0];
  const items = team.data?.pages.flatMap((p) => p.items) ?? [];
  const download = (format: ExportFormat) => `${API}/team/export${qs({ ...query, format })}`;

  return (
    <Page title={t('team.title')} lead={t('team.lead')}>
      {team.isError ? <ErrorAlert error={team.error} onRetry={() => void team.refetch()} /> : null}
      <Section title={t('team.filters')} id="filters">
        <div className="team-filters">
          {first && first.units.length > 1 ? (
            <SelectField
              id="team-unit"
              label={t('team.unit')}
              value={filters.unitId}
              onValueChange={(v) => set('enhet', v)}
              options={[
                { value: '', label: t('team.allUnits') },
                ...first.units.map((u) => ({ value: u.id, label: u.name })),
              ]}
            />
          ) : null}
          <SelectField
            id="team-course"
            label={t('team.course')}
            value={filters.courseId}
            onValueChange={(v) => set('kurs', v)}
            options={[
              { value: '', label: t('team.allCourses') },
              ...(first?.courses ?? []).map((c) => ({ value: c.id, label: c.title })),
            ]}
          />
          <SelectField
            id="team-status"
            label={t('team.status')}
            value={filters.status}
            onValueChange={(v) => set('status', v)}
            options={[
              { value: '', label: t('team.allStatuses') },
              ...teamStatuses.map((s) => ({
                value: s,
                label: first
                  ? t('team.statusCount', { label: t(`team.statuses.${s}`), count: first.counts[s] ?? 0 })
                  : t(`team.statuses.${s}`),
              })),
            ]}
          />
          <TeamSearchField label={t('team.search')} value={filters.q} onSettled={(v) => set('sok', v)} />
          <SelectField
            id="team-sort"
            label={t('team.sort')}
            value={filters.sort}
            onValueChange={(v) => set('sortera', v === 'name' ? '' : v)}
            options={teamSorts.map((s) => ({ value: s, label: t(`team.sorts.${s}`) }))}
          />
        </div>
      </Section>
      <Section title={t('team.caption')} id="people">
        {team.isPending ? <Loading /> : null}
        {first ? (
          <>
            <p className="ds-paragraph" aria-live="polite">
              {t('team.showing', { shown: items.length, total: first.total })}
            </p>
            {first.units.length === 0 ? <p className="ds-paragraph">{t('team.noUnits')}</p> : null}
            {items.length === 0 && first.units.length > 0 ? (
              <p className="ds-paragraph">{t('team.noneFound')}</p>
            ) : null}
            {items.length > 0 ? <TeamTable items={items} selected={selected} onSelect={setSelected} /> : null}
            <LoadMoreButton pages={team} />
          </>
        ) : null}
      </Section>
      <TeamActions selected={[...selected]} onDone={() => void team.refetch()} />
      <Section title={t('team.download')} id="download">
        <p className="ds-paragraph">{t('team.downloadHint')}</p>
        <DownloadLinks href={download} labels={{ csv: t('team.csv'), xlsx: t('team.xlsx') }} />
      </Section>
    </Page>
  );
}
