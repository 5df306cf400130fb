import './action-plans.css';

export { ActionPlanPage } from './ActionPlanPage.tsx';
export { ActionPlansPage } from './ActionPlansPage.tsx';
export { InitiativeTotalsPage } from './InitiativeTotalsPage.tsx';
export { NeedsPage } from './NeedsPage.tsx';
export { NewActionPlanPage } from './NewActionPlanPage.tsx';
