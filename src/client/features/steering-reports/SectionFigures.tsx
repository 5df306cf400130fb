import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { ReportSection } from '../../../shared/contracts/steering-reports.ts';
import type { Messages } from '../../../shared/i18n/sv.ts';
import { type Block, figureBlocks } from '../../../shared/reports/steering-report-figures.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

const numeric = (rows: string[][], c: number) =>
  c > 0 && rows.every((r) => /^[-\d\s\u00a0,.–]*$/.test(r[c] ?? ''));

function FigureTable({ b }: { b: Extract<Block, { kind: 'table' }> }) {
  return (
    <TableWrap label={b.caption}>
      <table className="ds-table report-table" data-border="true" data-size="sm">
        <caption>{b.caption}</caption>
        <thead>
          <tr>
            {b.head.map((h, c) => (
              <th key={h} scope="col" className={numeric(b.rows, c) ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {b.rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are recomputed as a whole, never reordered
            <tr key={`${r}-${row[0]}`}>
              {row.map((v, c) =>
                c === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
                  <th key={c} scope="row">
                    {v}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
                  <td key={c} className={numeric(b.rows, c) ? 'num' : undefined}>
                    {v}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** A bar chart drawn with CSS: one image with its text alternative; the table above holds the values. */
function BarChart({ b }: { b: Extract<Block, { kind: 'chart' }> }) {
  return (
    <figure className="report-chart">
      <figcaption className="ds-paragraph" data-size="sm">
        {b.title}
      </figcaption>
      <div role="img" aria-label={b.alt} className="report-chart-bars">
        {b.bars.map((bar) => (
          <div key={bar.label} className="report-chart-row" aria-hidden="true">
            <span className="report-chart-label">{bar.label}</span>
            <span className="report-chart-track">
              <span
                className="report-chart-bar"
                style={{ width: `${Math.max(0, Math.min(100, bar.value))}%` }}
              />
            </span>
            <span className="report-chart-value">{bar.value}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}

/** A section's figures in the reader's language: the same tables as the PDF and the DOCX. */
export function SectionFigures({ section }: { section: ReportSection }) {
  const { i18n } = useTranslation();
  const lang: UiLanguage = i18n.language === 'en' ? 'en' : 'sv';
  const messages = i18n.getResourceBundle(lang, 'translation') as Messages;
  const blocks = figureBlocks(section, messages, lang);
  return (
    <div className="report-figures">
      {blocks.map((b, i) => {
        const key = `${section.key}-${i}`;
        switch (b.kind) {
          case 'table':
            return <FigureTable key={key} b={b} />;
          case 'chart':
            return <BarChart key={key} b={b} />;
          case 'paragraph':
            return (
              <p key={key} className="ds-paragraph">
                {b.text}
              </p>
            );
          default:
            return null;
        }
      })}
    </div>
  );
}
