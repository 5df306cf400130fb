import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivationCodeIssued } from '../../../shared/contracts/activation.ts';
import { formatDate } from '../../lib/i18n.ts';

/**
 * When printing, only the sheet is shown: the person takes the paper home, so it carries the name,
 * username, code, QR code and the steps in plain language — nothing else from the page.
 */
const PRINT_CSS = `
@media print {
  body * { visibility: hidden; }
  .activation-sheet, .activation-sheet * { visibility: visible; }
  .activation-sheet { position: absolute; inset: 0 auto auto 0; width: 100%; border: 0; }
  .activation-sheet .no-print { display: none; }
}
.activation-sheet { border: 1px solid var(--ds-color-neutral-border-subtle, #ccc); border-radius: 8px; padding: 1.5rem; margin-block: 1.5rem; }
.activation-sheet .activation-code { font-family: ui-monospace, monospace; font-size: 1.75rem; letter-spacing: 0.1em; white-space: nowrap; }
.activation-sheet img { width: 12rem; height: 12rem; max-width: 100%; }
`;

/** The code shown once, right after it is issued, as a sheet that prints on its own. */
export function ActivationSheet({ issued, onDone }: { issued: ActivationCodeIssued; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The sheet appears after a form was sent: move focus to it, so screen reader users find the code.
  useEffect(() => heading.current?.focus(), []);
  const url = `${new URL(issued.activationUrl).origin}/aktivera`;
  return (
    <section className="activation-sheet" aria-labelledby="activation-sheet-heading">
      <style>{PRINT_CSS}</style>
      <h2 className="ds-heading" data-size="md" id="activation-sheet-heading" tabIndex={-1} ref={heading}>
        {t('activation.sheet.heading', { name: issued.name })}
      </h2>
      <div className="ds-alert no-print" data-color="warning">
        <p className="ds-paragraph">{t('activation.sheet.shownOnce')}</p>
      </div>
      <dl className="activation-facts">
        {issued.username ? (
          <>
            <dt>{t('activation.sheet.username')}</dt>
            <dd>
              <strong>{issued.username}</strong>
            </dd>
          </>
        ) : null}
        <dt>{t('activation.sheet.code')}</dt>
        <dd className="activation-code" data-testid="activation-code">
          {issued.code}
        </dd>
      </dl>
      <img src={issued.qrCode} alt={t('activation.sheet.qrAlt', { name: issued.name })} />
      <p className="ds-paragraph">{t('activation.sheet.expires', { date: formatDate(issued.expiresAt) })}</p>
      <h3 className="ds-heading" data-size="xs">
        {t('activation.sheet.stepsHeading')}
      </h3>
      <ol className="ds-list">
        <li>{t('activation.sheet.step1', { url })}</li>
        <li>{t('activation.sheet.step2')}</li>
        <li>{t('activation.sheet.step3')}</li>
        <li>{t('activation.sheet.step4')}</li>
      </ol>
      <div className="form-actions no-print">
        <button type="button" className="ds-button" data-variant="primary" onClick={() => window.print()}>
          {t('activation.sheet.print')}
        </button>
        <button type="button" className="ds-button" data-variant="secondary" onClick={onDone}>
          {t('activation.sheet.done')}
        </button>
      </div>
    </section>
  );
}
