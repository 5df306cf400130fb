import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DocumentList } from '../../../shared/contracts/documents.ts';
import {
  CreateInitiativeLink,
  InitiativeLink,
  type InitiativeView,
} from '../../../shared/contracts/initiatives.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { ContractSelectField, ContractTextField, useContractForm } from '../../components/form/index.ts';
import { Section } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { useFocusFirstField, useInvalidateInitiative } from './page-data.ts';
import { RowActions, SaveOrCancel, useRemove } from './RowActions.tsx';
import { SavedStatus } from './SavedStatus.tsx';
import { useReportUnsaved } from './unsaved-forms.tsx';

function LinkForm({
  initiativeId,
  ownerId,
  onDone,
  onCancel,
}: {
  initiativeId: string;
  ownerId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateInitiative(initiativeId);
  const [kind, setKind] = useState<'url' | 'document'>('url');
  const documents = useQuery({
    queryKey: ['documents', 'owned-by', ownerId],
    queryFn: () => api.get(`/documents${qs({ owner: ownerId, limit: 200 })}`, DocumentList),
    enabled: kind === 'document',
  });
  const label = (f: string) => t(`initiativePage.links.${f}`);
  const cf = useContractForm(CreateInitiativeLink, {
    id: 'link',
    defaultValues: { title: '', url: undefined, documentId: undefined },
    labels: { title: label('title'), url: label('url'), documentId: label('pickDocument') },
    onSubmit: async (body) => {
      const l = await api.post(`/initiatives/${initiativeId}/links`, InitiativeLink, body);
      await invalidate();
      onDone(t('initiativePage.links.added', { title: l.title }));
    },
  });
  useReportUnsaved(cf.form.formState.isDirty);
  useFocusFirstField(cf.fieldId('title'));
  const items = documents.data?.items;
  const documentId = cf.form.watch('documentId');
  // A governing document is picked from the owner's list (the first until another is chosen); its
  // title becomes the link's unless the person has written one of their own.
  const filledTitle = useRef('');
  useEffect(() => {
    if (kind !== 'document' || !items?.length) return;
    if (!documentId) cf.form.setValue('documentId', items[0]!.id);
    const doc = items.find((d) => d.id === documentId);
    const title = cf.form.getValues('title').trim();
    if (doc && (title === '' || title === filledTitle.current)) {
      filledTitle.current = doc.title;
      cf.form.setValue('title', doc.title, { shouldDirty: true });
    }
  }, [kind, items, documentId, cf.form]);
  const choose = (k: 'url' | 'document') => {
    setKind(k);
    // The link is one or the other: what was given for the other kind is not sent.
    if (k === 'url') cf.form.setValue('documentId', undefined);
    else cf.form.setValue('url', undefined);
  };
  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate aria-labelledby="link-form-heading">
      <h3 className="ds-heading" data-size="xs" id="link-form-heading">
        {t('initiativePage.links.add')}
      </h3>
      {cf.summary}
      <ContractTextField cf={cf} name="title" required maxLength={200} />
      <fieldset className="ds-fieldset fieldset">
        <legend className="ds-label" data-weight="medium">
          {t('initiativePage.links.kind')}
        </legend>
        {(['url', 'document'] as const).map((k) => (
          <div className="ds-field" key={k}>
            <input
              className="ds-input"
              type="radio"
              name="link-kind"
              id={`link-kind-${k}`}
              checked={kind === k}
              onChange={() => choose(k)}
            />
            <label className="ds-label" data-weight="regular" htmlFor={`link-kind-${k}`}>
              {t(k === 'url' ? 'initiativePage.links.kindUrl' : 'initiativePage.links.kindDocument')}
            </label>
          </div>
        ))}
      </fieldset>
      {kind === 'url' ? (
        <ContractTextField
          cf={cf}
          name="url"
          type="url"
          required
          hint={t('initiativePage.links.urlHint')}
          maxLength={2000}
          emptyAsUndefined
        />
      ) : documents.isPending ? (
        <Loading />
      ) : documents.isError ? (
        <ErrorAlert error={documents.error} />
      ) : !items?.length ? (
        <p className="ds-paragraph">{t('initiativePage.links.noDocuments')}</p>
      ) : (
        <ContractSelectField
          cf={cf}
          name="documentId"
          required
          hint={t('initiativePage.links.pickDocumentHint')}
          options={items.map((d) => ({ value: d.id, label: d.title }))}
        />
      )}
      <SaveOrCancel busy={cf.busy} label={t('initiativePage.links.submitAdd')} onCancel={onCancel} />
    </form>
  );
}

/** Governing documents on the platform and web links: the owner adds and removes them. */
export function LinksSection({ initiative: i }: { initiative: InitiativeView }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [adding, setAdding] = useState(false);
  const remove = useRemove(i.id, setMessage);
  return (
    <Section title={t('initiativePage.links.heading')} id="links">
      {i.documents.length === 0 ? (
        <p className="ds-paragraph">{t('initiativePage.links.empty')}</p>
      ) : (
        <ul className="initiative-doc-links">
          {i.documents.map((l) => (
            <li key={l.id}>
              {l.document ? (
                <Link className="ds-link" to={`/styrdokument/${l.document.id}`}>
                  {l.title}
                </Link>
              ) : l.url ? (
                <a className="ds-link" href={l.url} rel="noopener noreferrer">
                  {l.title}
                </a>
              ) : (
                l.title
              )}
              {l.document ? (
                <span className="muted"> ({t('initiativePage.links.document')})</span>
              ) : l.url ? (
                <span className="muted link-host"> ({safeHost(l.url)})</span>
              ) : null}
              {i.canEdit ? (
                <RowActions
                  name={l.title}
                  removing={remove.isPending}
                  onRemove={() =>
                    remove.mutate({
                      path: `/initiatives/${i.id}/links/${l.id}`,
                      message: t('initiativePage.links.removed', { title: l.title }),
                    })
                  }
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      <SavedStatus message={message} />
      {i.canEdit ? (
        adding ? (
          <LinkForm
            initiativeId={i.id}
            ownerId={i.owner.id}
            onDone={(m) => {
              setAdding(false);
              setMessage(m);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={() => {
              setMessage('');
              setAdding(true);
            }}
          >
            {t('initiativePage.links.add')}
          </button>
        )
      ) : null}
    </Section>
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
