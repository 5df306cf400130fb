import { useTranslation } from 'react-i18next';
import { decisionBand, type Radar, type RadarContract } from '../../../shared/contracts/contract-radar.ts';
import { addMonths } from '../../../shared/contracts/supplier-contracts.ts';
import { bandFill } from './radar-bands.ts';
import { useRadarNames } from './radar-names.ts';

/** Enough bars to read; the rest are in the table's file. */
const TIMELINE_MAX = 150;
/** The axis runs from today at least two and at most five years ahead. */
const MIN_MONTHS = 24;
const MAX_MONTHS = 60;

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * Contracts by technology on a time axis from today: a bar to each contract's end and a diamond on its
 * next decision. The bars are drawn with CSS; each row also says its facts in words to screen readers,
 * and the table below holds the same facts.
 */
export function RadarTimeline({ radar }: { radar: Radar }) {
  const { t } = useTranslation();
  const names = useRadarNames(radar);
  const shown = radar.contracts.slice(0, TIMELINE_MAX);
  const latest =
    shown
      .map((c) => c.endsOn)
      .sort()
      .at(-1) ?? radar.today;
  const axisEnd = [addMonths(radar.today, MIN_MONTHS), latest, addMonths(radar.today, MAX_MONTHS)].sort()[1]!;
  const [from, to] = [dayOf(radar.today), dayOf(axisEnd)];
  const pct = (iso: string) => Math.max(0, Math.min(100, ((dayOf(iso) - from) / (to - from)) * 100));
  const years: string[] = [];
  // A new year closer to today than this share of the axis would print over the "today" mark.
  for (let y = Number(radar.today.slice(0, 4)) + 1; `${y}-01-01` <= axisEnd; y++)
    if (pct(`${y}-01-01`) >= 8) years.push(`${y}-01-01`);

  const groups = new Map<string, RadarContract[]>();
  for (const c of shown)
    for (const key of c.technologyKeys)
      if (!radar.technology || key === radar.technology.key) groups.set(key, [...(groups.get(key) ?? []), c]);

  return (
    <section className="section" aria-labelledby="radar-timeline">
      <h2 className="ds-heading" data-size="sm" id="radar-timeline" tabIndex={-1}>
        {t('contractRadar.timeline.title')}
      </h2>
      {shown.length === 0 ? (
        <p className="ds-paragraph">{t('contractRadar.timeline.none')}</p>
      ) : (
        <>
          <p className="ds-paragraph" data-size="sm">
            {t('contractRadar.timeline.lead')}
            {radar.contractsTotal > shown.length
              ? ` ${t('contractRadar.timeline.capped', { shown: shown.length, count: radar.contractsTotal })}`
              : null}
          </p>
          <ul className="map-legend radar-legend" aria-hidden="true">
            <li>
              <span className="radar-bar-sample" />
              {t('contractRadar.timeline.legendBar')}
            </li>
            <li>
              <span className="radar-diamond-sample" />
              {t('contractRadar.timeline.legendDecision')}
            </li>
          </ul>
          {[...groups.entries()].map(([key, contracts]) => (
            <div key={key} className="radar-timeline">
              <h3 className="ds-heading" data-size="2xs">
                {names.technology(key)}
              </h3>
              <div className="radar-axis" aria-hidden="true">
                <span className="radar-axis-label" />
                <span className="radar-axis-track">
                  <span className="radar-tick" style={{ insetInlineStart: '0%' }}>
                    {t('contractRadar.timeline.today')}
                  </span>
                  {years.map((y) => (
                    <span key={y} className="radar-tick" style={{ insetInlineStart: `${pct(y)}%` }}>
                      {y.slice(0, 4)}
                    </span>
                  ))}
                </span>
              </div>
              <ul className="radar-rows">
                {[...contracts]
                  .sort((a, b) => a.endsOn.localeCompare(b.endsOn))
                  .map((c) => {
                    const beyond = c.endsOn > axisEnd;
                    const decision = t(`contractRadar.decision.${c.decisionKind}`, {
                      date: c.nextDecisionOn,
                    });
                    const passed = c.nextDecisionOn < radar.today;
                    return (
                      <li key={`${key}|${c.id}`} className="radar-row">
                        <span className="radar-row-label" aria-hidden="true">
                          {names.municipality(c.municipalityCode)}
                        </span>
                        <span className="radar-track" aria-hidden="true">
                          <span
                            className={beyond ? 'radar-bar beyond' : 'radar-bar'}
                            style={{
                              inlineSize: `${pct(c.endsOn)}%`,
                              background: bandFill[decisionBand(c.nextDecisionOn, radar.today)],
                            }}
                          />
                          <span
                            className={passed ? 'radar-diamond passed' : 'radar-diamond'}
                            style={{ insetInlineStart: `${pct(c.nextDecisionOn)}%` }}
                          />
                        </span>
                        <span className="sr-only">
                          {t('contractRadar.timeline.row', {
                            municipality: names.municipality(c.municipalityCode),
                            title: c.title,
                            endsOn: c.endsOn,
                            decision: `${decision}${passed ? ` ${t('contractRadar.decision.passed')}` : ''}`,
                          })}
                        </span>
                      </li>
                    );
                  })}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
