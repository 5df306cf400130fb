import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Radar } from '../../../shared/contracts/contract-radar.ts';

/** The coordination opportunities, each with its municipalities, window and a link that starts a joint procurement. */
export function RadarOpportunities({ radar }: { radar: Radar }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="radar-opportunities">
      <h2 className="ds-heading" data-size="sm" id="radar-opportunities" tabIndex={-1}>
        {t('contractRadar.opportunities.title')}
      </h2>
      {radar.opportunities.length === 0 ? (
        <p className="ds-paragraph">{t('contractRadar.opportunities.none')}</p>
      ) : (
        <ul className="radar-opportunities">
          {radar.opportunities.map((o) => {
            const names = o.municipalities.map((m) => m.name).join(', ');
            return (
              <li key={`${o.kind}|${o.group.id}|${o.technology.key}|${o.window?.from ?? ''}`}>
                <h3 className="ds-heading" data-size="2xs">
                  {t(`contractRadar.opportunities.${o.kind}`, {
                    technology: o.technology.name,
                    months: radar.windowMonths,
                  })}
                </h3>
                <p className="ds-paragraph" data-size="sm">
                  {t('contractRadar.opportunities.group', { name: o.group.name })}.{' '}
                  {o.window
                    ? t('contractRadar.opportunities.window', { from: o.window.from, to: o.window.to })
                    : t('contractRadar.opportunities.plannedText')}
                </p>
                <p className="ds-paragraph" data-size="sm">
                  <strong>{t('contractRadar.opportunities.municipalities')}:</strong> {names}
                </p>
                <Link className="ds-button" data-variant="secondary" to={o.startProcurementUrl}>
                  {t('contractRadar.opportunities.start')}
                  <span className="sr-only">
                    {': '}
                    {t('contractRadar.opportunities.startFor', {
                      technology: o.technology.name,
                      municipalities: names,
                    })}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
