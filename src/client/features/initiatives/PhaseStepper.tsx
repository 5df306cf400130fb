import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type InitiativePhase,
  InitiativeView,
  initiativePhases,
  phaseChecklists,
} from '../../../shared/contracts/initiatives.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { ChecklistList, tickedItems } from './ChecklistList.tsx';
import { useInvalidateInitiative } from './page-data.ts';

/**
 * The five phases in order with the current one marked; the owner may move to any phase, forward or
 * back. Moving to implement with parts of the decision basis missing is allowed but warned about.
 */
export function PhaseStepper({ initiative: i }: { initiative: InitiativeView }) {
  const { t, i18n } = useTranslation();
  const invalidate = useInvalidateInitiative(i.id);
  const [message, setMessage] = useState('');
  const [warn, setWarn] = useState(false);
  const move = useMutation({
    mutationFn: (phase: InitiativePhase) => api.patch(`/initiatives/${i.id}`, InitiativeView, { phase }),
    onMutate: () => {
      setMessage('');
      setWarn(false);
    },
    onSuccess: async (view) => {
      await invalidate();
      setWarn(view.phase === 'implement');
      setMessage(t('initiativePage.phases.moved', { phase: t(`initiatives.phase.${view.phase}`) }));
    },
  });
  const ticked = tickedItems(i, 'implement');
  const missing = phaseChecklists.implement.filter((item) => !ticked.has(item.key));
  const currentIndex = initiativePhases.indexOf(i.phase);

  return (
    <Section title={t('initiativePage.phases.heading')} id="phases">
      <ol className="phase-stepper" aria-label={t('initiativePage.phases.stepperLabel')}>
        {initiativePhases.map((p, n) => (
          <li
            key={p}
            className="phase-step"
            data-state={n < currentIndex ? 'before' : n === currentIndex ? 'current' : 'after'}
            aria-current={p === i.phase ? 'step' : undefined}
          >
            <span className="phase-number" aria-hidden="true">
              {n + 1}
            </span>
            <span className="phase-name">
              {t(`initiatives.phase.${p}`)}
              {p === i.phase ? (
                <span className="phase-current-label"> ({t('initiativePage.phases.current')})</span>
              ) : null}
            </span>
            {i.canEdit && p !== i.phase ? (
              <button
                type="button"
                className="ds-button"
                data-variant="tertiary"
                data-size="sm"
                aria-disabled={move.isPending || undefined}
                onClick={() => {
                  if (!move.isPending) move.mutate(p);
                }}
              >
                {t('initiativePage.phases.moveTo', { phase: t(`initiatives.phase.${p}`) })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {move.isError ? <ErrorAlert error={move.error} /> : null}
      <LiveStatus message={message} />
      {warn && i.phase === 'implement' && missing.length > 0 ? (
        <div className="ds-alert" data-color="warning" role="alert">
          <h3 className="ds-heading" data-size="2xs">
            {t('initiativePage.phases.warningTitle')}
          </h3>
          <p className="ds-paragraph">{t('initiativePage.phases.warningText')}</p>
          <ul className="ds-list">
            {missing.map((item) => (
              <li key={item.key}>{i18n.language === 'en' ? item.en : item.sv}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="initiative-checklists">
        {initiativePhases.map((p) => (
          <ChecklistList key={p} initiative={i} phase={p} />
        ))}
      </div>
    </Section>
  );
}
