import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { decisionBand, decisionBands, type Radar } from '../../../shared/contracts/contract-radar.ts';
import { MunicipalityShapes } from '../../../shared/contracts/mapping.ts';
import { Loading } from '../../components/Feedback.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { bandFill } from './radar-bands.ts';

/**
 * The area's municipalities on the mapping's map (the same borders, fetched once and cached), coloured
 * by their nearest contract decision. The map orients; the table beside it holds the same facts.
 */
export function RadarMap({ radar }: { radar: Radar }) {
  const { t } = useTranslation();
  const captionId = useId();
  const shapes = useQuery({
    queryKey: ['municipality-shapes'],
    queryFn: () => api.get('/map/municipalities', MunicipalityShapes),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const rows = radar.municipalities.map((m) => {
    const band = decisionBand(m.earliestDecisionOn, radar.today);
    const label = t(`contractRadar.map.bands.${band}`);
    return { ...m, band, value: m.earliestDecisionOn ? `${m.earliestDecisionOn} (${label})` : label };
  });
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const caption = t('contractRadar.map.figure', { name: radar.area.name });

  let figure = null;
  if (shapes.isError) figure = <QueryFailure error={shapes.error} onRetry={() => void shapes.refetch()} />;
  else if (shapes.isPending) figure = <Loading />;
  else {
    const areas = shapes.data.items.filter((s) => byCode.has(s.code));
    const box = areas.reduce<[number, number, number, number]>(
      (b, a) => [
        Math.min(b[0], a.bbox[0]),
        Math.min(b[1], a.bbox[1]),
        Math.max(b[2], a.bbox[2]),
        Math.max(b[3], a.bbox[3]),
      ],
      [
        Number.POSITIVE_INFINITY,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
      ],
    );
    const pad = Math.max(box[2] - box[0], box[3] - box[1]) * 0.02;
    // Borders stay about one screen pixel wide whatever the zoom of the area.
    const stroke = (box[3] - box[1]) / 600;
    figure = (
      <figure className="radar-map">
        <svg
          viewBox={`${box[0] - pad} ${box[1] - pad} ${box[2] - box[0] + 2 * pad} ${box[3] - box[1] + 2 * pad}`}
          role="img"
          aria-labelledby={captionId}
          preserveAspectRatio="xMidYMid meet"
        >
          <title>{caption}</title>
          {areas.map((a) => {
            const row = byCode.get(a.code)!;
            return (
              <path
                key={a.code}
                d={a.path}
                fill={bandFill[row.band]}
                stroke="#4b4b4b"
                strokeWidth={stroke}
                fillRule="evenodd"
              >
                <title>{t('contractRadar.map.area', { name: row.name, value: row.value })}</title>
              </path>
            );
          })}
        </svg>
        <figcaption id={captionId}>{caption}</figcaption>
      </figure>
    );
  }

  return (
    <section className="section" aria-labelledby="radar-map">
      <h2 className="ds-heading" data-size="sm" id="radar-map" tabIndex={-1}>
        {t('contractRadar.map.title')}
      </h2>
      <div className="radar-map-layout">
        <div>
          {figure}
          <ul className="map-legend" aria-label={t('contractRadar.map.legend')}>
            {decisionBands.map((b) => (
              <li key={b}>
                <span className="swatch" style={{ background: bandFill[b] }} aria-hidden="true" />
                {t(`contractRadar.map.bands.${b}`)}
              </li>
            ))}
          </ul>
          <p className="ds-paragraph attribution" data-size="sm">
            {t('contractRadar.map.attribution')}
          </p>
        </div>
        <TableWrap label={t('contractRadar.map.caption')}>
          <table className="ds-table" data-border="true">
            <caption>{t('contractRadar.map.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contractRadar.map.municipality')}</th>
                <th scope="col">{t('contractRadar.map.earliest')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code}>
                  <th scope="row">{r.name}</th>
                  <td>
                    <span className="swatch" style={{ background: bandFill[r.band] }} aria-hidden="true" />
                    {r.value}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </div>
    </section>
  );
}
