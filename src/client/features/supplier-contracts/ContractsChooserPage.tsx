import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contractRegistersReadAt, isNationalAdmin, scopeFor } from '../../../shared/access/index.ts';
import { MunicipalityList, Organisation } from '../../../shared/contracts/organisations.ts';
import { Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { registerPath } from './data.ts';

/**
 * `/avtal`: the municipalities whose registers the person reads — her region's, her associations' (or,
 * nationally, all) — each a link to its register. A municipality's own coordinator goes straight to hers.
 */
export function ContractsChooserPage() {
  const { t } = useTranslation();
  const me = useMe();
  const readAt = me.data ? contractRegistersReadAt(me.data) : [];
  const national = me.data ? isNationalAdmin(me.data) : false;
  const own = me.data
    ? scopeFor(me.data, 'contract.read')
        .memberships.filter((m) => m.organisationKind === 'municipality')
        .map((m) => m.organisationId)
    : [];
  const municipalities = useQuery({
    queryKey: ['municipalities'],
    queryFn: () => api.get('/municipalities', MunicipalityList),
  });
  const associations = useQuery({
    queryKey: ['contracts', 'chooser', readAt],
    queryFn: () => Promise.all(readAt.map((id) => api.get(`/organisations/${id}`, Organisation))),
    enabled: readAt.length > 0,
  });
  if (me.isPending || municipalities.isPending) return <Loading />;
  if (municipalities.isError)
    return <QueryFailure error={municipalities.error} onRetry={() => void municipalities.refetch()} />;
  const memberIds = new Set(
    (associations.data ?? []).flatMap((o) => (o.kind === 'association' ? o.related.map((r) => r.id) : [])),
  );
  const shown = municipalities.data.items.filter(
    (m) => national || own.includes(m.id) || readAt.includes(m.regionId) || memberIds.has(m.id),
  );
  return (
    <Page title={t('supplierContracts.chooser.title')} lead={t('supplierContracts.chooser.lead')}>
      {shown.length === 0 ? (
        <p className="ds-paragraph">{t('supplierContracts.chooser.none')}</p>
      ) : (
        <ul className="link-list" aria-label={t('supplierContracts.chooser.caption')}>
          {shown.map((m) => (
            <li key={m.id}>
              <Link className="ds-link" to={registerPath(m.code)}>
                {m.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
