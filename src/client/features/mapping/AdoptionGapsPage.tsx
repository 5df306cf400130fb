import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { AdoptionGaps } from '../../../shared/contracts/mapping.ts';
import { Loading, Tag } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, qs } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { MappingViewNav } from './MappingViewNav.tsx';
import { scopeFromSearch } from './mapping-scope.ts';

/**
 * What is missing in each municipality of the area: a local strategy, a representative in a reference
 * group, recent adoption data. Municipalities with gaps come first, so the list is a to-do list.
 */
export function AdoptionGapsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const scope = scopeFromSearch(params);
  const gaps = useQuery({
    queryKey: ['adoption-gaps', scope],
    queryFn: () => api.get(`/adoption/gaps${qs({ ...scope })}`, AdoptionGaps),
  });
  if (gaps.isPending) return <Loading />;
  if (gaps.isError) return <QueryFailure error={gaps.error} onRetry={() => void gaps.refetch()} />;
  const g = gaps.data;
  const rows = [...g.municipalities].sort((a, b) => b.gaps.length - a.gaps.length);
  const lacking = rows.filter((r) => r.gaps.length > 0).length;
  const caption = t('mapping.gaps.caption', { name: g.scope.name });
  return (
    <Page
      title={t('mapping.gaps.title', { name: g.scope.name })}
      lead={t('mapping.gaps.lead', { months: g.staleAfterMonths })}
    >
      <MappingViewNav scope={scope} />
      <p className="ds-paragraph">{t('mapping.gaps.summary', { count: lacking, total: rows.length })}</p>
      <TableWrap label={caption}>
        <table className="ds-table" data-border="true">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mapping.gaps.municipality')}</th>
              <th scope="col">{t('mapping.gaps.missing')}</th>
              <th scope="col" className="num">
                {t('mapping.gaps.strategies')}
              </th>
              <th scope="col" className="num">
                {t('mapping.gaps.representatives')}
              </th>
              <th scope="col">{t('mapping.gaps.lastUpdated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">
                  <Link className="ds-link" to={`/kommuner/${r.code}/valfardsteknik`}>
                    {r.name}
                  </Link>
                </th>
                <td>
                  {r.gaps.length === 0 ? (
                    t('mapping.gaps.none')
                  ) : (
                    <ul className="gap-tags">
                      {r.gaps.map((k) => (
                        <li key={k}>
                          <Tag color="warning">{t(`mapping.gaps.kind.${k}`)}</Tag>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="num">{r.strategies}</td>
                <td className="num">{r.representatives}</td>
                <td>{r.lastUpdated ? formatDate(r.lastUpdated) : t('mapping.gaps.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Page>
  );
}
