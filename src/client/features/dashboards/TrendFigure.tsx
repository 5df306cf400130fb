import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { LineChart } from './LineChart.tsx';

/** A trend line over periods with its table (period, value) and the list behind it. */
export function TrendFigure({
  title,
  periodLabel,
  valueLabel,
  points,
  link,
  note,
  format,
}: {
  title: string;
  periodLabel: string;
  valueLabel: string;
  points: { key: string; label: string; value: number }[];
  link?: { to: string; label: string } | undefined;
  note?: ReactNode;
  format?: (n: number) => string;
}) {
  const { t, i18n } = useTranslation();
  const text = format ?? ((n: number) => formatNumber(n, i18n.language));
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last
      ? t('dashboards.trendSummary', {
          from: first.label,
          first: text(first.value),
          to: last.label,
          last: text(last.value),
        })
      : t('dashboards.noData');
  return (
    <ChartFigure
      title={title}
      chart={
        <LineChart
          label={`${title}. ${summary}`}
          points={points.map((p) => ({ ...p, text: text(p.value) }))}
        />
      }
      table={{
        caption: title,
        head: [{ label: periodLabel }, { label: valueLabel, numeric: true }],
        rows: points.map((p) => ({ key: p.key, cells: [p.label, text(p.value)] })),
      }}
      link={link}
      note={note}
    />
  );
}
