import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InitiativeFigures } from '../../../shared/contracts/dashboards.ts';
import { initiativePhases, initiativeStatuses } from '../../../shared/contracts/initiatives.ts';
import { Section } from '../../components/Page.tsx';
import { formatNumber } from '../../lib/format.ts';
import { BarChart } from './BarChart.tsx';
import { ChartFigure } from './ChartFigure.tsx';
import { initiativesLink } from './data.ts';

/**
 * Initiatives by phase (bars) and by phase × status (table), every count a link to the initiatives
 * list filtered the same way (`?fas=…&status=…`, and `&kommun=` on a municipality's page).
 */
export function InitiativesSection({
  initiatives,
  municipality,
}: {
  initiatives: InitiativeFigures;
  municipality?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const num = (n: number) => formatNumber(n, i18n.language);
  const count = (phase: string, status?: string) =>
    initiatives.byPhaseStatus
      .filter((r) => r.phase === phase && (!status || r.status === status))
      .reduce((s, r) => s + r.count, 0);
  const statuses = initiativeStatuses.filter((s) =>
    initiatives.byPhaseStatus.some((r) => r.status === s && r.count),
  );
  const cell = (n: number, phase: string, status: string | undefined, label: string) =>
    n ? (
      <Link className="ds-link" to={initiativesLink({ phase, status, municipality })} aria-label={label}>
        {num(n)}
      </Link>
    ) : (
      '0'
    );
  return (
    <Section id="dashboard-initiatives" title={t('dashboards.initiatives.title')}>
      <p className="ds-paragraph">
        <Link className="ds-link" to={initiativesLink({ municipality })}>
          {t('dashboards.initiatives.total', { count: initiatives.total, n: num(initiatives.total) })}
        </Link>
      </p>
      <ChartFigure
        title={t('dashboards.initiatives.byPhase')}
        chart={
          <BarChart
            label={`${t('dashboards.initiatives.byPhase')}. ${initiativePhases
              .map((p) => `${t(`initiatives.phase.${p}`)} ${num(count(p))}`)
              .join(', ')}`}
            bars={initiativePhases.map((p) => ({
              key: p,
              label: t(`initiatives.phase.${p}`),
              value: count(p),
              text: num(count(p)),
            }))}
          />
        }
        table={{
          caption: t('dashboards.initiatives.tableCaption'),
          head: [
            { label: t('dashboards.initiatives.phase') },
            ...statuses.map((s) => ({ label: t(`initiatives.status.${s}`), numeric: true })),
            { label: t('dashboards.initiatives.all'), numeric: true },
          ],
          rows: initiativePhases.map((p) => {
            const phase = t(`initiatives.phase.${p}`);
            return {
              key: p,
              cells: [
                phase,
                ...statuses.map((s) =>
                  cell(
                    count(p, s),
                    p,
                    s,
                    t('dashboards.initiatives.cellLabel', {
                      n: count(p, s),
                      phase,
                      status: t(`initiatives.status.${s}`),
                    }),
                  ),
                ),
                cell(count(p), p, undefined, t('dashboards.initiatives.phaseLabel', { n: count(p), phase })),
              ],
            };
          }),
        }}
        link={{
          to: `${initiativesLink({ municipality })}${municipality ? '&' : '?'}vy=tavla`,
          label: t('dashboards.initiatives.toBoard'),
        }}
      />
    </Section>
  );
}
