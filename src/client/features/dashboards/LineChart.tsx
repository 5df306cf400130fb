import { BAR, INK } from './BarChart.tsx';

const W = 480;
const H = 220;
const M = { top: 24, right: 16, bottom: 36, left: 16 };
const GRID = '#c7ccd1';

export interface LinePoint {
  key: string;
  /** The period as shown under the axis ("2026-Q1", "mar 2026"). */
  label: string;
  value: number;
  text: string;
}

/**
 * A trend over periods: a line with a marked point and its value for every period, the first and last
 * period named under the axis (all of them when there are few). Spoken as `label`; the table beside it
 * has every period.
 */
export function LineChart({ label, points }: { label: string; points: LinePoint[] }) {
  const top = Math.max(1, ...points.map((p) => p.value));
  const n = points.length;
  const sx = (i: number) => M.left + 20 + (n > 1 ? (i / (n - 1)) * (W - M.left - M.right - 40) : 0);
  const sy = (v: number) => M.top + (1 - v / top) * (H - M.top - M.bottom);
  const path = points
    .map((p, i) => `${i ? 'L' : 'M'}${sx(i).toFixed(1)},${sy(p.value).toFixed(1)}`)
    .join(' ');
  // The first and last period always, and every step-th between them as long as it keeps clear of the last.
  const step = Math.ceil(n / 4);
  const named = (i: number) => n <= 6 || i === 0 || i === n - 1 || (i % step === 0 && n - 1 - i >= step);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="dashboard-chart dashboard-line">
      <line x1={M.left} x2={W - M.right} y1={sy(0)} y2={sy(0)} stroke={GRID} strokeWidth={1} />
      <path d={path} fill="none" stroke={BAR} strokeWidth={3} />
      {points.map((p, i) => (
        <g key={p.key}>
          <circle cx={sx(i)} cy={sy(p.value)} r={4.5} fill="#fff" stroke={BAR} strokeWidth={3} />
          {named(i) || p.value > 0 ? (
            <text x={sx(i)} y={sy(p.value) - 9} textAnchor="middle" fontSize={13} fill={INK}>
              {p.text}
            </text>
          ) : null}
          {named(i) ? (
            <text x={sx(i)} y={H - M.bottom + 22} textAnchor="middle" fontSize={13} fill={INK}>
              {p.label}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}
