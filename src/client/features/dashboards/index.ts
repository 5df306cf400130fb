import './dashboards.css';

export { DashboardHomePage } from './DashboardHomePage.tsx';
export { MunicipalityDashboardPage } from './MunicipalityDashboardPage.tsx';
export { ScopeDashboardPage } from './ScopeDashboardPage.tsx';
