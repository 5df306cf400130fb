import { useTranslation } from 'react-i18next';
import type { Radar } from '../../../shared/contracts/contract-radar.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useRadarNames } from './radar-names.ts';

/** Enough rows for a region; the country's thousands are in the file. */
const TABLE_MAX = 300;

/** Every contract in view as a table: the timeline's and the map's facts for keyboards and screen readers. */
export function RadarTable({ radar }: { radar: Radar }) {
  const { t } = useTranslation();
  const names = useRadarNames(radar);
  const shown = radar.contracts.slice(0, TABLE_MAX);
  const caption = t('contractRadar.table.caption');
  return (
    <section className="section" aria-labelledby="radar-table">
      <h2 className="ds-heading" data-size="sm" id="radar-table" tabIndex={-1}>
        {t('contractRadar.table.title')}
      </h2>
      {shown.length === 0 ? (
        <p className="ds-paragraph">{t('contractRadar.table.none')}</p>
      ) : (
        <>
          <p className="ds-paragraph" data-size="sm">
            {t('contractRadar.table.valueNote')}
            {radar.contractsTotal > shown.length
              ? ` ${t('contractRadar.table.capped', { shown: shown.length, count: radar.contractsTotal })}`
              : null}
          </p>
          <TableWrap label={caption}>
            <table className="ds-table" data-border="true">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('contractRadar.table.municipality')}</th>
                  <th scope="col">{t('contractRadar.table.contract')}</th>
                  <th scope="col">{t('contractRadar.table.technology')}</th>
                  <th scope="col">{t('contractRadar.table.supplier')}</th>
                  <th scope="col">{t('contractRadar.table.endsOn')}</th>
                  <th scope="col">{t('contractRadar.table.nextDecision')}</th>
                  <th scope="col">{t('contractRadar.table.decisionKind')}</th>
                  <th scope="col" className="num">
                    {t('contractRadar.table.remaining')}
                  </th>
                  <th scope="col" className="num">
                    {t('contractRadar.table.value')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{names.municipality(c.municipalityCode)}</th>
                    <td>{c.title}</td>
                    <td>{c.technologyKeys.map(names.technology).join(', ')}</td>
                    <td>{c.supplier.name}</td>
                    <td className="nowrap">{c.endsOn}</td>
                    <td className="nowrap">
                      {c.nextDecisionOn}
                      {c.nextDecisionOn < radar.today ? ` ${t('contractRadar.decision.passed')}` : null}
                    </td>
                    <td>{t(`contractRadar.decision.${c.decisionKind}Short`)}</td>
                    <td className="num">{c.extensionsRemaining}</td>
                    <td className="num nowrap">
                      {c.annualValueSek === null ? (
                        <>
                          <span aria-hidden="true">–</span>
                          <span className="sr-only">{t('contractRadar.table.valueHidden')}</span>
                        </>
                      ) : (
                        names.money(c.annualValueSek)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}
