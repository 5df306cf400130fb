import { formatDate } from '../../lib/i18n.ts';

/** A plan's period, e.g. "1 januari 2026 – 31 december 2027". */
export function Period({ start, end }: { start: string; end: string }) {
  return (
    <span className="nowrap-parts">
      <span className="nowrap">{formatDate(start)}</span> – <span className="nowrap">{formatDate(end)}</span>
    </span>
  );
}
