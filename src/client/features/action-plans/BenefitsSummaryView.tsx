import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BenefitsSummary } from '../../../shared/contracts/action-plans.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatNumber, formatSek } from '../../lib/format.ts';
import { formatDate } from '../../lib/i18n.ts';

/** Benefit indicators of a scope: counts per type, the summed avoided costs and time saved, and the list. */
export function BenefitsSummaryView({
  summary,
  headingLevel = 3,
}: {
  summary: BenefitsSummary;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const num = (n: number) => formatNumber(n, lang);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const typeCaption = t('actionPlans.benefits.byTypeCaption', { name: summary.scope.name });
  const listCaption = t('actionPlans.benefits.listCaption', { name: summary.scope.name });
  return (
    <div className="benefits">
      <H className="ds-heading" data-size="xs">
        {t('actionPlans.benefits.title')}
      </H>
      <dl className="key-figures">
        <div>
          <dt>{t('actionPlans.benefits.avoidedCost')}</dt>
          <dd>
            {t('actionPlans.benefits.perYear', { value: formatSek(summary.avoidedCostSekPerYear, lang) })}
          </dd>
        </div>
        <div>
          <dt>{t('actionPlans.benefits.timeSaved')}</dt>
          <dd>{t('actionPlans.benefits.hoursPerYear', { value: num(summary.timeSavedHoursPerYear) })}</dd>
        </div>
      </dl>
      {summary.indicators.length === 0 ? (
        <p className="ds-paragraph">{t('actionPlans.benefits.none')}</p>
      ) : (
        <>
          <TableWrap label={typeCaption}>
            <table className="ds-table" data-border="true">
              <caption>{typeCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('actionPlans.benefits.type')}</th>
                  <th scope="col" className="num">
                    {t('actionPlans.benefits.indicators')}
                  </th>
                  <th scope="col" className="num">
                    {t('actionPlans.benefits.withMeasurement')}
                  </th>
                  <th scope="col" className="num">
                    {t('actionPlans.benefits.onTarget')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.byType.map((r) => (
                  <tr key={r.type}>
                    <th scope="row">{t(`initiatives.indicatorType.${r.type}`)}</th>
                    <td className="num">{r.indicators}</td>
                    <td className="num">{r.withMeasurement}</td>
                    <td className="num">{r.onTarget}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <TableWrap label={listCaption}>
            <table className="ds-table" data-border="true">
              <caption>{listCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('actionPlans.benefits.indicator')}</th>
                  <th scope="col">{t('actionPlans.benefits.initiative')}</th>
                  <th scope="col">{t('actionPlans.benefits.type')}</th>
                  <th scope="col" className="num">
                    {t('actionPlans.benefits.baseline')}
                  </th>
                  <th scope="col" className="num">
                    {t('actionPlans.benefits.latest')}
                  </th>
                  <th scope="col" className="num">
                    {t('actionPlans.benefits.target')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.indicators.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.name}</th>
                    <td>
                      <Link className="ds-link" to={`/insatser/${i.initiativeId}`}>
                        {i.initiativeTitle}
                      </Link>
                    </td>
                    <td>{t(`initiatives.indicatorType.${i.type}`)}</td>
                    <td className="num">
                      {num(i.baselineValue)} {i.unit}
                    </td>
                    <td className="num">
                      {i.latestValue === null ? (
                        t('actionPlans.benefits.notMeasured')
                      ) : (
                        <>
                          {num(i.latestValue)} {i.unit}
                          {i.latestOn ? <span className="cell-note">{formatDate(i.latestOn)}</span> : null}
                        </>
                      )}
                    </td>
                    <td className="num">
                      {i.targetValue === null ? '–' : `${num(i.targetValue)} ${i.unit}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </div>
  );
}
