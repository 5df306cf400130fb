import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ActionPlanSummary, Need } from '../../../shared/contracts/action-plans.ts';
import { ErrorAlert, Tag } from '../../components/Feedback.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { DeclineNeedForm, PrioritiseNeedForm } from './DecideNeedForms.tsx';
import { plansKey } from './data.ts';
import { EndorseNeedForm } from './EndorseNeedForm.tsx';

const STATUS_COLOR = { proposed: 'info', prioritised: 'success', declined: 'neutral' } as const;

/** One need of the backlog, with what the person may do with it: endorse, withdraw, prioritise, decline. */
export function NeedCard({
  need,
  mine,
  plans,
  onMessage,
}: {
  need: Need;
  /** The municipalities the person coordinates. */
  mine: { code: string; name: string }[];
  /** Plans the person may prioritise into (editable plans owned by the need's region). */
  plans: ActionPlanSummary[];
  onMessage: (m: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState<'endorse' | 'prioritise' | 'decline' | null>(null);
  const headingId = `need-${need.id}-title`;
  const endorsedCodes = new Set(need.endorsements.map((e) => e.code));
  const endorser = mine.find((m) => m.code !== need.proposedBy.code && !endorsedCodes.has(m.code));
  const mineCodes = new Set(mine.map((m) => m.code));
  const done = (message: string) => async (_: Need) => {
    setOpen(null);
    await qc.invalidateQueries({ queryKey: plansKey });
    onMessage(message);
    requestAnimationFrame(() => document.getElementById(headingId)?.focus());
  };
  const withdraw = useMutation({
    mutationFn: (code: string) => api.delete(`/needs/${need.id}/endorsements/${code}`, Need),
    onSuccess: done(t('needs.endorse.withdrawn', { title: need.title })),
  });
  return (
    <article className="need-card ds-card" aria-labelledby={headingId}>
      <h3 className="ds-heading" data-size="xs" id={headingId} tabIndex={-1}>
        {need.title}
      </h3>
      <p className="need-meta">
        <Tag color={STATUS_COLOR[need.status]}>{t(`needs.status.${need.status}`)}</Tag>{' '}
        <span className="muted">
          {t('needs.need.proposedBy', { name: need.proposedBy.name, date: formatDate(need.createdAt) })}
        </span>
      </p>
      <dl className="facts">
        <dt>{t('needs.need.problem')}</dt>
        <dd>{need.problem}</dd>
        {need.affected ? (
          <>
            <dt>{t('needs.need.affected')}</dt>
            <dd>{need.affected}</dd>
          </>
        ) : null}
        {need.desiredOutcome ? (
          <>
            <dt>{t('needs.need.desiredOutcome')}</dt>
            <dd>{need.desiredOutcome}</dd>
          </>
        ) : null}
        {need.technology ? (
          <>
            <dt>{t('needs.need.technology')}</dt>
            <dd>{need.technology.name}</dd>
          </>
        ) : null}
        {need.decisionNote ? (
          <>
            <dt>{t('needs.need.decisionNote')}</dt>
            <dd>{need.decisionNote}</dd>
          </>
        ) : null}
        {need.initiative ? (
          <>
            <dt>{t('needs.need.initiative')}</dt>
            <dd>
              <Link className="ds-link" to={`/insatser/${need.initiative.id}`}>
                {need.initiative.title}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
      <h4 className="ds-heading endorsements-heading" data-size="2xs">
        {t('needs.need.endorsements', { count: need.endorsements.length })}
      </h4>
      {need.endorsements.length > 0 ? (
        <ul className="endorsements">
          {need.endorsements.map((e) => (
            <li key={e.code}>
              <strong>{e.name}</strong>
              {e.comment ? <>: {e.comment}</> : null}{' '}
              {need.status === 'proposed' && mineCodes.has(e.code) ? (
                <button
                  type="button"
                  className="ds-button"
                  data-variant="tertiary"
                  data-size="sm"
                  disabled={withdraw.isPending}
                  onClick={() => withdraw.mutate(e.code)}
                >
                  {t('needs.endorse.withdraw', { name: e.name })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="ds-paragraph muted">{t('needs.need.noEndorsements')}</p>
      )}
      {withdraw.isError ? <ErrorAlert error={withdraw.error} /> : null}

      {open === null && (need.canEndorse || need.canDecide) ? (
        <div className="action-buttons">
          {need.canEndorse && endorser ? (
            <button
              type="button"
              className="ds-button"
              data-variant="secondary"
              onClick={() => setOpen('endorse')}
            >
              {t('needs.endorse.open')}
            </button>
          ) : null}
          {need.canDecide ? (
            <>
              <button
                type="button"
                className="ds-button"
                data-variant="primary"
                onClick={() => setOpen('prioritise')}
              >
                {t('needs.decide.prioritise')}
              </button>
              <button
                type="button"
                className="ds-button"
                data-variant="secondary"
                onClick={() => setOpen('decline')}
              >
                {t('needs.decide.decline')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {open === 'endorse' && endorser ? (
        <EndorseNeedForm
          need={need}
          municipality={endorser}
          onDone={done(t('needs.endorse.done', { title: need.title }))}
          onCancel={() => setOpen(null)}
        />
      ) : null}
      {open === 'prioritise' ? (
        <PrioritiseNeedForm
          need={need}
          plans={plans}
          onDone={(n) =>
            void done(t('needs.decide.prioritised', { title: n.initiative?.title ?? n.title }))(n)
          }
          onCancel={() => setOpen(null)}
        />
      ) : null}
      {open === 'decline' ? (
        <DeclineNeedForm
          need={need}
          onDone={done(t('needs.decide.declined', { title: need.title }))}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </article>
  );
}
