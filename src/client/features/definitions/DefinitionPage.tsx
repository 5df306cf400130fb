import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { DefinitionVersion } from '../../../shared/contracts/definitions.ts';
import { LiveStatus, Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { formatShortDate } from '../../lib/format.ts';
import { definitionsKey, fetchDefinition, historyPath } from './data.ts';
import { NewVersionForm } from './NewVersionForm.tsx';

function VersionItem({ v, current }: { v: DefinitionVersion; current: boolean }) {
  const { t, i18n } = useTranslation();
  const headingId = `version-${v.version}`;
  return (
    <article className="definition-version" aria-labelledby={headingId}>
      <h3 className="ds-heading" data-size="xs" id={headingId}>
        {t('definitions.version', { version: v.version })}
        {current ? ` – ${t('definitions.current')}` : null}
      </h3>
      <p className="ds-paragraph muted" data-size="sm">
        {t('definitions.savedOn', { date: formatShortDate(v.createdAt.slice(0, 10), i18n.language) })}
        {v.agreedNote ? ` · ${t('definitions.agreed', { note: v.agreedNote })}` : null}
      </p>
      <dl className="definition-languages">
        <dt lang="sv">{v.termSv}</dt>
        <dd lang="sv">{v.bodySv}</dd>
        <dt lang="en">{v.termEn}</dt>
        <dd lang="en">{v.bodyEn}</dd>
      </dl>
    </article>
  );
}

/** /begrepp/:key — a term with every version, newest first, and a new version for its owner's coordinators. */
export function DefinitionPage() {
  const { t, i18n } = useTranslation();
  const { key = '' } = useParams();
  const [search] = useSearchParams();
  const owner = search.get('owner');
  const [message, setMessage] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: [...definitionsKey, key, owner],
    queryFn: () => fetchDefinition(key, owner),
  });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <QueryFailure error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  const term = i18n.language === 'en' ? d.current.termEn : d.current.termSv;
  return (
    <Page title={term} lead={t('definitions.owner', { name: d.owner.name })}>
      <p className="ds-paragraph">
        <Link className="ds-link" to={`/begrepp#${d.key}`}>
          {t('definitions.backToList')}
        </Link>
      </p>
      <LiveStatus message={message} />
      <Section title={t('definitions.historyTitle')} id="history">
        {d.versions.map((v) => (
          <VersionItem key={v.version} v={v} current={v.version === d.current.version} />
        ))}
      </Section>
      {d.alternatives.length > 0 ? (
        <Section title={t('definitions.alternatives')} id="alternatives">
          <ul>
            {d.alternatives.map((o) => (
              <li key={o.id}>
                <Link className="ds-link" to={historyPath(d.key, o.id)}>
                  {o.name}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {d.canManage ? <NewVersionForm key={d.current.version} definition={d} onDone={setMessage} /> : null}
    </Page>
  );
}
