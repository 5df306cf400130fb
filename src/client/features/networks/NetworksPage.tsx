import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { roleAllows } from '../../../shared/access/index.ts';
import { NetworkKind, NetworkList, networkKinds } from '../../../shared/contracts/networks.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, qs } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { networksKey } from './data.ts';

/** The networks and groups the person may read, with how many municipalities each group lacks. */
export function NetworksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const parsed = NetworkKind.safeParse(params.get('typ'));
  const kind = parsed.success ? parsed.data : undefined;
  const list = useQuery({
    queryKey: [...networksKey, kind ?? 'all'],
    queryFn: () => api.get(`/networks${qs({ kind })}`, NetworkList),
  });
  const canCreate = (me.data?.memberships ?? []).some(
    (m) => m.organisationKind !== 'unit' && roleAllows(m.role, 'network.manage'),
  );
  const caption = t('networks.list.caption');
  return (
    <Page title={t('networks.list.title')} lead={t('networks.list.lead')}>
      {canCreate ? (
        <p>
          <Link className="ds-button" data-variant="primary" to="/natverk/nytt">
            {t('networks.list.create')}
          </Link>
        </p>
      ) : null}
      <div className="filters">
        <SelectField
          id="network-kind"
          label={t('networks.list.filterKind')}
          value={kind ?? ''}
          onValueChange={(v) => setParams(v ? { typ: v } : {}, { replace: true })}
          options={[
            { value: '', label: t('networks.list.allKinds') },
            ...networkKinds.map((k) => ({ value: k, label: t(`networks.kinds.${k}`) })),
          ]}
        />
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryFailure error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="ds-paragraph">{t('networks.list.empty')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="ds-table" data-border="true">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('networks.list.name')}</th>
                <th scope="col">{t('networks.list.kind')}</th>
                <th scope="col">{t('networks.list.owner')}</th>
                <th scope="col" className="num">
                  {t('networks.list.members')}
                </th>
                <th scope="col" className="num">
                  {t('networks.list.coverage')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    <Link className="ds-link" to={`/natverk/${n.id}`}>
                      {n.name}
                    </Link>
                  </th>
                  <td>{t(`networks.kinds.${n.kind}`)}</td>
                  <td>{n.owner.name}</td>
                  <td className="num">{n.activeMembers}</td>
                  <td className="num">{n.uncovered ?? t('networks.list.notApplicable')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Page>
  );
}
