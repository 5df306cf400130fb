import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OutboxPage as OutboxPageSchema } from '../../../shared/contracts/audit.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { TextField } from '../../components/Form.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { Page } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/i18n.ts';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';

/** Turns URLs in a plain-text e-mail into links, so that reset and invitation links can be followed. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((p, i) =>
        /^https?:\/\//.test(p) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
          <a key={i} className="ds-link break" href={p}>
            {p}
          </a>
        ) : (
          p
        ),
      )}
    </>
  );
}

export function OutboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const to = params.get('till') ?? '';
  const [draft, setDraft] = useState(to);
  const admin = me.data ? isNationalAdmin(me.data) : false;
  const outbox = useInfiniteQuery({
    queryKey: ['outbox', to],
    queryFn: ({ pageParam }) =>
      api.get(`/outbox${qs({ limit: 20, cursor: pageParam, to: to || undefined })}`, OutboxPageSchema),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: admin,
  });

  if (!me.data) return <Loading />;
  if (!admin) return <NotFoundPage forbidden />;
  const items = outbox.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page title={t('outbox.title')} lead={t('outbox.intro')}>
      <form
        className="filters"
        aria-labelledby="outbox-filter-heading"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(draft.trim() ? { till: draft.trim() } : {}, { replace: true });
        }}
      >
        <h2 className="ds-heading sr-only" data-size="xs" id="outbox-filter-heading">
          {t('outbox.filter')}
        </h2>
        <TextField
          id="outbox-to"
          label={t('outbox.to')}
          type="search"
          value={draft}
          onValueChange={setDraft}
        />
        <button type="submit" className="ds-button" data-variant="primary">
          {t('outbox.apply')}
        </button>
      </form>
      {outbox.isPending ? <Loading /> : null}
      {outbox.isError ? <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} /> : null}
      {outbox.data && items.length === 0 ? <p className="ds-paragraph">{t('outbox.none')}</p> : null}
      <ol className="mail-list">
        {items.map((m) => (
          <li key={m.id} className="ds-card card mail">
            <article aria-labelledby={`mail-${m.id}`}>
              <h2 className="ds-heading" data-size="xs" id={`mail-${m.id}`}>
                {m.subject}
              </h2>
              <p className="ds-paragraph muted">
                {t('outbox.toLine', { to: m.to })} ·{' '}
                {m.replyTo ? <>{t('outbox.replyToLine', { to: m.replyTo })} · </> : null}
                {t('outbox.sentAt', { date: formatDateTime(m.createdAt) })}
              </p>
              {m.delivery === 'sent' && m.sentAt ? (
                <p className="ds-paragraph muted">
                  {t('outbox.delivery.sent', { date: formatDateTime(m.sentAt) })}
                </p>
              ) : null}
              {m.delivery === 'retrying' || m.delivery === 'failed' ? (
                <p className="ds-paragraph" data-color={m.delivery === 'failed' ? 'danger' : 'warning'}>
                  {t(`outbox.delivery.${m.delivery}`, { error: m.error ?? '' })}
                </p>
              ) : null}
              <pre className="mail-text">
                <Linkified text={m.text} />
              </pre>
            </article>
          </li>
        ))}
      </ol>
      <LoadMoreButton pages={outbox} />
    </Page>
  );
}
