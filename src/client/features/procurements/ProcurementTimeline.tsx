import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProcurementView, procurementPhases } from '../../../shared/contracts/procurements.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { ChoiceInput } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { procurementKey, procurementsKey } from './procurement-queries.ts';

/**
 * The eight phases in order as a timeline: which are done (and when), which one it is in, their planned
 * dates and their checklists. The lead ticks the checklist here; everyone else reads it.
 */
export function ProcurementTimeline({ p }: { p: ProcurementView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const tick = useMutation({
    mutationFn: ({ itemId, done }: { itemId: string; done: boolean }) =>
      api.patch(`/procurements/${p.id}/checklist/${itemId}`, ProcurementView, { done }),
    onSuccess: (next) => {
      qc.setQueryData(procurementKey(p.id), next);
      void qc.invalidateQueries({ queryKey: procurementsKey });
    },
  });
  const current = procurementPhases.indexOf(p.phase);
  return (
    <>
      {tick.isError ? <ErrorAlert error={tick.error} /> : null}
      <ol className="procurement-timeline">
        {p.phases.map((phase, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'upcoming';
          const headingId = `phase-${phase.phase}`;
          return (
            <li
              key={phase.phase}
              className="procurement-phase"
              data-state={state}
              aria-labelledby={headingId}
            >
              <h3 className="ds-heading" data-size="2xs" id={headingId}>
                {t(`procurements.phases.${phase.phase}`)}
                <span className="procurement-phase-state"> – {t(`procurements.timeline.${state}`)}</span>
              </h3>
              <p className="ds-paragraph procurement-phase-dates">
                {phase.plannedStart || phase.plannedEnd
                  ? t('procurements.timeline.planned', {
                      start: phase.plannedStart ? formatDate(phase.plannedStart) : '–',
                      end: phase.plannedEnd ? formatDate(phase.plannedEnd) : '–',
                    })
                  : t('procurements.timeline.notPlanned')}
                {phase.completedOn
                  ? ` ${t('procurements.timeline.completed', { date: formatDate(phase.completedOn) })}`
                  : null}
              </p>
              {phase.checklist.length ? (
                <ul
                  className="procurement-checklist"
                  aria-label={t('procurements.timeline.checklistFor', {
                    phase: t(`procurements.phases.${phase.phase}`),
                  })}
                >
                  {phase.checklist.map((item) =>
                    p.canLead ? (
                      <ChoiceInput
                        key={item.id}
                        as="li"
                        type="checkbox"
                        id={`check-${item.id}`}
                        label={item.label}
                        checked={item.done}
                        aria-busy={tick.isPending || undefined}
                        onChange={(e) => tick.mutate({ itemId: item.id, done: e.target.checked })}
                      />
                    ) : (
                      <li key={item.id}>
                        {item.done
                          ? t('procurements.timeline.itemDone')
                          : t('procurements.timeline.itemOpen')}
                        {': '}
                        {item.label}
                      </li>
                    ),
                  )}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
