import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionPlanView, type PlanItem } from '../../../shared/contracts/action-plans.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { RemoveItemConfirm } from './RemoveItemConfirm.tsx';
import { usePlanUpdated } from './usePlanUpdated.ts';

/**
 * The plan's initiatives in priority order. The owner's people move them up or down and remove them
 * (with a confirm step and a reason); in a historic view nothing can be changed.
 */
export function PlanItemsTable({
  planId,
  items,
  editable,
  caption,
}: {
  planId: string;
  items: PlanItem[];
  editable: boolean;
  caption: string;
}) {
  const { t } = useTranslation();
  const updated = usePlanUpdated(planId);
  const [status, setStatus] = useState('');
  const [removing, setRemoving] = useState<PlanItem | null>(null);
  const move = useMutation({
    mutationFn: (v: { item: PlanItem; priority: number; dir: 'up' | 'down' }) =>
      api.patch(`/action-plans/${planId}/items/${v.item.initiativeId}`, ActionPlanView, {
        priority: v.priority,
      }),
    onSuccess: (plan, v) => {
      updated(plan);
      setStatus(t('actionPlans.items.moved', { title: v.item.title, priority: v.priority }));
      // Keep focus on the same button; at the top or bottom, on the other one.
      requestAnimationFrame(() => {
        const other = v.dir === 'up' ? 'down' : 'up';
        const el = document.getElementById(
          `move-${v.dir}-${v.item.initiativeId}`,
        ) as HTMLButtonElement | null;
        (el && !el.disabled ? el : document.getElementById(`move-${other}-${v.item.initiativeId}`))?.focus();
      });
    },
  });

  if (items.length === 0) return <p className="ds-paragraph">{t('actionPlans.items.empty')}</p>;
  return (
    <>
      <TableWrap label={caption}>
        <table className="ds-table plan-items" data-border="true">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('actionPlans.items.priority')}
              </th>
              <th scope="col">{t('actionPlans.items.initiative')}</th>
              <th scope="col">{t('actionPlans.items.owner')}</th>
              <th scope="col">{t('actionPlans.items.status')}</th>
              <th scope="col">{t('actionPlans.items.phase')}</th>
              {editable ? <th scope="col">{t('actionPlans.items.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => (
              <tr key={item.initiativeId}>
                <td className="num">{item.priority}</td>
                <th scope="row">
                  <Link className="ds-link" to={`/insatser/${item.initiativeId}`}>
                    {item.title}
                  </Link>
                </th>
                <td>{item.owner.name}</td>
                <td>{t(`initiatives.status.${item.status}`)}</td>
                <td>{t(`initiatives.phase.${item.phase}`)}</td>
                {editable ? (
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        id={`move-up-${item.initiativeId}`}
                        className="ds-button"
                        data-variant="secondary"
                        data-size="sm"
                        disabled={index === 0 || move.isPending}
                        aria-label={t('actionPlans.items.moveUp', { title: item.title })}
                        onClick={() => move.mutate({ item, priority: item.priority - 1, dir: 'up' })}
                      >
                        <span aria-hidden="true">↑</span> {t('actionPlans.items.up')}
                      </button>
                      <button
                        type="button"
                        id={`move-down-${item.initiativeId}`}
                        className="ds-button"
                        data-variant="secondary"
                        data-size="sm"
                        disabled={index === items.length - 1 || move.isPending}
                        aria-label={t('actionPlans.items.moveDown', { title: item.title })}
                        onClick={() => move.mutate({ item, priority: item.priority + 1, dir: 'down' })}
                      >
                        <span aria-hidden="true">↓</span> {t('actionPlans.items.down')}
                      </button>
                      <button
                        type="button"
                        id={`remove-${item.initiativeId}`}
                        className="ds-button"
                        data-variant="tertiary"
                        data-size="sm"
                        aria-label={t('actionPlans.items.removeLabel', { title: item.title })}
                        onClick={() => setRemoving(item)}
                      >
                        {t('actionPlans.items.remove')}
                      </button>
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {move.isError ? <ErrorAlert error={move.error} /> : null}
      {removing ? (
        <RemoveItemConfirm
          planId={planId}
          item={removing}
          onDone={(message) => {
            setRemoving(null);
            setStatus(message);
          }}
          onCancel={() => {
            const id = removing.initiativeId;
            setRemoving(null);
            requestAnimationFrame(() => document.getElementById(`remove-${id}`)?.focus());
          }}
        />
      ) : null}
      <LiveStatus message={status} />
    </>
  );
}
