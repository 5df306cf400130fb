import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, Measurement } from '../../../shared/contracts/initiatives.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatNumber } from '../../lib/format.ts';
import { formatDate } from '../../lib/i18n.ts';

const W = 640;
const H = 280;
const M = { top: 24, right: 24, bottom: 40, left: 64 };
/** Both pass 3:1 against white for graphics and 4.5:1 for their text. */
const LINE = '#0062ba';
const TARGET = '#a13f00';
const INK = '#1e2b3c';
const GRID = '#c7ccd1';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function niceTicks(min: number, max: number, count = 4): number[] {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step / 2; v += step)
    ticks.push(Number(v.toFixed(6)));
  return ticks;
}

interface Point {
  key: string;
  date: string;
  value: number;
  kind: 'baseline' | 'measurement' | 'target';
}

/**
 * Baseline → measurements → target over time, drawn as SVG. The image has a spoken summary; the table
 * below carries every figure. The target is a dashed line in another colour and marked with a diamond,
 * so colour is never the only cue; every point carries its value as text.
 */
export function IndicatorChart({
  indicator: ind,
  actions,
}: {
  indicator: Indicator;
  /** Buttons for one measurement's row (the owner's "remove"); adds an actions column. */
  actions?: ((m: Measurement) => ReactNode) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const num = (n: number) => formatNumber(n, i18n.language);
  const actual: Point[] = [
    { key: 'baseline', date: ind.baselineOn, value: ind.baselineValue, kind: 'baseline' },
    ...ind.measurements.map((m) => ({
      key: m.id,
      date: m.measuredOn,
      value: m.value,
      kind: 'measurement' as const,
    })),
  ];
  const target = ind.targetValue;
  const targetPoint: Point | null =
    target !== null && ind.targetOn
      ? { key: 'target', date: ind.targetOn, value: target, kind: 'target' }
      : null;
  const dates = [...actual, ...(targetPoint ? [targetPoint] : [])].map((p) => day(p.date));
  let x0 = Math.min(...dates);
  let x1 = Math.max(...dates);
  if (x1 === x0) {
    x0 -= 15 * 86_400_000;
    x1 += 15 * 86_400_000;
  }
  const values = [...actual.map((p) => p.value), ...(target !== null ? [target] : [])];
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const y0 = Math.min(ticks[0] ?? 0, ...values);
  const y1 = Math.max(ticks[ticks.length - 1] ?? 1, ...values);
  const sx = (iso: string) => M.left + ((day(iso) - x0) / (x1 - x0)) * (W - M.left - M.right);
  const sy = (v: number) => M.top + (1 - (v - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);
  const path = actual
    .map((p, k) => `${k ? 'L' : 'M'}${sx(p.date).toFixed(1)},${sy(p.value).toFixed(1)}`)
    .join(' ');
  const last = actual[actual.length - 1]!;
  const xTicks = [...new Set([actual[0]!.date, last.date, ...(targetPoint ? [targetPoint.date] : [])])];

  const summary = [
    t('initiativePage.chart.summaryBaseline', {
      value: num(ind.baselineValue),
      unit: ind.unit,
      date: formatDate(ind.baselineOn),
    }),
    ind.measurements.length
      ? t('initiativePage.chart.summaryLatest', {
          n: ind.measurements.length,
          value: num(last.value),
          unit: ind.unit,
          date: formatDate(last.date),
        })
      : t('initiativePage.chart.summaryNoMeasurements'),
    target !== null
      ? ind.targetOn
        ? t('initiativePage.chart.summaryTargetOn', {
            value: num(target),
            unit: ind.unit,
            date: formatDate(ind.targetOn),
          })
        : t('initiativePage.chart.summaryTarget', { value: num(target), unit: ind.unit })
      : t('initiativePage.chart.summaryNoTarget'),
  ].join(' ');

  const kindLabel = (k: Point['kind']) => t(`initiativePage.chart.kind.${k}`);
  const rows: (Point & { note: string | null; measurement?: Measurement })[] = [
    {
      key: 'baseline',
      date: ind.baselineOn,
      value: ind.baselineValue,
      kind: 'baseline',
      note: ind.baselineMethod,
    },
    ...ind.measurements.map((m) => ({
      key: m.id,
      date: m.measuredOn,
      value: m.value,
      kind: 'measurement' as const,
      note: m.note,
      measurement: m,
    })),
    ...(target !== null
      ? [{ key: 'target', date: ind.targetOn ?? '', value: target, kind: 'target' as const, note: null }]
      : []),
  ];
  const caption = t('initiativePage.chart.tableCaption', { name: ind.name, unit: ind.unit });

  return (
    <figure className="indicator-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${t('initiativePage.chart.title', { name: ind.name })}. ${summary}`}
        className="indicator-chart-svg"
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={sy(v)} y2={sy(v)} stroke={GRID} strokeWidth={1} />
            <text x={M.left - 8} y={sy(v) + 4} textAnchor="end" fontSize={12} fill={INK}>
              {num(v)}
            </text>
          </g>
        ))}
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} stroke={INK} strokeWidth={1} />
        {xTicks.map((d, k) => (
          <text
            key={d}
            x={sx(d)}
            y={H - M.bottom + 20}
            textAnchor={k === 0 ? 'start' : 'end'}
            fontSize={12}
            fill={INK}
          >
            {d}
          </text>
        ))}
        {target !== null ? (
          <g>
            <line
              x1={M.left}
              x2={W - M.right}
              y1={sy(target)}
              y2={sy(target)}
              stroke={TARGET}
              strokeWidth={2}
              strokeDasharray="8 5"
            />
            <text
              x={W - M.right}
              y={sy(target) - 6}
              textAnchor="end"
              fontSize={12}
              fill={TARGET}
              fontWeight={600}
            >
              {t('initiativePage.chart.targetLabel', { value: num(target) })}
            </text>
          </g>
        ) : null}
        {targetPoint ? (
          <line
            x1={sx(last.date)}
            y1={sy(last.value)}
            x2={sx(targetPoint.date)}
            y2={sy(targetPoint.value)}
            stroke={TARGET}
            strokeWidth={2}
            strokeDasharray="3 4"
          />
        ) : null}
        <path d={path} fill="none" stroke={LINE} strokeWidth={3} />
        {actual.map((p, k) => (
          <g key={p.key}>
            {p.kind === 'baseline' ? (
              <rect x={sx(p.date) - 5} y={sy(p.value) - 5} width={10} height={10} fill={LINE} />
            ) : (
              <circle cx={sx(p.date)} cy={sy(p.value)} r={5} fill="#fff" stroke={LINE} strokeWidth={3} />
            )}
            <text
              x={sx(p.date)}
              y={sy(p.value) - 10}
              textAnchor={k === 0 ? 'start' : 'middle'}
              fontSize={12}
              fill={INK}
            >
              {num(p.value)}
            </text>
          </g>
        ))}
        {targetPoint ? (
          <path
            d={`M${sx(targetPoint.date)},${sy(targetPoint.value) - 7} l7,7 l-7,7 l-7,-7 z`}
            fill={TARGET}
          />
        ) : null}
      </svg>
      <figcaption>
        <ul className="indicator-chart-legend">
          <li>
            <svg width="28" height="12" aria-hidden="true" focusable="false">
              <line x1="0" y1="6" x2="28" y2="6" stroke={LINE} strokeWidth={3} />
            </svg>{' '}
            {t('initiativePage.chart.legendActual')}
          </li>
          {target !== null ? (
            <li>
              <svg width="28" height="12" aria-hidden="true" focusable="false">
                <line x1="0" y1="6" x2="28" y2="6" stroke={TARGET} strokeWidth={2} strokeDasharray="8 5" />
              </svg>{' '}
              {t('initiativePage.chart.legendTarget')}
            </li>
          ) : null}
        </ul>
      </figcaption>
      <TableWrap label={caption}>
        <table className="ds-table indicator-values" data-border="true" data-size="sm">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('initiativePage.chart.date')}</th>
              <th scope="col">{t('initiativePage.chart.kindHeading')}</th>
              <th scope="col" className="num">
                {t('initiativePage.chart.value')}
              </th>
              <th scope="col">{t('initiativePage.chart.note')}</th>
              {actions ? <th scope="col">{t('initiativePage.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className="nowrap">
                  {r.date ? formatDate(r.date) : t('initiativePage.chart.noDate')}
                </th>
                <td>{kindLabel(r.kind)}</td>
                <td className="num nowrap">{num(r.value)}</td>
                <td>{r.note ?? ''}</td>
                {actions ? <td>{r.measurement ? actions(r.measurement) : null}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </figure>
  );
}
