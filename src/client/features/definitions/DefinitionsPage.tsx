import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Definition } from '../../../shared/contracts/definitions.ts';
import { LiveStatus, Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { anchorOf, definitionsKey, fetchDefinitions, historyPath } from './data.ts';
import { NewDefinitionForm } from './NewDefinitionForm.tsx';

/** One term in the UI language, the other language a click away, with its version and agreement. */
function DefinitionItem({ d, anchor }: { d: Definition; anchor: string | undefined }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const term = en ? d.current.termEn : d.current.termSv;
  const headingId = `term-${d.id}`;
  return (
    <article className="definition" id={anchor} tabIndex={-1} aria-labelledby={headingId}>
      <h3 className="ds-heading" data-size="xs" id={headingId}>
        {term}
      </h3>
      <p className="ds-paragraph">{en ? d.current.bodyEn : d.current.bodySv}</p>
      <details>
        <summary>{t('definitions.otherLanguage')}</summary>
        <p className="ds-paragraph" lang={en ? 'sv' : 'en'}>
          <strong>{en ? d.current.termSv : d.current.termEn}</strong> –{' '}
          {en ? d.current.bodySv : d.current.bodyEn}
        </p>
      </details>
      <p className="ds-paragraph muted" data-size="sm">
        {t('definitions.version', { version: d.current.version })}
        {d.current.agreedNote ? ` · ${t('definitions.agreed', { note: d.current.agreedNote })}` : null}
        {' · '}
        <Link className="ds-link" to={historyPath(d.key, d.owner.id)}>
          {t('definitions.historyLink')}
          <span className="sr-only"> {t('definitions.historyLinkFor', { term })}</span>
        </Link>
      </p>
    </article>
  );
}

/** /begrepp: every owner's agreed terms (the nation's first), each with an anchor `#<key>`. */
export function DefinitionsPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const [message, setMessage] = useState<string | null>(null);
  const list = useQuery({ queryKey: definitionsKey, queryFn: fetchDefinitions });

  // The router does not scroll to an anchor on a page whose content loads later: do it once it is there.
  useEffect(() => {
    if (!list.data || !hash) return;
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    el?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
  }, [list.data, hash]);

  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryFailure error={list.error} onRetry={() => void list.refetch()} />;
  // The first owner to use a key gets the plain `#key` anchor that `<DefinitionLink>` points to.
  const seen = new Set<string>();
  const anchor = (key: string) => {
    if (seen.has(key)) return undefined;
    seen.add(key);
    return anchorOf(key);
  };
  return (
    <Page title={t('definitions.title')} lead={t('definitions.lead')}>
      <LiveStatus message={message} />
      {list.data.groups.length === 0 ? <p className="ds-paragraph">{t('definitions.empty')}</p> : null}
      {list.data.groups.map((g) => (
        <Section key={g.owner.id} title={g.owner.name} id={`owner-${g.owner.id}`}>
          {g.items.map((d) => (
            <DefinitionItem key={d.id} d={d} anchor={anchor(d.key)} />
          ))}
        </Section>
      ))}
      {list.data.manageableOwners.length > 0 ? (
        <NewDefinitionForm owners={list.data.manageableOwners} onDone={setMessage} />
      ) : null}
    </Page>
  );
}
