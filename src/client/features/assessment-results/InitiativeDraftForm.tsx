import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { InitiativeView } from '../../../shared/contracts/initiatives.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { SelectField, SubmitButton, TextAreaField, TextField } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';

export interface GapSource {
  roundId: string;
  municipalityCode?: string;
  areaKey?: string;
  questionKey?: string;
}

/**
 * "Gör en insats av det här": a button that opens a small form (title and purpose prefilled from the
 * gap) and creates an initiative draft linked back to it, then shows the draft.
 */
export function InitiativeDraftButton({
  source,
  owners,
  title,
  purpose,
  label,
}: {
  source: GapSource;
  owners: { id: string; name: string }[];
  title: string;
  purpose: string;
  label: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ title, purpose, owner: owners[0]?.id ?? '' });
  const [missing, setMissing] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      api.post('/initiatives', InitiativeView, {
        title: values.title,
        purpose: values.purpose || undefined,
        ownerOrganisationId: values.owner,
        source,
      }),
    onSuccess: (created) => navigate(`/insatser/${created.id}`),
  });
  if (!owners.length) return null;
  if (!open)
    return (
      <button
        type="button"
        className="ds-button"
        data-variant="secondary"
        data-size="sm"
        aria-label={label}
        onClick={() => {
          setOpen(true);
          queueMicrotask(() => document.getElementById(`${id}-title`)?.focus());
        }}
      >
        {t('initiatives.draft.open')}
      </button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = values.title.trim().length < 3;
    setMissing(bad);
    if (bad) {
      document.getElementById(`${id}-title`)?.focus();
      return;
    }
    create.mutate();
  };
  return (
    <form className="initiative-draft" onSubmit={submit} noValidate aria-label={label}>
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <TextField
        id={`${id}-title`}
        label={t('initiatives.draft.title')}
        required
        value={values.title}
        onValueChange={(v) => setValues({ ...values, title: v })}
        error={missing ? t('initiatives.draft.titleMissing') : undefined}
      />
      <TextAreaField
        id={`${id}-purpose`}
        label={t('initiatives.draft.purpose')}
        rows={3}
        value={values.purpose}
        onValueChange={(v) => setValues({ ...values, purpose: v })}
      />
      {owners.length > 1 ? (
        <SelectField
          id={`${id}-owner`}
          label={t('initiatives.draft.owner')}
          value={values.owner}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
          onValueChange={(v) => setValues({ ...values, owner: v })}
        />
      ) : (
        <p className="ds-paragraph">{t('initiatives.draft.ownedBy', { name: owners[0]!.name })}</p>
      )}
      <div className="button-row">
        <SubmitButton
          busy={create.isPending}
          label={t('initiatives.draft.create')}
          busyLabel={t('initiatives.draft.creating')}
        />
        <button type="button" className="ds-button" data-variant="tertiary" onClick={() => setOpen(false)}>
          {t('initiatives.draft.cancel')}
        </button>
      </div>
    </form>
  );
}
