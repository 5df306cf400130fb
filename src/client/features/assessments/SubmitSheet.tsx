import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Question, requiredQuestions, type SheetView } from '../../../shared/contracts/assessments.ts';
import { ConfirmStep } from '../../components/ConfirmStep.tsx';
import { formatDate, localised } from './data.ts';

interface SubmitSheetProps {
  sheet: SheetView;
  fieldId: (questionKey: string) => string;
  /** The form's error summary (server refusals, required questions left). */
  summary: React.ReactNode;
  /** Required questions left unanswered: shown in the error summary instead of the confirmation. */
  onMissing: (missing: Question[]) => void;
  /** Everything required is answered: the summary of an earlier attempt no longer applies. */
  onReady: () => void;
  onSubmit: () => void;
  pending: boolean;
  /** The sheet was submitted from this page just now: show the receipt. */
  done: boolean;
}

/** Moves focus to a question, as the error summary's links do. */
function QuestionLink({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <a
      className="ds-link"
      href={`#${id}`}
      onClick={(e) => {
        const el = document.getElementById(id);
        if (el) {
          e.preventDefault();
          el.focus();
          el.scrollIntoView({ block: 'center' });
        }
      }}
    >
      {children}
    </a>
  );
}

/**
 * Submitting locks the sheet for everyone in the municipality, so it is a step of its own: a
 * confirmation that says so and lists what is still unanswered, then a receipt. Which questions must be
 * answered comes from the shared contract (`requiredQuestions`), the same rule the server applies.
 */
export function SubmitSheet({
  sheet,
  fieldId,
  summary,
  onMissing,
  onReady,
  onSubmit,
  pending,
  done,
}: SubmitSheetProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [confirming, setConfirming] = useState(false);
  const receiptRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (done) receiptRef.current?.focus();
  }, [done]);

  if (done && sheet.status === 'submitted')
    return (
      <div className="ds-alert sheet-receipt" data-color="success" tabIndex={-1} ref={receiptRef}>
        <h2 className="ds-heading" data-size="xs">
          {t('assessments.sheet.submitted')}
        </h2>
        <p className="ds-paragraph">
          {t('assessments.sheet.receipt', {
            date: sheet.submittedAt ? formatDate(sheet.submittedAt, lang) : '',
            answered: sheet.answered,
            total: sheet.total,
          })}
        </p>
        <p className="ds-paragraph">{t('assessments.sheet.receiptNext')}</p>
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/bedomningar/${sheet.round.id}`}>
            {t('assessments.sheet.back')}
          </Link>
        </p>
      </div>
    );
  if (!sheet.canEdit) return null;

  const answered = new Set(sheet.answers.filter((a) => a.value !== null).map((a) => a.questionKey));
  const required = new Set(requiredQuestions(sheet.content).map((q) => q.key));
  const unanswered = sheet.content.sections.flatMap((s) => s.questions).filter((q) => !answered.has(q.key));
  const missing = unanswered.filter((q) => required.has(q.key));

  const start = () => {
    if (missing.length) {
      setConfirming(false);
      onMissing(missing);
    } else {
      onReady();
      setConfirming(true);
    }
  };

  return (
    <div className="form">
      {summary}
      {confirming && !missing.length ? (
        <ConfirmStep
          className="sheet-confirm"
          title={t('assessments.sheet.confirmTitle')}
          confirmLabel={t('assessments.sheet.confirmSubmit')}
          busyLabel={t('assessments.sheet.submitting')}
          busy={pending}
          cancelLabel={t('assessments.sheet.confirmCancel')}
          onConfirm={onSubmit}
          onCancel={() => setConfirming(false)}
          returnFocusTo="sheet-submit"
        >
          <p className="ds-paragraph">{t('assessments.sheet.confirmRule')}</p>
          {unanswered.length ? (
            <>
              <p className="ds-paragraph">
                {t('assessments.sheet.confirmUnanswered', { count: unanswered.length })}
              </p>
              <ul className="ds-list">
                {unanswered.map((q) => (
                  <li key={q.key}>
                    <QuestionLink id={fieldId(q.key)}>
                      {t('assessments.sheet.missing', { question: localised(q.text, lang) })}
                    </QuestionLink>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="ds-paragraph">{t('assessments.sheet.confirmAllAnswered')}</p>
          )}
        </ConfirmStep>
      ) : (
        <button type="button" className="ds-button" data-variant="primary" id="sheet-submit" onClick={start}>
          {t('assessments.sheet.submit')}
        </button>
      )}
    </div>
  );
}
