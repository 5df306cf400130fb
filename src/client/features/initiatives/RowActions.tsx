import { useMutation } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Ok } from '../../../shared/contracts/common.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { useInvalidateInitiative } from './page-data.ts';
import { SavedStatus } from './SavedStatus.tsx';

/** "Ändra" and "Ta bort" for one row; the row's name ends each button's accessible name. */
export function RowActions({
  name,
  onEdit,
  onRemove,
  removing,
}: {
  name: string;
  onEdit?: () => void;
  onRemove: () => void;
  removing: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="initiative-row-actions">
      {onEdit ? (
        <button type="button" className="ds-button" data-variant="tertiary" data-size="sm" onClick={onEdit}>
          {t('initiativePage.edit')}
          <span className="sr-only">: {name}</span>
        </button>
      ) : null}
      <button
        type="button"
        className="ds-button"
        data-variant="tertiary"
        data-size="sm"
        data-color="danger"
        aria-disabled={removing || undefined}
        onClick={() => {
          if (!removing) onRemove();
        }}
      >
        {t('initiativePage.remove')}
        <span className="sr-only">: {name}</span>
      </button>
    </div>
  );
}

/** Deletes a child of the initiative (a milestone, risk, link or funding row) by its path. */
export function useRemove(initiativeId: string, onDone: (message: string) => void) {
  const invalidate = useInvalidateInitiative(initiativeId);
  return useMutation({
    mutationFn: ({ path }: { path: string; message: string }) => api.delete(path, Ok),
    onSuccess: async (_ok, { message }) => {
      await invalidate();
      onDone(message);
    },
  });
}

export type Editing<T> = T | 'new' | null;

/**
 * The end of a child section (milestones, risks, funding): a failed removal, the polite status, and for
 * the owner's people either the open form (new or the row being edited) or the button that opens it.
 */
export function ChildEditorFooter<T extends { id: string }>({
  canEdit,
  editing,
  setEditing,
  message,
  setMessage,
  removeError,
  addLabel,
  form,
}: {
  canEdit: boolean;
  editing: Editing<T>;
  setEditing: (e: Editing<T>) => void;
  message: string;
  setMessage: (m: string) => void;
  removeError: unknown;
  addLabel: string;
  form: (row: T | null, onDone: (message: string) => void, onCancel: () => void) => ReactNode;
}) {
  return (
    <>
      {removeError ? <ErrorAlert error={removeError} /> : null}
      <SavedStatus message={message} />
      {canEdit ? (
        editing ? (
          <Fragment key={editing === 'new' ? 'new' : editing.id}>
            {form(
              editing === 'new' ? null : editing,
              (m) => {
                setEditing(null);
                setMessage(m);
              },
              () => setEditing(null),
            )}
          </Fragment>
        ) : (
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={() => {
              setMessage('');
              setEditing('new');
            }}
          >
            {addLabel}
          </button>
        )
      ) : null}
    </>
  );
}

/** A child form's save button and "Avbryt". */
export function SaveOrCancel({
  busy,
  label,
  onCancel,
}: {
  busy: boolean;
  label: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <SubmitButton busy={busy} label={label} busyLabel={t('initiativePage.saving')} />
      <button type="button" className="ds-button" data-variant="secondary" onClick={onCancel}>
        {t('initiativePage.cancel')}
      </button>
    </div>
  );
}
