import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ChecklistEntry,
  type InitiativePhase,
  type InitiativeView,
  phaseChecklists,
} from '../../../shared/contracts/initiatives.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { api } from '../../lib/api.ts';
import { useInvalidateInitiative } from './page-data.ts';

/** Which items of a phase's checklist are ticked. */
export function tickedItems(i: InitiativeView, phase: InitiativePhase): Set<string> {
  return new Set(i.checklist.filter((c) => c.phase === phase && c.done).map((c) => c.itemKey));
}

/**
 * One phase's checklist. The owner ticks items and each tick is saved at once; others read which items
 * are done. The implement phase's list is the decision basis.
 */
export function ChecklistList({
  initiative: i,
  phase,
}: {
  initiative: InitiativeView;
  phase: InitiativePhase;
}) {
  const { t, i18n } = useTranslation();
  const invalidate = useInvalidateInitiative(i.id);
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [message, setMessage] = useState('');
  const items = phaseChecklists[phase];
  const ticked = tickedItems(i, phase);
  const isDone = (key: string) => pending[key] ?? ticked.has(key);
  const label = (item: (typeof items)[number]) => (i18n.language === 'en' ? item.en : item.sv);
  const doneCount = items.filter((item) => isDone(item.key)).length;
  const headingId = `checklist-${phase}-heading`;

  const put = useMutation({
    mutationFn: ({ key, done }: { key: string; done: boolean }) =>
      api.put(`/initiatives/${i.id}/checklist/${phase}/${encodeURIComponent(key)}`, ChecklistEntry, { done }),
    onMutate: ({ key, done }) => {
      setMessage('');
      setPending((p) => ({ ...p, [key]: done }));
    },
    onSuccess: async (entry, { key }) => {
      await invalidate();
      setPending(({ [key]: _, ...rest }) => rest);
      const item = items.find((x) => x.key === key);
      setMessage(
        t(entry.done ? 'initiativePage.checklist.ticked' : 'initiativePage.checklist.unticked', {
          item: item ? label(item) : key,
        }),
      );
    },
    onError: (_err, { key }) => setPending(({ [key]: _, ...rest }) => rest),
  });

  return (
    <section className="initiative-checklist" aria-labelledby={headingId}>
      <h3 className="ds-heading" data-size="xs" id={headingId}>
        {phase === 'implement'
          ? t('initiativePage.checklist.decisionBasis')
          : t('initiativePage.checklist.title', { phase: t(`initiatives.phase.${phase}`) })}
      </h3>
      <p className="ds-paragraph muted initiative-checklist-progress">
        {t('initiativePage.checklist.progress', { done: doneCount, total: items.length })}
      </p>
      {i.canEdit ? (
        <ul className="initiative-checklist-items">
          {items.map((item) => {
            const id = `checklist-${phase}-${item.key}`;
            return (
              <li key={item.key} className="ds-field checkbox">
                <input
                  className="ds-input"
                  type="checkbox"
                  id={id}
                  checked={isDone(item.key)}
                  onChange={(e) => put.mutate({ key: item.key, done: e.target.checked })}
                />
                <label className="ds-label" data-weight="regular" htmlFor={id}>
                  {label(item)}
                </label>
              </li>
            );
          })}
        </ul>
      ) : (
        <ul className="initiative-checklist-items">
          {items.map((item) => (
            <li key={item.key} className="initiative-checklist-readonly" data-done={isDone(item.key)}>
              <span aria-hidden="true" className="initiative-checklist-mark">
                {isDone(item.key) ? '✓' : '○'}
              </span>{' '}
              {label(item)}{' '}
              <span className="sr-only">
                (
                {isDone(item.key)
                  ? t('initiativePage.checklist.done')
                  : t('initiativePage.checklist.notDone')}
                )
              </span>
            </li>
          ))}
        </ul>
      )}
      {put.isError ? <ErrorAlert error={put.error} /> : null}
      <LiveStatus message={message} />
    </section>
  );
}
