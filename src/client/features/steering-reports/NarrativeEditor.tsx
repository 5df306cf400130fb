import { useTranslation } from 'react-i18next';
import { NARRATIVE_MAX, type SectionKey } from '../../../shared/contracts/steering-reports.ts';
import { TextAreaField } from '../../components/Form.tsx';
import type { NarrativeDraft } from './useNarrativeDraft.ts';

const timeOf = (d: Date, lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { hour: '2-digit', minute: '2-digit' }).format(
    d,
  );

/**
 * One section's text in the report's form. Its status says only what is true: nothing while untouched,
 * "saved automatically when you stop typing" while changed, "Sparat 14:05" once saved from this page.
 * The status is plain text; the page has one polite live status for the whole form.
 */
export function NarrativeEditor({
  draft,
  sectionKey,
  title,
  theirs,
  withFigures,
}: {
  draft: NarrativeDraft;
  sectionKey: SectionKey;
  title: string;
  /** The text stored on the server now (someone else's, after a conflict). */
  theirs: string;
  withFigures: boolean;
}) {
  const { t, i18n } = useTranslation();
  const id = `narrative-${sectionKey}`;
  const savedAt = draft.savedAt[sectionKey];
  const conflict = draft.conflicts.includes(sectionKey);
  const status = conflict
    ? ''
    : draft.isPending(sectionKey)
      ? t('steeringReports.narrative.pending')
      : savedAt
        ? t('steeringReports.narrative.savedAt', { time: timeOf(savedAt, i18n.language) })
        : '';
  return (
    <div className="narrative-form">
      <TextAreaField
        id={id}
        label={t('steeringReports.narrative.label', { section: title })}
        hint={withFigures ? t('steeringReports.narrative.hintFigures') : undefined}
        value={draft.texts[sectionKey] ?? ''}
        onValueChange={(v) => draft.setText(sectionKey, v)}
        maxLength={NARRATIVE_MAX}
        rows={6}
      />
      <p className="ds-paragraph narrative-state" data-size="sm" id={`${id}-state`}>
        {status}
      </p>
      {conflict ? (
        <div className="ds-alert" data-color="warning">
          <h3 className="ds-heading" data-size="2xs">
            {t('steeringReports.narrative.conflictTitle', { section: title })}
          </h3>
          <p className="ds-paragraph" role="alert">
            {t('steeringReports.narrative.conflict')}
          </p>
          <p className="ds-paragraph" data-weight="medium">
            {t('steeringReports.narrative.theirText')}
          </p>
          <blockquote className="narrative-theirs">
            {theirs || t('steeringReports.narrative.empty')}
          </blockquote>
          <div className="row-actions">
            <button
              type="button"
              className="ds-button"
              data-variant="primary"
              onClick={() => draft.keepMine(sectionKey, theirs)}
            >
              {t('steeringReports.narrative.keepMine')}
            </button>
            <button
              type="button"
              className="ds-button"
              data-variant="secondary"
              onClick={() => draft.takeTheirs(sectionKey, theirs)}
            >
              {t('steeringReports.narrative.takeTheirs')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
