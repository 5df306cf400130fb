import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateInitiative, InitiativeView } from '../../../shared/contracts/initiatives.ts';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
} from '../../components/form/index.ts';
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
  const cf = useContractForm(CreateInitiative, {
    id,
    defaultValues: { title, purpose, ownerOrganisationId: owners[0]?.id ?? '', source },
    labels: {
      title: t('initiatives.draft.title'),
      purpose: t('initiatives.draft.purpose'),
      ownerOrganisationId: t('initiatives.draft.owner'),
    },
    onSubmit: async ({ purpose: text, ...body }) => {
      const created = await api.post('/initiatives', InitiativeView, {
        ...body,
        ...(text ? { purpose: text } : {}),
      });
      navigate(`/insatser/${created.id}`);
    },
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
  return (
    <form className="initiative-draft" onSubmit={cf.onSubmit} noValidate aria-label={label}>
      {cf.summary}
      <ContractTextField cf={cf} name="title" required />
      <ContractTextAreaField cf={cf} name="purpose" rows={3} />
      {owners.length > 1 ? (
        <ContractSelectField
          cf={cf}
          name="ownerOrganisationId"
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        />
      ) : (
        <p className="ds-paragraph">{t('initiatives.draft.ownedBy', { name: owners[0]!.name })}</p>
      )}
      <div className="button-row">
        <SubmitButton
          busy={cf.busy}
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
