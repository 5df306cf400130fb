import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InitiativeLink, type InitiativeView } from '../../../shared/contracts/initiatives.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useFocusFirstField, useInvalidateInitiative } from './page-data.ts';
import { RowActions, useRemove } from './RowActions.tsx';

const FIELDS = ['title', 'url'];
const WEB_URL_RE = /^https?:\/\/[^\s/]+\.\S*$/;

function LinkForm({
  initiativeId,
  onDone,
  onCancel,
}: {
  initiativeId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateInitiative(initiativeId);
  const form = useFormErrors('link');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  useFocusFirstField(form.fieldId('title'));
  const save = useMutation({
    mutationFn: () =>
      api.post(`/initiatives/${initiativeId}/links`, InitiativeLink, {
        title: title.trim(),
        url: url.trim(),
      }),
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
    if (!WEB_URL_RE.test(url.trim())) errors.url = t('initiativePage.links.urlInvalid');
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
      <div className="form-actions">
        <SubmitButton
          busy={save.isPending}
          label={t('initiativePage.links.submitAdd')}
          busyLabel={t('initiativePage.saving')}
        />
        <button type="button" className="ds-button" data-variant="secondary" onClick={onCancel}>
          {t('initiativePage.cancel')}
        </button>
      </div>
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
