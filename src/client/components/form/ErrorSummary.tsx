import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryEntry {
  /** The id of the input the link moves focus to. */
  fieldId: string;
  message: string;
}

/**
 * Every error of a form as a link to its field. Always in the DOM (hidden when empty) so that the form
 * can move focus to it after a failed submit.
 */
export function ErrorSummary({
  entries,
  general,
  headingId,
  ref,
}: {
  entries: readonly SummaryEntry[];
  general: string | null;
  headingId: string;
  ref: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  if (entries.length === 0 && !general) return <div ref={ref} tabIndex={-1} hidden />;
  return (
    <div className="ds-error-summary error-summary" tabIndex={-1} ref={ref}>
      <h2 className="ds-heading" data-size="xs" id={headingId}>
        {entries.length > 0 ? t('form.errorSummaryTitle') : t('app.errorTitle')}
      </h2>
      {general ? <p className="ds-paragraph">{general}</p> : null}
      {entries.length > 0 ? (
        <ul className="ds-list">
          {entries.map((e) => (
            <li key={e.fieldId}>
              <a
                className="ds-link"
                href={`#${e.fieldId}`}
                onClick={(ev) => {
                  const el = document.getElementById(e.fieldId);
                  if (el) {
                    ev.preventDefault();
                    el.focus();
                    el.scrollIntoView({ block: 'center' });
                  }
                }}
              >
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
