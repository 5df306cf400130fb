import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LearningFigures } from '../../../shared/contracts/dashboards.ts';
import { Section } from '../../components/Page.tsx';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { BarChart } from './BarChart.tsx';
import { ChartFigure } from './ChartFigure.tsx';
import { TrendFigure } from './TrendFigure.tsx';

/** "mar 2026" from "2026-03", in the UI language. */
export function monthLabel(month: string, lang: string) {
  const d = new Date(`${month}-01T00:00:00Z`);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
    .format(d)
    .replace('.', '');
}

/** Programme participation and completion (bars per programme) and completions per month. */
export function LearningSection({ learning }: { learning: LearningFigures }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const num = (n: number) => formatNumber(n, lang);
  const rate = (p: { enrolled: number; completed: number }) =>
    p.enrolled ? formatPercent(p.completed / p.enrolled, lang) : '–';
  const shown = learning.programmes.slice(0, 10);
  return (
    <Section id="dashboard-learning" title={t('dashboards.learning.title')}>
      <p className="ds-paragraph">
        {t('dashboards.learning.summary', {
          enrolled: num(learning.enrolled),
          completed: num(learning.completed),
          programmes: num(learning.programmes.length),
        })}
      </p>
      <div className="dashboard-grid">
        {learning.programmes.length ? (
          <ChartFigure
            title={t('dashboards.learning.byProgramme')}
            chart={
              <BarChart
                label={`${t('dashboards.learning.byProgramme')}. ${t('dashboards.learning.summary', {
                  enrolled: num(learning.enrolled),
                  completed: num(learning.completed),
                  programmes: num(learning.programmes.length),
                })}`}
                bars={shown.map((p) => ({
                  key: p.id,
                  label: p.name,
                  value: p.enrolled,
                  text: t('dashboards.learning.barText', {
                    enrolled: num(p.enrolled),
                    completed: num(p.completed),
                  }),
                }))}
              />
            }
            table={{
              caption: t('dashboards.learning.tableCaption'),
              head: [
                { label: t('dashboards.learning.programme') },
                { label: t('dashboards.learning.enrolled'), numeric: true },
                { label: t('dashboards.learning.completed'), numeric: true },
                { label: t('dashboards.learning.completionRate'), numeric: true },
              ],
              rows: learning.programmes.map((p) => ({
                key: p.id,
                cells: [
                  <Link key="l" className="ds-link" to={`/program/${p.id}`}>
                    {p.name}
                  </Link>,
                  num(p.enrolled),
                  num(p.completed),
                  rate(p),
                ],
              })),
            }}
            link={{ to: '/program', label: t('dashboards.learning.toProgrammes') }}
            note={t('dashboards.learning.countNote')}
          />
        ) : (
          <p className="ds-paragraph">
            {t('dashboards.learning.none')}{' '}
            <Link className="ds-link" to="/program">
              {t('dashboards.learning.toProgrammes')}
            </Link>
          </p>
        )}
        <TrendFigure
          title={t('dashboards.learning.perMonth')}
          periodLabel={t('dashboards.month')}
          valueLabel={t('dashboards.learning.completed')}
          points={learning.completionsByMonth.map((p) => ({
            key: p.month,
            label: monthLabel(p.month, lang),
            value: p.completed,
          }))}
        />
      </div>
    </Section>
  );
}
