import { useId } from 'react';

/** Colours that pass 3:1 against white for graphics; text is always the dark ink (4.5:1 and more). */
export const BAR = '#0062ba';
export const BAR_HIGHLIGHT = '#a13f00';
export const INK = '#1e2b3c';
const TRACK = '#eef1f4';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The value as people read it ("1 480 kr", "82 %"); shown beside the bar. */
  text: string;
  /** Drawn in the second colour with a hatch, and the label says why (e.g. "Falun (vi)"). */
  highlight?: boolean;
}

const W = 360;
const ROW = 46;
const LABEL_Y = 16;
const BAR_Y = 22;
const BAR_H = 16;
const VALUE_SPACE = 104;

/**
 * Horizontal bars, one per row, each label on its own line above its bar so that long names fit on a
 * phone. The image has a spoken name and summary (`label`); the table beside it carries every figure,
 * so nothing is only in the picture. Highlighted bars are hatched as well as coloured.
 */
export function BarChart({ label, bars, max }: { label: string; bars: Bar[]; max?: number }) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 0) || 1;
  const span = W - VALUE_SPACE;
  const height = bars.length * ROW + 4;
  const hatch = `bars${useId().replace(/[^a-zA-Z0-9_-]/g, '')}-hatch`;
  return (
    <svg
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-label={label}
      className="dashboard-chart dashboard-bars"
      preserveAspectRatio="xMinYMin meet"
    >
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill={BAR_HIGHLIGHT} />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2" />
        </pattern>
      </defs>
      {bars.map((b, i) => {
        const y = i * ROW;
        const w = Math.max(0, (b.value / top) * span);
        return (
          <g key={b.key}>
            <text x={0} y={y + LABEL_Y} fontSize={14} fill={INK} fontWeight={b.highlight ? 700 : 400}>
              {b.label}
            </text>
            <rect x={0} y={y + BAR_Y} width={span} height={BAR_H} fill={TRACK} />
            <rect
              x={0}
              y={y + BAR_Y}
              width={w}
              height={BAR_H}
              fill={b.highlight ? `url(#${hatch})` : BAR}
              stroke={b.highlight ? BAR_HIGHLIGHT : 'none'}
            />
            <text x={span + 8} y={y + BAR_Y + BAR_H - 3} fontSize={14} fill={INK}>
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
