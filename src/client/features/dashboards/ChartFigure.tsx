import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableWrap } from '../../components/TableWrap.tsx';

export interface FigureTable {
  caption: string;
  /** Column headings; the first names the rows. Numeric columns are right-aligned. */
  head: { label: string; numeric?: boolean }[];
  rows: { key: string; cells: ReactNode[] }[];
}

/**
 * One picture with its figures: a heading, the chart, and its table directly below it (the chart is a
 * summary for the eye; the table is what screen readers and people who prefer numbers read). The table
 * sits in a "Visa som tabell" disclosure that starts open unless the page has the same figures in a
 * combined table. `link` leads to the list behind the figure.
 */
export function ChartFigure({
  title,
  chart,
  table,
  link,
  note,
  tableOpen = true,
}: {
  title: string;
  chart: ReactNode;
  table: FigureTable;
  link?: { to: string; label: string } | undefined;
  note?: ReactNode;
  /** Closed where the same figures are also in a combined table on the page. */
  tableOpen?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <figure className="dashboard-figure" aria-labelledby={`${id}-title`}>
      <h3 className="ds-heading dashboard-figure-title" data-size="xs" id={`${id}-title`}>
        {title}
      </h3>
      {chart}
      {note ? <p className="ds-paragraph dashboard-note">{note}</p> : null}
      <details className="dashboard-table" open={tableOpen}>
        <summary>{t('dashboards.showTable')}</summary>
        <TableWrap label={table.caption}>
          <table className="ds-table" data-border="true" data-size="sm">
            <caption>{table.caption}</caption>
            <thead>
              <tr>
                {table.head.map((h) => (
                  <th key={h.label} scope="col" className={h.numeric ? 'num' : undefined}>
                    {h.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.key}>
                  {r.cells.map((c, i) =>
                    i === 0 ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns
                      <th key={i} scope="row">
                        {c}
                      </th>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns
                      <td key={i} className={table.head[i]?.numeric ? 'num' : undefined}>
                        {c}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
      {link ? (
        <p className="ds-paragraph">
          <Link className="ds-link" to={link.to}>
            {link.label}
          </Link>
        </p>
      ) : null}
    </figure>
  );
}

/** Key figures as large numbers, each a link to the list behind it. */
export function KeyFigures({
  label,
  items,
}: {
  label: string;
  items: { key: string; value: string; label: string; to: string }[];
}) {
  return (
    <ul className="key-figures" aria-label={label}>
      {items.map((f) => (
        <li key={f.key}>
          <Link className="key-figure" to={f.to}>
            <span className="key-figure-value">{f.value}</span>{' '}
            <span className="key-figure-label">{f.label}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
