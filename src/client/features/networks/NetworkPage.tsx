import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NetworkView } from '../../../shared/contracts/networks.ts';
import { Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { SteeringReportLink } from '../steering-reports/SteeringReportLink.tsx';
import { CoverageSection } from './CoverageSection.tsx';
import { networkKey } from './data.ts';
import { MeetingsSection } from './MeetingsSection.tsx';
import { MembersSection } from './MembersSection.tsx';

/** One group: what it is for, which municipalities it lacks, its members and its meetings. */
export function NetworkPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const network = useQuery({
    queryKey: networkKey(id),
    queryFn: () => api.get(`/networks/${id}`, NetworkView),
  });
  if (network.isPending) return <Loading />;
  if (network.isError) return <QueryFailure error={network.error} onRetry={() => void network.refetch()} />;
  const n = network.data;
  return (
    <Page title={n.name}>
      <p>
        <Link className="ds-link" to="/natverk">
          {t('networks.detail.back')}
        </Link>
      </p>
      <Section title={t('networks.detail.facts')} id="facts">
        <dl className="facts">
          <dt>{t('networks.detail.kind')}</dt>
          <dd>{t(`networks.kinds.${n.kind}`)}</dd>
          <dt>{t('networks.detail.level')}</dt>
          <dd>{t(`networks.levels.${n.level}`)}</dd>
          <dt>{t('networks.detail.owner')}</dt>
          <dd>{n.owner.name}</dd>
          <dt>{t('networks.detail.purpose')}</dt>
          <dd className="network-text">{n.purpose ?? t('networks.detail.noPurpose')}</dd>
        </dl>
        {n.canManage ? (
          <p>
            <Link className="ds-link" to={`/natverk/${n.id}/andra`}>
              {t('networks.edit.link')}
            </Link>
          </p>
        ) : null}
        <SteeringReportLink network={n} />
      </Section>
      <CoverageSection network={n} />
      <MembersSection network={n} />
      <MeetingsSection network={n} />
    </Page>
  );
}
