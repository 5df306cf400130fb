import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CaseList } from '../../../shared/contracts/cases.ts';
import { Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { CaseItem } from './CaseItem.tsx';

/** Cases sent for review that the caller may publish or return (the server decides which). */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const queue = useQuery({
    queryKey: ['cases', 'review-queue'],
    queryFn: () => api.get('/cases?status=submitted&limit=200', CaseList),
  });
  if (queue.isPending) return <Loading />;
  if (queue.isError) return <QueryFailure error={queue.error} onRetry={() => void queue.refetch()} />;
  const items = queue.data.items.filter((c) => c.canReview);
  return (
    <Page title={t('cases.review.title')} lead={t('cases.review.lead')}>
      <p>
        <Link className="ds-link" to="/kunskapsbank">
          {t('cases.detail.back')}
        </Link>
      </p>
      {items.length === 0 ? (
        <p className="ds-paragraph">{t('cases.review.empty')}</p>
      ) : (
        <ul className="case-list">
          {items.map((c) => (
            <CaseItem key={c.id} item={c} />
          ))}
        </ul>
      )}
    </Page>
  );
}
