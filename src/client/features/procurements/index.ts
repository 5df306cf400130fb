import './procurements.css';

export { ConfirmParticipationPage } from './ConfirmParticipationPage.tsx';
export { NewProcurementPage } from './NewProcurementPage.tsx';
export { ProcurementPage } from './ProcurementPage.tsx';
export { ProcurementsPage } from './ProcurementsPage.tsx';
