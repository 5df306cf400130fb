import { useTranslation } from 'react-i18next';
import type { NetworkView } from '../../../shared/contracts/networks.ts';
import { Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';

/**
 * Which municipalities of the group's area have no representative: a plain table first (what the
 * coordinator acts on), then every municipality with its count behind a disclosure.
 */
export function CoverageSection({ network }: { network: NetworkView }) {
  const { t } = useTranslation();
  const c = network.coverage;
  if (!c) return null;
  const uncovered = c.municipalities.filter((m) => m.status === 'uncovered');
  const range =
    c.max !== null
      ? t('networks.coverage.rangeMinMax', { min: c.min, max: c.max })
      : t('networks.coverage.rangeMin', { min: c.min });
  const uncoveredCaption = t('networks.coverage.uncoveredCaption', { name: network.name });
  const allCaption = t('networks.coverage.allCaption');
  return (
    <Section title={t('networks.coverage.title')} id="coverage">
      <p className="ds-paragraph">{t('networks.coverage.rule', { area: c.organisation.name, range })}</p>
      <p className="ds-paragraph coverage-summary">
        {uncovered.length === 0
          ? t('networks.coverage.allCovered')
          : t('networks.coverage.summary', { uncovered: uncovered.length, total: c.municipalities.length })}
      </p>
      {uncovered.length > 0 ? (
        <TableWrap label={uncoveredCaption}>
          <table className="ds-table" data-border="true">
            <caption className="sr-only">{uncoveredCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('networks.coverage.municipality')}</th>
                <th scope="col">{t('networks.coverage.code')}</th>
              </tr>
            </thead>
            <tbody>
              {uncovered.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td>{m.code}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <details className="network-details">
        <summary>{t('networks.coverage.allTitle')}</summary>
        <TableWrap label={allCaption}>
          <table className="ds-table" data-border="true">
            <caption className="sr-only">{allCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('networks.coverage.municipality')}</th>
                <th scope="col" className="num">
                  {t('networks.coverage.representatives')}
                </th>
                <th scope="col">{t('networks.coverage.status')}</th>
              </tr>
            </thead>
            <tbody>
              {c.municipalities.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td className="num">{m.representatives}</td>
                  <td className="coverage-status" data-status={m.status}>
                    {t(`networks.coverage.${m.status}`, { min: c.min, max: c.max })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </Section>
  );
}
