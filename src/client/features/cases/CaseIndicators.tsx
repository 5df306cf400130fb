import { useTranslation } from 'react-i18next';
import type { CaseIndicatorResult } from '../../../shared/contracts/cases.ts';
import { Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatNumber, formatShortDate } from '../../lib/format.ts';

/** The benefit indicators the case links: baseline, target and the latest measurement. */
export function CaseIndicators({ indicators }: { indicators: CaseIndicatorResult[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const value = (v: number | null, unit: string, on: string | null) =>
    v === null || !on
      ? t('cases.detail.none')
      : t('cases.detail.valueOn', { value: formatNumber(v, lang), unit, date: formatShortDate(on, lang) });
  const caption = t('cases.detail.indicatorCaption');
  return (
    <Section id="case-indicators" title={t('cases.detail.indicators')}>
      <TableWrap label={caption}>
        <table className="ds-table" data-border="true">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.detail.indicator')}</th>
              <th scope="col">{t('cases.detail.baseline')}</th>
              <th scope="col">{t('cases.detail.target')}</th>
              <th scope="col">{t('cases.detail.latest')}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.name}</th>
                <td>{value(i.baselineValue, i.unit, i.baselineOn)}</td>
                <td>{value(i.targetValue, i.unit, i.targetOn)}</td>
                <td>{value(i.latest?.value ?? null, i.unit, i.latest?.measuredOn ?? null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Section>
  );
}
