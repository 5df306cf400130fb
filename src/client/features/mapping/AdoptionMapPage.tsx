import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  AdoptionMap,
  type MapMeasure,
  MunicipalityShapes,
  mapMeasures,
} from '../../../shared/contracts/mapping.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, qs } from '../../lib/api.ts';
import { MappingViewNav } from './MappingViewNav.tsx';
import { bandOf, bandsOf } from './map-bands.ts';
import { scopeFromSearch } from './mapping-scope.ts';

const isMeasure = (v: string | null): v is MapMeasure => mapMeasures.includes(v as MapMeasure);

/**
 * A map of the area's municipalities coloured by the status of one technology, the number of
 * technologies in operation, or the use of one technology. The map is a picture for orientation; the
 * table under it holds the same figures for keyboards and screen readers.
 */
export function AdoptionMapPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const scope = scopeFromSearch(params);
  const measure: MapMeasure = isMeasure(params.get('visa')) ? (params.get('visa') as MapMeasure) : 'status';
  const technology = params.get('teknik') ?? undefined;
  const captionId = useId();

  const data = useQuery({
    queryKey: ['adoption-map', scope, technology, lang],
    queryFn: () => api.get(`/adoption/map${qs({ ...scope, technology, lang })}`, AdoptionMap),
  });
  const shapes = useQuery({
    queryKey: ['municipality-shapes'],
    queryFn: () => api.get('/map/municipalities', MunicipalityShapes),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (data.isError) return <QueryFailure error={data.error} onRetry={() => void data.refetch()} />;
  if (shapes.isError) return <QueryFailure error={shapes.error} onRetry={() => void shapes.refetch()} />;
  if (data.isPending || shapes.isPending) return <Loading />;

  const d = data.data;
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const measureName =
    measure === 'inOperation'
      ? t('mapping.map.measures.inOperation')
      : `${t(`mapping.map.measures.${measure}`)}: ${d.technology.name}`;
  const bands = bandsOf(measure, t);
  const fillOf = new Map(bands.map((b) => [b.key, b.fill]));
  const rows = d.municipalities.map((m) => ({ ...m, band: bandOf(measure, m, t) }));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const areas = shapes.data.items.filter((s) => byCode.has(s.code));
  const box = areas.reduce<[number, number, number, number]>(
    (b, a) => [
      Math.min(b[0], a.bbox[0]),
      Math.min(b[1], a.bbox[1]),
      Math.max(b[2], a.bbox[2]),
      Math.max(b[3], a.bbox[3]),
    ],
    [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY],
  );
  const pad = Math.max(box[2] - box[0], box[3] - box[1]) * 0.02;
  const viewBox = `${box[0] - pad} ${box[1] - pad} ${box[2] - box[0] + 2 * pad} ${box[3] - box[1] + 2 * pad}`;
  // Borders stay about one screen pixel wide whatever the zoom of the area.
  const stroke = (box[3] - box[1]) / 600;
  const caption = t('mapping.map.figure', { name: d.scope.name, measure: measureName });

  return (
    <Page title={t('mapping.map.title', { name: d.scope.name })} lead={t('mapping.map.lead')}>
      <MappingViewNav scope={scope} />
      <div className="map-controls">
        <SelectField
          id="map-measure"
          label={t('mapping.map.measure')}
          value={measure}
          onValueChange={(v) => setParam('visa', v)}
          options={mapMeasures.map((m) => ({ value: m, label: t(`mapping.map.measures.${m}`) }))}
        />
        {measure !== 'inOperation' ? (
          <SelectField
            id="map-technology"
            label={t('mapping.map.technology')}
            value={d.technology.key}
            onValueChange={(v) => setParam('teknik', v)}
            options={d.technologies.map((tech) => ({ value: tech.key, label: tech.name }))}
          />
        ) : null}
      </div>
      <div className="map-layout">
        <div>
          <figure className="adoption-map">
            <svg viewBox={viewBox} role="img" aria-labelledby={captionId} preserveAspectRatio="xMidYMid meet">
              <title>{caption}</title>
              {areas.map((a) => {
                const row = byCode.get(a.code)!;
                return (
                  <path
                    key={a.code}
                    d={a.path}
                    fill={fillOf.get(row.band.key)}
                    stroke="#4b4b4b"
                    strokeWidth={stroke}
                    fillRule="evenodd"
                  >
                    <title>{t('mapping.map.areaLabel', { name: row.name, value: row.band.value })}</title>
                  </path>
                );
              })}
            </svg>
            <figcaption id={captionId}>{caption}</figcaption>
          </figure>
          <ul className="map-legend" aria-label={t('mapping.map.legend')}>
            {bands.map((b) => (
              <li key={b.key}>
                <span className="swatch" style={{ background: b.fill }} aria-hidden="true" />
                {b.label}
              </li>
            ))}
          </ul>
        </div>
        <TableWrap label={t('mapping.map.caption', { measure: measureName })}>
          <table className="ds-table" data-border="true">
            <caption>{t('mapping.map.caption', { measure: measureName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mapping.map.municipality')}</th>
                <th scope="col">{t('mapping.map.value')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code}>
                  <th scope="row">
                    <Link className="ds-link" to={`/kommuner/${r.code}/valfardsteknik`}>
                      {r.name}
                    </Link>
                  </th>
                  <td>
                    <span
                      className="swatch"
                      style={{ background: fillOf.get(r.band.key) }}
                      aria-hidden="true"
                    />
                    {r.band.value}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </div>
      <p className="ds-paragraph attribution" data-size="sm">
        {t('mapping.map.attribution')}
      </p>
    </Page>
  );
}
