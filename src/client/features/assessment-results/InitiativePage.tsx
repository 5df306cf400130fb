import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { InitiativeView } from '../../../shared/contracts/initiatives.ts';
import { Loading, Tag } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';

/** An initiative draft with the assessment gaps it answers, each linked back to its results. */
export function InitiativePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: ['initiative', id],
    queryFn: () => api.get(`/initiatives/${id}`, InitiativeView),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryFailure error={query.error} onRetry={() => void query.refetch()} />;
  const i = query.data;
  return (
    <Page
      title={i.title}
      lead={t('initiatives.view.lead', { owner: i.owner.name, date: formatDate(i.createdAt) })}
    >
      <p className="ds-paragraph">
        <Tag color="info">{t(`initiatives.status.${i.status}`, { defaultValue: i.status })}</Tag>
      </p>
      {i.purpose ? (
        <Section title={t('initiatives.view.purpose')}>
          <p className="ds-paragraph">{i.purpose}</p>
        </Section>
      ) : null}
      <Section title={t('initiatives.view.sources')}>
        <ul className="ds-list">
          {i.links.map((l) => (
            <li key={`${l.roundId}-${l.municipalityCode}-${l.areaKey}-${l.questionKey}`}>
              <Link
                className="ds-link"
                to={
                  l.municipalityCode
                    ? `/bedomningar/${l.roundId}/kommuner/${l.municipalityCode}/resultat`
                    : `/bedomningar/${l.roundId}/resultat`
                }
              >
                {[
                  l.roundName,
                  l.municipalityName,
                  l.areaKey ? t(`assessmentResults.areas.${l.areaKey}`) : null,
                  l.questionKey,
                ]
                  .filter(Boolean)
                  .join(' – ')}
              </Link>
            </li>
          ))}
        </ul>
      </Section>
    </Page>
  );
}
