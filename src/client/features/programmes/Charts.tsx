/**
 * Simple SVG charts. They are hidden from assistive technology: the caption tells what they show, and the
 * table next to them holds the same figures (the accessible version).
 */

const ENROLLED = 'var(--ds-color-accent-base-default, #1e6fb8)';
const COMPLETED = 'var(--ds-color-success-base-default, #1b7a3c)';

export const chartColours = { enrolled: ENROLLED, completed: COMPLETED };

export function GroupedBarChart({
  rows,
}: {
  rows: readonly { label: string; enrolled: number; completed: number }[];
}) {
  const barH = 12;
  const rowH = barH * 2 + 12;
  const labelW = 140;
  const width = 640;
  const plotW = width - labelW - 50;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.enrolled, r.completed)));
  const height = rows.length * rowH + 8;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      {rows.map((r, i) => {
        const y = i * rowH + 4;
        const we = (r.enrolled / max) * plotW;
        const wc = (r.completed / max) * plotW;
        return (
          <g key={r.label}>
            <text x={labelW - 8} y={y + barH + 4} textAnchor="end" fontSize="12" fill="currentColor">
              {r.label.length > 20 ? `${r.label.slice(0, 19)}…` : r.label}
            </text>
            <rect x={labelW} y={y} width={we} height={barH} fill={ENROLLED} />
            <text x={labelW + we + 4} y={y + barH - 2} fontSize="11" fill="currentColor">
              {r.enrolled}
            </text>
            <rect x={labelW} y={y + barH} width={wc} height={barH} fill={COMPLETED} />
            <text x={labelW + wc + 4} y={y + barH * 2 - 2} fontSize="11" fill="currentColor">
              {r.completed}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function ColumnChart({ rows }: { rows: readonly { label: string; value: number }[] }) {
  const width = 640;
  const height = 200;
  const bottom = 24;
  const top = 16;
  const n = Math.max(1, rows.length);
  const slot = (width - 20) / n;
  const barW = Math.max(4, slot * 0.7);
  const max = Math.max(1, ...rows.map((r) => r.value));
  const every = Math.ceil(n / 12);
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      <line x1="10" x2={width - 10} y1={height - bottom} y2={height - bottom} stroke="currentColor" />
      {rows.map((r, i) => {
        const h = (r.value / max) * (height - bottom - top);
        const x = 10 + i * slot + (slot - barW) / 2;
        return (
          <g key={r.label}>
            <rect x={x} y={height - bottom - h} width={barW} height={h} fill={ENROLLED} />
            {i % every === 0 ? (
              <text x={x + barW / 2} y={height - 8} fontSize="10" textAnchor="middle" fill="currentColor">
                {r.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
