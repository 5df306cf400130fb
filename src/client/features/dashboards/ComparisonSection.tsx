import { useTranslation } from 'react-i18next';
import type { ComparableFigures, ComparisonColumn } from '../../../shared/contracts/dashboards.ts';
import { Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatNumber, formatPercent, formatSek } from '../../lib/format.ts';
import { BarChart } from './BarChart.tsx';
import { ChartFigure } from './ChartFigure.tsx';

type Key = keyof ComparableFigures;
const keys: Key[] = [
  'technologiesInOperation',
  'useRate',
  'programmeParticipants',
  'completionRate',
  'initiatives',
  'fundingGrantedSek',
  'avoidedCostSekPerYear',
  'timeSavedHoursPerYear',
];

/**
 * The municipality beside its region, the model municipalities, chosen peers and the country: one small
 * chart per figure (the municipality's own bar hatched and named "(vi)", its table folded), then one
 * table with every figure and group. A group too small to show says so in words.
 */
export function ComparisonSection({
  columns,
  links,
}: {
  columns: ComparisonColumn[];
  links: Partial<Record<Key, string>>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const format = (k: Key, v: number | null) =>
    v === null
      ? '–'
      : k === 'useRate' || k === 'completionRate'
        ? formatPercent(v, lang)
        : k === 'fundingGrantedSek' || k === 'avoidedCostSekPerYear'
          ? formatSek(v, lang)
          : formatNumber(v, lang);
  const name = (c: ComparisonColumn) =>
    c.kind === 'self' ? t('dashboards.compare.us', { name: c.name }) : c.name;
  const value = (c: ComparisonColumn, k: Key) =>
    c.figures ? format(k, c.figures[k]) : t('dashboards.compare.tooFew');
  return (
    <Section id="dashboard-comparison" title={t('dashboards.compare.title')}>
      <p className="ds-paragraph">{t('dashboards.compare.lead')}</p>
      <div className="dashboard-multiples">
        {keys.map((k) => {
          const title = t(`dashboards.compare.figure.${k}`);
          const shown = columns.filter((c) => c.figures && c.figures[k] !== null);
          return (
            <ChartFigure
              key={k}
              title={title}
              chart={
                <BarChart
                  label={`${title}. ${columns.map((c) => `${name(c)}: ${value(c, k)}`).join(', ')}`}
                  max={k === 'useRate' || k === 'completionRate' ? 1 : undefined}
                  bars={shown.map((c) => ({
                    key: c.kind,
                    label: name(c),
                    value: c.figures?.[k] ?? 0,
                    text: format(k, c.figures?.[k] ?? null),
                    highlight: c.kind === 'self',
                  }))}
                />
              }
              table={{
                caption: title,
                head: [
                  { label: t('dashboards.compare.group') },
                  { label: t('dashboards.compare.value'), numeric: true },
                ],
                rows: columns.map((c) => ({ key: c.kind, cells: [name(c), value(c, k)] })),
              }}
              link={links[k] ? { to: links[k], label: t(`dashboards.compare.link.${k}`) } : undefined}
              tableOpen={false}
            />
          );
        })}
      </div>
      <TableWrap label={t('dashboards.compare.allCaption')}>
        <table className="ds-table dashboard-comparison" data-border="true" data-size="sm">
          <caption>{t('dashboards.compare.allCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboards.compare.figureHeading')}</th>
              {columns.map((c) => (
                <th key={c.kind} scope="col" className="num">
                  {name(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k}>
                <th scope="row">{t(`dashboards.compare.figure.${k}`)}</th>
                {columns.map((c) => (
                  <td key={c.kind} className="num">
                    {value(c, k)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p className="ds-paragraph dashboard-note">{t('dashboards.compare.note')}</p>
    </Section>
  );
}
