import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../lib/session.ts';
import { mayReportFor } from './data.ts';

/** On a steering group's page: to its reports, for those who may write them. */
export function SteeringReportLink({
  network,
}: {
  network: { id: string; kind: string; owner: { id: string } };
}) {
  const { t } = useTranslation();
  const me = useMe();
  if (network.kind !== 'steering_group' || !me.data || !mayReportFor(me.data, network.owner.id)) return null;
  const query = new URLSearchParams({ organisation: network.owner.id, natverk: network.id });
  return (
    <p>
      <Link className="ds-link" to={`/rapporter/styrgrupp?${query}`}>
        {t('steeringReports.nav')}
      </Link>
    </p>
  );
}
