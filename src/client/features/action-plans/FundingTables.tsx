import { useTranslation } from 'react-i18next';
import type { FundingTotals } from '../../../shared/contracts/action-plans.ts';
import { fundingSources } from '../../../shared/contracts/initiatives.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatSek } from '../../lib/format.ts';

/**
 * Funding of the initiatives in a scope: by source and year with the total, and (for a region or an
 * association) by municipality, stimulus funds granted in a column of their own so they can be coordinated.
 */
export function FundingTables({
  totals,
  headingLevel = 3,
  byMunicipality = false,
}: {
  totals: FundingTotals;
  headingLevel?: 2 | 3;
  byMunicipality?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const sek = (n: number) => formatSek(n, i18n.language);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const rows = [...totals.bySourceYear].sort(
    (a, b) => a.year - b.year || fundingSources.indexOf(a.source) - fundingSources.indexOf(b.source),
  );
  const sourceCaption = t('actionPlans.funding.bySourceCaption', { name: totals.scope.name });
  const municipalityCaption = t('actionPlans.funding.byMunicipalityCaption', { name: totals.scope.name });
  return (
    <div className="funding">
      <H className="ds-heading" data-size="xs">
        {t('actionPlans.funding.title')}
      </H>
      <p className="ds-paragraph">
        {t('actionPlans.funding.summary', {
          count: totals.initiativeCount,
          granted: sek(totals.total.grantedSek),
        })}
      </p>
      {rows.length === 0 ? (
        <p className="ds-paragraph">{t('actionPlans.funding.none')}</p>
      ) : (
        <TableWrap label={sourceCaption}>
          <table className="ds-table" data-border="true">
            <caption>{sourceCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actionPlans.funding.source')}</th>
                <th scope="col">{t('actionPlans.funding.year')}</th>
                <th scope="col" className="num">
                  {t('actionPlans.funding.applied')}
                </th>
                <th scope="col" className="num">
                  {t('actionPlans.funding.granted')}
                </th>
                <th scope="col" className="num">
                  {t('actionPlans.funding.used')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.source}-${r.year}`}>
                  <th scope="row">{t(`initiatives.fundingSource.${r.source}`)}</th>
                  <td>{r.year}</td>
                  <td className="num">{sek(r.appliedSek)}</td>
                  <td className="num">{sek(r.grantedSek)}</td>
                  <td className="num">{sek(r.usedSek)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('actionPlans.funding.total')}
                </th>
                <td className="num">{sek(totals.total.appliedSek)}</td>
                <td className="num">{sek(totals.total.grantedSek)}</td>
                <td className="num">{sek(totals.total.usedSek)}</td>
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      )}
      {byMunicipality && totals.byMunicipality.length > 0 ? (
        <TableWrap label={municipalityCaption}>
          <table className="ds-table" data-border="true">
            <caption>{municipalityCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actionPlans.funding.municipality')}</th>
                <th scope="col" className="num">
                  {t('actionPlans.funding.applied')}
                </th>
                <th scope="col" className="num">
                  {t('actionPlans.funding.granted')}
                </th>
                <th scope="col" className="num">
                  {t('actionPlans.funding.stimulusGranted')}
                </th>
                <th scope="col" className="num">
                  {t('actionPlans.funding.used')}
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.byMunicipality.map((m) => (
                <tr key={m.code}>
                  <th scope="row">{m.name}</th>
                  <td className="num">{sek(m.appliedSek)}</td>
                  <td className="num">{sek(m.grantedSek)}</td>
                  <td className="num">{sek(m.stimulusGrantedSek)}</td>
                  <td className="num">{sek(m.usedSek)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </div>
  );
}
