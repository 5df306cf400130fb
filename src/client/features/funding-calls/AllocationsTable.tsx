import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AllocationOverview } from '../../../shared/contracts/funding-calls.ts';
import { QueryTable } from '../../components/QueryTable.tsx';
import { formatNumber, formatSek } from '../../lib/format.ts';

/**
 * The overview: per municipality its key value, allocated, requisitioned, used (its initiatives'
 * linked funding), reported and — in words — why it is at risk; totals in the footer.
 */
export function AllocationsTable({ query }: { query: UseQueryResult<AllocationOverview> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sek = (n: number) => formatSek(n, lang);
  const o = query.data;
  const rows = o?.rows ?? [];
  return (
    <>
      {o ? <p className="ds-paragraph">{t(`fundingCalls.overview.view.${o.view}`)}</p> : null}
      <QueryTable
        query={query}
        count={rows.length}
        empty={t('fundingCalls.overview.none')}
        caption={t('fundingCalls.overview.caption')}
      >
        <thead>
          <tr>
            <th scope="col">{t('fundingCalls.overview.municipality')}</th>
            <th scope="col" className="num">
              {t('fundingCalls.overview.keyValue')}
            </th>
            <th scope="col" className="num">
              {t('fundingCalls.overview.allocated')}
            </th>
            <th scope="col" className="num">
              {t('fundingCalls.overview.requisitioned')}
            </th>
            <th scope="col" className="num">
              {t('fundingCalls.overview.used')}
            </th>
            <th scope="col">{t('fundingCalls.overview.reported')}</th>
            <th scope="col">{t('fundingCalls.overview.atRisk')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.municipality.code}>
              <th scope="row">{r.municipality.name}</th>
              <td className="num">{r.keyValue === null ? '–' : formatNumber(r.keyValue, lang, 0)}</td>
              <td className="num nowrap">{sek(r.allocatedSek)}</td>
              <td className="num nowrap">{sek(r.requisitionedSek)}</td>
              <td className="num nowrap">{sek(r.usedSek)}</td>
              <td>{r.reportedAt ? t('fundingCalls.overview.yes') : t('fundingCalls.overview.no')}</td>
              <td>
                {r.atRisk ? (
                  <>
                    <strong>{t('fundingCalls.overview.riskYes')}</strong>
                    <ul className="funding-risk">
                      {r.riskReasons.map((reason) => (
                        <li key={reason}>
                          {t(`fundingCalls.risk.${reason}`, { amount: sek(r.repaymentRiskSek) })}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  t('fundingCalls.overview.no')
                )}
              </td>
            </tr>
          ))}
        </tbody>
        {o ? (
          <tfoot>
            <tr>
              <th scope="row">{t('fundingCalls.overview.total', { count: o.totals.municipalities })}</th>
              <td />
              <td className="num nowrap">{sek(o.totals.allocatedSek)}</td>
              <td className="num nowrap">{sek(o.totals.requisitionedSek)}</td>
              <td className="num nowrap">{sek(o.totals.usedSek)}</td>
              <td>{t('fundingCalls.overview.reportedCount', { count: o.totals.reported })}</td>
              <td>{t('fundingCalls.overview.atRiskCount', { count: o.totals.atRisk })}</td>
            </tr>
          </tfoot>
        ) : null}
      </QueryTable>
    </>
  );
}
