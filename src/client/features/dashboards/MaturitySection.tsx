import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MaturityFigures } from '../../../shared/contracts/dashboards.ts';
import { Section } from '../../components/Page.tsx';
import { formatShortDate } from '../../lib/format.ts';
import { BarChart } from './BarChart.tsx';
import { ChartFigure } from './ChartFigure.tsx';

/**
 * Maturity by area in the newest assessment rounds the person may see, one small chart per round side
 * by side (so the rounds can be compared), each leading to the round's results. Averages withheld by
 * the results' rules are said so in words, never drawn as zero.
 */
export function MaturitySection({ maturity }: { maturity: MaturityFigures }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const score = (n: number | null | undefined) => (typeof n === 'number' ? String(n) : '–');
  return (
    <Section id="dashboard-maturity" title={t('dashboards.maturity.title')}>
      {maturity.rounds.length === 0 ? (
        <p className="ds-paragraph">{t('dashboards.maturity.none')}</p>
      ) : (
        <>
          <p className="ds-paragraph">{maturity.scoreMethod}</p>
          <div className="dashboard-grid">
            {maturity.rounds.map((r) => {
              const meta = t('dashboards.maturity.roundMeta', {
                owner: r.ownerName,
                from: formatShortDate(r.opensOn, lang),
                to: formatShortDate(r.closesOn, lang),
                submitted: r.submitted,
                participants: r.participants,
              });
              return (
                <ChartFigure
                  key={r.roundId}
                  title={r.name}
                  chart={
                    r.aggregatesHidden ? null : (
                      <BarChart
                        label={`${t('dashboards.maturity.chartLabel', { name: r.name })} ${maturity.areas
                          .map((a) => `${a.label} ${score(r.average[a.key])}`)
                          .join(', ')}`}
                        max={100}
                        bars={maturity.areas.map((a) => ({
                          key: a.key,
                          label: a.label,
                          value: r.average[a.key] ?? 0,
                          text:
                            r.average[a.key] === null || r.average[a.key] === undefined
                              ? t('dashboards.maturity.noScore')
                              : `${r.average[a.key]} / 100`,
                        }))}
                      />
                    )
                  }
                  note={
                    <>
                      {meta}
                      {r.aggregatesHidden ? ` ${t('dashboards.maturity.hidden')}` : ''}
                    </>
                  }
                  table={{
                    caption: t('dashboards.maturity.tableCaption', { name: r.name }),
                    head: [
                      { label: t('dashboards.maturity.area') },
                      { label: t('dashboards.maturity.average'), numeric: true },
                    ],
                    rows: maturity.areas.map((a) => ({
                      key: a.key,
                      cells: [
                        a.label,
                        r.aggregatesHidden ? t('dashboards.maturity.tooFew') : score(r.average[a.key]),
                      ],
                    })),
                  }}
                  link={{
                    to: `/bedomningar/${r.roundId}/resultat`,
                    label: t('dashboards.maturity.toResults', { name: r.name }),
                  }}
                />
              );
            })}
          </div>
        </>
      )}
      <p className="ds-paragraph">
        <Link className="ds-link" to="/bedomningar">
          {t('dashboards.maturity.toRounds')}
        </Link>
      </p>
    </Section>
  );
}
