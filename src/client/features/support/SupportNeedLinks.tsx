import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SupportNeedLinks as Links } from '../../../shared/contracts/support.ts';
import { Section } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';

/**
 * For the maturity results: the municipality's support needs in its ranked order, each with the offers
 * that meet it and the municipality's requests. Shows nothing to those who may not see them.
 */
export function SupportNeedLinks({ municipality, round }: { municipality: string; round: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['support', 'needs', municipality, round],
    queryFn: () => api.get(`/support-needs${qs({ municipality, round })}`, Links),
    retry: false,
  });
  if (!q.data) return null;
  return (
    <Section title={t('support.needs.title')} id="support-needs">
      <ol className="support-needs">
        {q.data.items.map((n) => (
          <li key={n.need}>
            <strong>{t(`initiatives.supportNeed.${n.need}`)}</strong>
            {n.rank === null ? ` (${t('support.needs.unranked')})` : null}
            <ul className="link-list">
              {n.offers.map((o) => (
                <li key={o.id}>
                  <Link className="ds-link" to={`/stod#erbjudande-${o.id}`}>
                    {t('support.needs.offer', { title: o.title, provider: o.provider })}
                  </Link>
                </li>
              ))}
              {n.requests.map((r) => (
                <li key={r.id}>
                  <Link className="ds-link" to={`/stod/forfragningar/${r.id}`}>
                    {t('support.needs.request', {
                      subject: r.subject,
                      status: t(`support.status.${r.status}`),
                    })}
                  </Link>
                </li>
              ))}
              {n.offers.length + n.requests.length === 0 ? <li>{t('support.needs.none')}</li> : null}
            </ul>
          </li>
        ))}
      </ol>
    </Section>
  );
}
