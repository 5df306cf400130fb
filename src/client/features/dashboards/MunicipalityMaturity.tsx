import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MunicipalityDashboard } from '../../../shared/contracts/dashboards.ts';
import { Section } from '../../components/Page.tsx';
import { BarChart } from './BarChart.tsx';
import { ChartFigure } from './ChartFigure.tsx';

type Maturity = NonNullable<MunicipalityDashboard['maturity']>;

/**
 * The municipality's maturity per area in its newest round, beside the comparison groups exactly as its
 * results page gives them: one small chart per area, the municipality's bar hatched. Groups too small to
 * show are said so in words.
 */
export function MunicipalityMaturity({
  maturity,
  name,
  code,
}: {
  maturity: Maturity | null;
  name: string;
  code: string;
}) {
  const { t } = useTranslation();
  const title = t('dashboards.maturity.title');
  if (!maturity)
    return (
      <Section id="dashboard-maturity" title={title}>
        <p className="ds-paragraph">{t('dashboards.maturity.none')}</p>
      </Section>
    );
  const us = t('dashboards.compare.us', { name });
  const score = (n: number | null | undefined) =>
    typeof n === 'number' ? `${n} / 100` : t('dashboards.maturity.noScore');
  const rows = [
    {
      key: 'self',
      label: us,
      scores: maturity.scores as Record<string, number | null> | null,
      highlight: true,
    },
    ...maturity.groups.map((g) => ({ key: g.key, label: g.name, scores: g.scores, highlight: false })),
  ];
  return (
    <Section id="dashboard-maturity" title={title}>
      <p className="ds-paragraph">{t('dashboards.maturity.roundOf', { name: maturity.name })}</p>
      <div className="dashboard-multiples">
        {maturity.areas.map((a) => (
          <ChartFigure
            key={a.key}
            title={a.label}
            chart={
              <BarChart
                label={`${a.label}. ${rows
                  .map(
                    (r) =>
                      `${r.label}: ${r.scores ? score(r.scores[a.key]) : t('dashboards.compare.tooFew')}`,
                  )
                  .join(', ')}`}
                max={100}
                bars={rows
                  .filter((r) => r.scores && typeof r.scores[a.key] === 'number')
                  .map((r) => ({
                    key: r.key,
                    label: r.label,
                    value: r.scores?.[a.key] ?? 0,
                    text: score(r.scores?.[a.key]),
                    highlight: r.highlight,
                  }))}
              />
            }
            table={{
              caption: t('dashboards.maturity.areaCaption', { area: a.label }),
              head: [
                { label: t('dashboards.compare.group') },
                { label: t('dashboards.maturity.score'), numeric: true },
              ],
              rows: rows.map((r) => ({
                key: r.key,
                cells: [r.label, r.scores ? score(r.scores[a.key]) : t('dashboards.compare.tooFew')],
              })),
            }}
          />
        ))}
      </div>
      <p className="ds-paragraph">
        <Link className="ds-link" to={`/bedomningar/${maturity.roundId}/kommuner/${code}/resultat`}>
          {t('dashboards.maturity.toMunicipalityResults', { name: maturity.name })}
        </Link>
      </p>
    </Section>
  );
}
