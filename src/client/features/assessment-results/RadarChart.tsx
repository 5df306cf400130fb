import { useId } from 'react';

export interface RadarSeries {
  key: string;
  name: string;
  /** Score 0–100 per axis, in axis order; null where there is none. */
  values: (number | null)[];
}

const colours = ['#0062ba', '#c75300', '#2a7a3b', '#7a3b99', '#8a6d00'];
const dashes = ['', '6 3', '2 3', '8 3 2 3', '4 4'];

/**
 * A radar chart of area scores, drawn as SVG. It is an image with a title and a description naming
 * every figure; the table next to it carries the same numbers for those who read tables. Series differ
 * by colour and dash pattern, so colour is never the only cue.
 */
export function RadarChart({
  axes,
  series,
  title,
  description,
}: {
  axes: string[];
  series: RadarSeries[];
  title: string;
  description: string;
}) {
  const id = useId();
  const size = 320;
  const c = size / 2;
  const r = 110;
  const n = axes.length;
  const point = (i: number, v: number) => {
    const a = (Math.PI * 2 * i) / n - Math.PI / 2;
    return [c + (Math.cos(a) * r * v) / 100, c + (Math.sin(a) * r * v) / 100] as const;
  };
  return (
    <figure className="radar">
      <svg
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        className="radar-svg"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {[25, 50, 75, 100].map((ring) => (
          <polygon
            key={ring}
            points={axes.map((_, i) => point(i, ring).join(',')).join(' ')}
            fill="none"
            stroke="#c7ccd1"
            strokeWidth={1}
          />
        ))}
        {axes.map((label, i) => {
          const [x, y] = point(i, 100);
          const [lx, ly] = point(i, 122);
          return (
            <g key={label}>
              <line x1={c} y1={c} x2={x} y2={y} stroke="#c7ccd1" />
              <text
                x={lx}
                y={ly}
                textAnchor={lx < c - 5 ? 'end' : lx > c + 5 ? 'start' : 'middle'}
                fontSize={11}
                fill="#1e2b3c"
              >
                {label}
              </text>
            </g>
          );
        })}
        {series.map((s, k) => (
          <polygon
            key={s.key}
            points={s.values.map((v, i) => point(i, v ?? 0).join(',')).join(' ')}
            fill={colours[k % colours.length]}
            fillOpacity={k === 0 ? 0.15 : 0}
            stroke={colours[k % colours.length]}
            strokeWidth={k === 0 ? 3 : 2}
            strokeDasharray={dashes[k % dashes.length]}
          />
        ))}
      </svg>
      <figcaption>
        <ul className="radar-legend">
          {series.map((s, k) => (
            <li key={s.key}>
              <svg width="28" height="10" aria-hidden="true" focusable="false">
                <line
                  x1="0"
                  y1="5"
                  x2="28"
                  y2="5"
                  stroke={colours[k % colours.length]}
                  strokeWidth={3}
                  strokeDasharray={dashes[k % dashes.length]}
                />
              </svg>{' '}
              {s.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
