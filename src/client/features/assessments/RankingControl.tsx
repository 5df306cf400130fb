import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../shared/contracts/assessments.ts';
import { localised } from './data.ts';

/**
 * A ranking question: the options in order, moved with buttons (keyboard and screen reader alike, each
 * move announced). The order shown first is only a starting point: until it is moved or kept, the
 * question is not answered, and the progress count says so too.
 */
export function RankingControl({
  options,
  order,
  answered,
  canEdit,
  onOrder,
}: {
  options: Question['options'];
  order: string[];
  answered: boolean;
  canEdit: boolean;
  onOrder: (order: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const [moved, setMoved] = useState('');
  const label = (k: string) => {
    const o = options?.find((x) => x.key === k);
    return o ? localised(o.label, i18n.language) : k;
  };
  const move = (from: number, to: number) => {
    const next = [...order];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    setMoved(t('assessments.sheet.rankingMoved', { label: label(item!), n: to + 1 }));
    onOrder(next);
  };
  return (
    <>
      {canEdit ? <p className="field-hint">{t('assessments.sheet.rankingInstructions')}</p> : null}
      <ol className="ranking-list">
        {order.map((k, i) => (
          <li key={k}>
            <span>{label(k)}</span>
            {canEdit ? (
              <span className="button-row">
                <button
                  type="button"
                  className="ds-button"
                  data-variant="secondary"
                  data-size="sm"
                  disabled={i === 0}
                  aria-label={t('assessments.sheet.moveUp', { label: label(k) })}
                  onClick={() => move(i, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="ds-button"
                  data-variant="secondary"
                  data-size="sm"
                  disabled={i === order.length - 1}
                  aria-label={t('assessments.sheet.moveDown', { label: label(k) })}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit && !answered ? (
        <div className="ranking-unanswered">
          <p className="ds-paragraph">{t('assessments.sheet.rankingUnanswered')}</p>
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            data-size="sm"
            onClick={() => onOrder(order)}
          >
            {t('assessments.sheet.saveOrder')}
          </button>
        </div>
      ) : null}
      <div className="sr-only" aria-live="polite">
        {moved}
      </div>
    </>
  );
}
