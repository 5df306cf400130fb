import { useQueryClient } from '@tanstack/react-query';
import type { ActionPlanView } from '../../../shared/contracts/action-plans.ts';
import { planKey, plansKey } from './data.ts';

/** Stores a changed plan as the current one and refreshes the lists and totals that depend on it. */
export function usePlanUpdated(planId: string) {
  const qc = useQueryClient();
  return (plan: ActionPlanView) => {
    qc.setQueryData(planKey(planId, null), plan);
    void qc.invalidateQueries({
      queryKey: plansKey,
      predicate: (q) => !(q.queryKey[1] === 'one' && q.queryKey[2] === planId && q.queryKey[3] === 'now'),
    });
  };
}
