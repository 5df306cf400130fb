import './steering-reports.css';

export { SteeringReportPage } from './SteeringReportPage.tsx';
export { SteeringReportsPage } from './SteeringReportsPage.tsx';
