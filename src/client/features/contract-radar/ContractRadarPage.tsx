import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isNationalAdmin } from '../../../shared/access/index.ts';
import { Radar } from '../../../shared/contracts/contract-radar.ts';
import { DownloadLinks } from '../../components/DownloadLinks.tsx';
import { Loading } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api, qs } from '../../lib/api.ts';
import { useOrganisationsOfKind } from '../../lib/organisations.ts';
import { useMe } from '../../lib/session.ts';
import { ScopePicker } from '../mapping/ScopePicker.tsx';
import { RadarMap } from './RadarMap.tsx';
import { RadarOpportunities } from './RadarOpportunities.tsx';
import { RadarTable } from './RadarTable.tsx';
import { RadarTimeline } from './RadarTimeline.tsx';
import {
  areaFromSearch,
  areaValue,
  defaultRadarArea,
  ownRadarAreas,
  type RadarAreaParams,
} from './radar-area.ts';

/**
 * `/avtalsradar`: the contracts of a region, an association or the country that are ending — the
 * coordination opportunities first (what to act on), then a timeline, a map and a table that say the
 * same facts in three forms, and the whole as a CSV or workbook.
 */
export function ContractRadarPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const area = areaFromSearch(params) ?? (me.data ? defaultRadarArea(me.data) : null);
  const technology = params.get('teknik') ?? '';
  const query = {
    region: area?.region,
    association: area?.association,
    technology,
    lang: i18n.language,
  };
  const radar = useQuery({
    queryKey: ['contract-radar', query],
    queryFn: () => api.get(`/contracts/radar${qs(query)}`, Radar),
    enabled: area !== null,
  });

  if (me.isPending) return <Loading />;
  if (!area) return <Page title={t('contractRadar.title')} lead={t('contractRadar.noArea')} />;
  if (radar.isError) return <QueryFailure error={radar.error} onRetry={() => void radar.refetch()} />;
  if (radar.isPending) return <Loading />;

  const r = radar.data;
  const setTechnology = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('teknik', value);
    else next.delete('teknik');
    setParams(next, { replace: true });
  };
  const file = (format: 'csv' | 'xlsx') => `/api/v1/contracts/radar${qs({ ...query, format })}`;
  const national = me.data ? isNationalAdmin(me.data) : false;

  return (
    <Page title={t('contractRadar.titleFor', { name: r.area.name })} lead={t('contractRadar.lead')}>
      {national ? <ScopePicker scope={area} /> : <OwnAreaPicker current={area} />}
      <div className="radar-controls">
        <SelectField
          id="radar-technology"
          label={t('contractRadar.technology')}
          value={technology}
          onValueChange={setTechnology}
          options={[
            { value: '', label: t('contractRadar.allTechnologies') },
            ...r.technologies.map((x) => ({ value: x.key, label: x.name })),
          ]}
        />
      </div>
      <p className="ds-paragraph" data-size="sm">
        {t('contractRadar.judgedOn', { date: r.today, months: r.windowMonths })}
      </p>
      <nav aria-label={t('contractRadar.sections')} className="radar-sections">
        <ul>
          {(['opportunities', 'timeline', 'map', 'table'] as const).map((s) => (
            <li key={s}>
              <a className="ds-link" href={`#radar-${s}`}>
                {t(`contractRadar.${s}.title`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <DownloadLinks
        href={file}
        labels={{ csv: t('contractRadar.download.csv'), xlsx: t('contractRadar.download.xlsx') }}
      />
      <RadarOpportunities radar={r} />
      <RadarTimeline radar={r} />
      <RadarMap radar={r} />
      <RadarTable radar={r} />
    </Page>
  );
}

/**
 * A coordinator with more than one area (a region and an association, or municipalities in two
 * regions) chooses among them; a button applies the choice (WCAG 3.2.2).
 */
function OwnAreaPicker({ current }: { current: RadarAreaParams }) {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const options = me.data ? ownRadarAreas(me.data) : [];
  const regions = useOrganisationsOfKind(
    'region',
    options.some((o) => !o.label),
  );
  const [value, setValue] = useState(areaValue(current));
  if (options.length < 2) return null;
  const named = options.map((o) => ({
    value: o.value,
    label: o.label || regions.data?.items.find((r) => r.code === o.params.region)?.name || o.value,
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = options.find((o) => o.value === value);
    if (!chosen) return;
    const next = new URLSearchParams(params);
    next.delete('lan');
    next.delete('forbund');
    if (chosen.params.region) next.set('lan', chosen.params.region);
    if (chosen.params.association) next.set('forbund', chosen.params.association);
    setParams(next);
  };
  return (
    <form className="scope-picker" onSubmit={submit}>
      <SelectField
        id="radar-area"
        label={t('contractRadar.area')}
        value={value}
        onValueChange={setValue}
        options={named}
      />
      <button type="submit" className="ds-button" data-variant="secondary">
        {t('contractRadar.chooseArea')}
      </button>
    </form>
  );
}
