import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { AdoptionMatrix, adoptionStatuses } from '../../../shared/contracts/mapping.ts';
import { Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, qs } from '../../lib/api.ts';
import { MappingViewNav } from './MappingViewNav.tsx';
import { scopeFromSearch } from './mapping-scope.ts';

/**
 * Municipality × technology for a region (?lan=county code), an association (?forbund=id) or the country: each cell says the status
 * in words (colour only repeats it) and the use rate where it is known.
 */
export function AdoptionMatrixPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params] = useSearchParams();
  const scope = scopeFromSearch(params);
  const matrix = useQuery({
    queryKey: ['adoption-matrix', scope, lang],
    queryFn: () => api.get(`/adoption${qs({ ...scope, lang })}`, AdoptionMatrix),
  });
  if (matrix.isPending) return <Loading />;
  if (matrix.isError) return <QueryFailure error={matrix.error} onRetry={() => void matrix.refetch()} />;
  const m = matrix.data;
  const caption = t('mapping.matrix.caption', { name: m.scope.name });
  return (
    <Page title={t('mapping.matrix.title', { name: m.scope.name })} lead={t('mapping.matrix.lead')}>
      <MappingViewNav scope={scope} />
      <ul className="status-legend" aria-label={t('mapping.matrix.legend')}>
        {adoptionStatuses.map((s) => (
          <li key={s} className="adoption-cell" data-status={s}>
            {t(`mapping.status.${s}`)}
          </li>
        ))}
      </ul>
      <TableWrap label={caption}>
        <table className="ds-table adoption-matrix" data-border="true">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mapping.matrix.municipality')}</th>
              <th scope="col" className="num">
                {t('mapping.matrix.inOperation')}
              </th>
              {m.technologies.map((tech) => (
                <th scope="col" key={tech.key}>
                  {tech.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.municipalities.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  <Link className="ds-link" to={`/kommuner/${row.code}/valfardsteknik`}>
                    {row.name}
                  </Link>
                </th>
                <td className="num">{row.inOperation}</td>
                {row.cells.map((c, i) => (
                  <td key={m.technologies[i]!.key} className="adoption-cell" data-status={c.status ?? 'none'}>
                    {c.status ? t(`mapping.status.${c.status}`) : t('mapping.matrix.noData')}
                    {c.useRate !== null ? (
                      <span className="use-rate"> ({Math.round(c.useRate * 100)} %)</span>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Page>
  );
}
