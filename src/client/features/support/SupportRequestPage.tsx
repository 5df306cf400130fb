import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, Tag } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { formatDate } from '../../lib/i18n.ts';
import { SupportAttachments } from './SupportAttachments.tsx';
import { SupportManageForm } from './SupportManageForm.tsx';
import { SupportMessageForm, SupportThread } from './SupportThread.tsx';
import { useRequest } from './support-queries.ts';

/** `/stod/forfragningar/:id`: one request, its history, the answer form and (for the provider) handling. */
export function SupportRequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useRequest(id);
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryFailure error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  return (
    <Page title={r.subject}>
      <p>
        <Tag color={r.status === 'closed' ? 'neutral' : 'accent'}>{t(`support.status.${r.status}`)}</Tag>
      </p>
      <dl className="support-facts">
        <dt>{t('support.request.municipality')}</dt>
        <dd>{r.municipality.name}</dd>
        <dt>{t('support.request.provider')}</dt>
        <dd>{r.provider.name}</dd>
        <dt>{t('support.request.need')}</dt>
        <dd>{t(`initiatives.supportNeed.${r.need}`)}</dd>
        <dt>{t('support.request.offer')}</dt>
        <dd>
          {r.offer
            ? `${r.offer.title} (${t('support.offers.target', { count: r.offer.responseDays })})`
            : t('support.request.noOffer')}
        </dd>
        <dt>{t('support.request.urgency')}</dt>
        <dd>{t(`support.urgency.${r.urgency}`)}</dd>
        <dt>{t('support.request.technologies')}</dt>
        <dd>{r.technologies.length ? r.technologies.map((x) => x.name).join(', ') : '–'}</dd>
        <dt>{t('support.manage.assignee')}</dt>
        <dd>{r.assignee?.name ?? t('support.manage.nobody')}</dd>
        <dt>{t('support.request.created')}</dt>
        <dd>{formatDate(r.createdAt)}</dd>
      </dl>
      <Section title={t('support.request.body')} id="support-body">
        <p className="ds-paragraph support-message">{r.body}</p>
      </Section>
      <Section title={t('support.thread.title')} id="support-thread">
        <SupportThread r={r} />
        {r.canWrite ? (
          <SupportMessageForm r={r} />
        ) : (
          <p className="ds-paragraph">{t('support.thread.closed')}</p>
        )}
      </Section>
      <Section title={t('support.attachments.title')} id="support-attachments">
        <SupportAttachments r={r} />
      </Section>
      {r.canManage ? (
        <Section title={t('support.manage.title')} id="support-manage">
          <SupportManageForm r={r} />
        </Section>
      ) : null}
      <p>
        <Link className="ds-link" to="/stod">
          {t('support.back')}
        </Link>
      </p>
    </Page>
  );
}
