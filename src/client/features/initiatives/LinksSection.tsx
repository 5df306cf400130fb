import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DocumentList } from '../../../shared/contracts/documents.ts';
import { InitiativeLink, type InitiativeView } from '../../../shared/contracts/initiatives.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { SelectField, TextField, useFormErrors } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { useFocusFirstField, useInvalidateInitiative } from './page-data.ts';
import { RowActions, SaveOrCancel, useRemove } from './RowActions.tsx';

const FIELDS = ['title', 'url', 'documentId'];
const WEB_URL_RE = /^https?:\/\/[^\s/]+\.\S*$/;

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
  const form = useFormErrors('link');
  const [kind, setKind] = useState<'url' | 'document'>('url');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [documentId, setDocumentId] = useState('');
  const documents = useQuery({
    queryKey: ['documents', 'owned-by', ownerId],
    queryFn: () => api.get(`/documents${qs({ owner: ownerId, limit: 200 })}`, DocumentList),
    enabled: kind === 'document',
  });
  useFocusFirstField(form.fieldId('title'));
  const save = useMutation({
    mutationFn: () =>
      api.post(
        `/initiatives/${initiativeId}/links`,
        InitiativeLink,
        kind === 'url' ? { title: title.trim(), url: url.trim() } : { title: title.trim(), documentId },
      ),
    onSuccess: async (l) => {
      await invalidate();
      onDone(t('initiativePage.links.added', { title: l.title }));
    },
    onError: (err) => form.failFromApi(err, FIELDS),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (title.trim().length < 3) errors.title = t('initiativePage.titleMissing');
    if (kind === 'url' && !WEB_URL_RE.test(url.trim())) errors.url = t('initiativePage.links.urlInvalid');
    if (kind === 'document' && !documentId) errors.documentId = t('initiativePage.links.documentMissing');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    save.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="link-form-heading">
      <h3 className="ds-heading" data-size="xs" id="link-form-heading">
        {t('initiativePage.links.add')}
      </h3>
      {form.summary}
      <TextField
        id={form.fieldId('title')}
        label={t('initiativePage.links.title')}
        required
        value={title}
        onValueChange={setTitle}
        error={form.errors.title}
        maxLength={200}
      />
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
              onChange={() => setKind(k)}
            />
            <label className="ds-label" data-weight="regular" htmlFor={`link-kind-${k}`}>
              {t(k === 'url' ? 'initiativePage.links.kindUrl' : 'initiativePage.links.kindDocument')}
            </label>
          </div>
        ))}
      </fieldset>
      {kind === 'url' ? (
        <TextField
          id={form.fieldId('url')}
          label={t('initiativePage.links.url')}
          hint={t('initiativePage.links.urlHint')}
          type="url"
          required
          value={url}
          onValueChange={setUrl}
          error={form.errors.url}
          maxLength={2000}
        />
      ) : documents.isPending ? (
        <Loading />
      ) : documents.isError ? (
        <ErrorAlert error={documents.error} />
      ) : documents.data.items.length === 0 ? (
        <p className="ds-paragraph">{t('initiativePage.links.noDocuments')}</p>
      ) : (
        <SelectField
          id={form.fieldId('documentId')}
          label={t('initiativePage.links.pickDocument')}
          hint={t('initiativePage.links.pickDocumentHint')}
          value={documentId}
          onValueChange={(id) => {
            setDocumentId(id);
            const doc = documents.data.items.find((d) => d.id === id);
            if (doc && !title.trim()) setTitle(doc.title);
          }}
          options={[
            { value: '', label: '–' },
            ...documents.data.items.map((d) => ({ value: d.id, label: d.title })),
          ]}
          required
          error={form.errors.documentId}
        />
      )}
      <SaveOrCancel busy={save.isPending} label={t('initiativePage.links.submitAdd')} onCancel={onCancel} />
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
      <LiveStatus message={message} />
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
