import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmStep } from '../../components/ConfirmStep.tsx';
import { LiveStatus } from '../../components/Feedback.tsx';

/**
 * Save, preview and publish, with the publish confirmation. Publishing freezes the draft as the next
 * version, so it asks first and says which version it will be.
 */
export function EditorActions({
  status,
  dirty,
  busy,
  preview,
  nextVersion,
  onSave,
  onTogglePreview,
  onPublish,
}: {
  status: string | null;
  dirty: boolean;
  busy: 'save' | 'publish' | null;
  preview: boolean;
  nextVersion: number;
  onSave: () => void;
  onTogglePreview: () => void;
  onPublish: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="author-actions">
      <LiveStatus
        message={status ?? (dirty ? t('authoring.unsaved') : null)}
        tone={status ? 'success' : 'info'}
      />
      <div className="button-row">
        <button
          type="button"
          className="ds-button"
          data-variant="primary"
          aria-busy={busy === 'save' || undefined}
          disabled={busy !== null}
          onClick={onSave}
        >
          {busy === 'save' ? t('authoring.saving') : t('authoring.save')}
        </button>
        <button type="button" className="ds-button" data-variant="secondary" onClick={onTogglePreview}>
          {preview ? t('authoring.closePreview') : t('authoring.previewAsLearner')}
        </button>
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          disabled={busy !== null}
          id="publish-course"
          onClick={() => setConfirming(true)}
        >
          {t('authoring.publish')}
        </button>
      </div>
      {confirming ? (
        <ConfirmStep
          className="ds-alert"
          color="warning"
          titleAs="p"
          title={t('authoring.publishConfirm', { version: nextVersion })}
          confirmLabel={t('authoring.publishYes')}
          cancelLabel={t('authoring.cancel')}
          onConfirm={() => {
            setConfirming(false);
            onPublish();
          }}
          onCancel={() => setConfirming(false)}
          returnFocusTo="publish-course"
        />
      ) : null}
    </div>
  );
}
